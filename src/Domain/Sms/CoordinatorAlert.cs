using NodaTime;

namespace HostingMatch.Domain.Sms;

/// <summary>Something the coordinators must look at (a host sent STOP, an SMS could not be sent).</summary>
public sealed class CoordinatorAlert
{
    public const int MaxMessageLength = 500;

    private CoordinatorAlert()
    {
        Code = Message = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>Stable code such as <c>host-opted-out</c> or <c>sms-failed</c>.</summary>
    public string Code { get; private set; }

    public string Message { get; private set; }
    public Guid? HostId { get; private set; }
    public Instant RaisedAt { get; private set; }

    /// <summary>Raises an alert.</summary>
    public static CoordinatorAlert Raise(string code, string message, Guid? hostId, Instant now) => new()
    {
        Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
        Code = code,
        Message = message.Length <= MaxMessageLength ? message : message[..MaxMessageLength],
        HostId = hostId,
        RaisedAt = now,
    };
}
