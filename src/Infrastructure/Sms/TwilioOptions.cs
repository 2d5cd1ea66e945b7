namespace HostingMatch.Infrastructure.Sms;

/// <summary>
/// The <c>Twilio</c> configuration section. Secrets (AuthToken) come from the environment or a secret store,
/// never from the repository. With no AccountSid, the Api starts the fake Twilio on 127.0.0.1 instead.
/// </summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    public string AccountSid { get; set; } = string.Empty;
    public string AuthToken { get; set; } = string.Empty;

    /// <summary>Our sending number, E.164.</summary>
    public string FromNumber { get; set; } = string.Empty;

    /// <summary>Empty for Twilio itself; the fake's address (<c>http://127.0.0.1:5123</c>) otherwise.</summary>
    public string ApiBaseUrl { get; set; } = string.Empty;

    /// <summary>
    /// The address Twilio calls us at (<c>https://hostingmatch.example.org</c>): the base of the status callback URL
    /// and of the URL signatures are computed on, whatever the reverse proxy in front of us rewrites.
    /// Empty: the request's own address (no proxy) and no status callbacks.
    /// </summary>
    public string PublicBaseUrl { get; set; } = string.Empty;

    /// <summary>One call to Twilio gives up after this long and is retried.</summary>
    public double AttemptTimeoutSeconds { get; set; } = 10;

    /// <summary>The first retry delay of a call to Twilio (exponential, with jitter).</summary>
    public double RetryBaseDelaySeconds { get; set; } = 1;

    /// <summary>Retries of one call to Twilio before the outbox takes over (and retries later).</summary>
    public int MaxRetries { get; set; } = 3;

    public bool HasCredentials => AccountSid.Length > 0 && AuthToken.Length > 0;
}
