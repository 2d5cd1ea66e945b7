namespace HostingMatch.Application.Sms;

/// <summary>The SMS provider (Twilio, or the fake Twilio on 127.0.0.1): sends one message, and finds one it already took.</summary>
public interface ISmsSender
{
    /// <summary>
    /// Sends <paramref name="body"/> to <paramref name="to"/> (E.164); the provider reports its progress to
    /// <paramref name="statusCallback"/> when given. Never throws for a provider or network failure: the
    /// result says whether to retry.
    /// </summary>
    Task<SmsSendResult> SendAsync(string to, string body, Uri? statusCallback, CancellationToken cancellationToken);

    /// <summary>
    /// A message to <paramref name="to"/> with exactly <paramref name="body"/> that the provider created at or after
    /// <paramref name="since"/>: after a crash or a timeout, it tells whether the provider already took it.
    /// Null when it has not; a <see cref="SmsSendOutcome.TransientFailure"/> when the provider could not be asked
    /// (then nothing must be sent: we do not know).
    /// </summary>
    Task<SmsSendResult?> FindSentAsync(string to, string body, DateTimeOffset since, CancellationToken cancellationToken);
}

/// <summary>What the provider said about one message.</summary>
public sealed record SmsSendResult(SmsSendOutcome Outcome, string? ProviderSid, string? ProviderStatus, string? Error)
{
    public static SmsSendResult Accepted(string sid, string? status) => new(SmsSendOutcome.Accepted, sid, status, null);
    public static SmsSendResult Transient(string error) => new(SmsSendOutcome.TransientFailure, null, null, error);
    public static SmsSendResult Permanent(string error) => new(SmsSendOutcome.PermanentFailure, null, null, error);
}

public enum SmsSendOutcome
{
    /// <summary>The provider took the message (it has a SID).</summary>
    Accepted,

    /// <summary>Timeout, 429, 5xx, network: worth trying again later.</summary>
    TransientFailure,

    /// <summary>The provider refused the message itself (bad number, unsubscribed recipient): retrying changes nothing.</summary>
    PermanentFailure,
}
