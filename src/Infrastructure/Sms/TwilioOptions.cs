using HostingMatch.Domain.Common;
using Microsoft.Extensions.Configuration;

namespace HostingMatch.Infrastructure.Sms;

/// <summary>
/// The <c>Twilio</c> configuration section. Secrets (AuthToken) come from the environment or a secret store,
/// never from the repository. With <see cref="UseFake"/>, or with no credentials, the fake Twilio on 127.0.0.1 is used
/// instead; in Production the fake must be asked for with <see cref="UseFake"/> (<see cref="EnsureUsable"/>).
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

    /// <summary>
    /// Use the fake Twilio on 127.0.0.1, whatever credentials are given and even in Production (the demo): nothing is
    /// ever sent to Twilio. Without credentials the fake is used anyway outside Production; in Production, missing
    /// credentials without this stop the Api at start.
    /// </summary>
    public bool UseFake { get; set; }

    public bool HasCredentials => AccountSid.Length > 0 && AuthToken.Length > 0;

    /// <summary>
    /// A production server without Twilio credentials would "send" the night's offers to a fake that nobody reads:
    /// hosts would never hear of them; and real credentials without a sending number make every send fail at
    /// Twilio. Refuse to start instead, and say which setting to give.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// In Production, with no credentials and <see cref="UseFake"/> not set; anywhere, when the real Twilio would be
    /// used (credentials given, <see cref="UseFake"/> not set) and <see cref="FromNumber"/> is missing or not E.164.
    /// </exception>
    public static void EnsureUsable(IConfiguration configuration, bool isProduction)
    {
        var twilio = configuration.GetSection(Section).Get<TwilioOptions>() ?? new TwilioOptions();
        if (twilio.UseFake)
        {
            return;
        }

        if (isProduction && !twilio.HasCredentials)
        {
            throw new InvalidOperationException(
                "No Twilio credentials: set Twilio:AccountSid, Twilio:AuthToken and Twilio:FromNumber (environment Twilio__AccountSid, ...), " +
                "or Twilio:UseFake=true to send to the fake Twilio on 127.0.0.1 (a demo: no SMS reaches anyone).");
        }

        if (twilio.HasCredentials && !PhoneNumber.IsE164(twilio.FromNumber))
        {
            throw new InvalidOperationException(
                (twilio.FromNumber.Length == 0 ? "No Twilio sending number" : $"Twilio sending number '{twilio.FromNumber}' is not in E.164 form") +
                ": set Twilio:FromNumber (environment Twilio__FromNumber) to the account's number, e.g. +33757000000; " +
                "without it Twilio refuses every message.");
        }
    }
}
