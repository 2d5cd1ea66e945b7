using NodaTime;

namespace HostingMatch.Domain.Sms;

/// <summary>
/// An SMS a host sent us, kept once per Twilio <see cref="MessageSid"/> (unique): Twilio retries webhooks,
/// and a retried one must not be processed twice.
/// </summary>
public sealed class InboundSms
{
    public const int MaxBodyLength = 1600;

    private InboundSms()
    {
        MessageSid = From = Body = Outcome = string.Empty;
    }

    public Guid Id { get; private set; }
    public string MessageSid { get; private set; }
    public string From { get; private set; }
    public string Body { get; private set; }

    /// <summary>The host with that number, if any.</summary>
    public Guid? HostId { get; private set; }

    /// <summary>What we made of it (<c>accepted</c>, <c>help</c>, <c>too-late</c>...), for the history.</summary>
    public string Outcome { get; private set; }

    /// <summary>What we answered, if anything.</summary>
    public string? Reply { get; private set; }

    public Instant ReceivedAt { get; private set; }

    /// <summary>Records a received SMS and what it led to.</summary>
    public static InboundSms Create(string messageSid, string from, string body, Guid? hostId, string outcome, string? reply, Instant now) => new()
    {
        Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
        MessageSid = messageSid,
        From = from,
        Body = body.Length <= MaxBodyLength ? body : body[..MaxBodyLength],
        HostId = hostId,
        Outcome = outcome,
        Reply = reply,
        ReceivedAt = now,
    };
}
