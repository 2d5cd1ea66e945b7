namespace HostingMatch.Application.Sms;

/// <summary>The <c>Sms</c> configuration section.</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    /// <summary>An offer nobody answered expires after this many minutes (spec: 20).</summary>
    public int OfferTimeoutMinutes { get; set; } = 20;

    /// <summary>Send the night's offers as soon as the matching proposed them, without a coordinator.</summary>
    public bool SendOffersAutomatically { get; set; }

    /// <summary>Whether this instance runs the outbox worker (every Api instance can; they never send a row twice).</summary>
    public bool OutboxWorkerEnabled { get; set; } = true;

    /// <summary>Whether this instance runs the offer worker: expiries, re-matching, sending new offers (<c>SettleOffers</c>).</summary>
    public bool OfferWorkerEnabled { get; set; } = true;

    /// <summary>Whether each instance thanks the hosts for the month just ended (<c>SendMonthlyThanks</c>, checked every few hours; once per host and month).</summary>
    public bool MonthlyThanksEnabled { get; set; } = true;

    /// <summary>How often the offer worker runs.</summary>
    public int OfferPollMilliseconds { get; set; } = 5000;

    /// <summary>How often the worker looks for due messages when nobody nudged it.</summary>
    public int OutboxPollMilliseconds { get; set; } = 1000;

    /// <summary>How long a worker owns a claimed message before another may take it over (it died).</summary>
    public int ClaimLeaseSeconds { get; set; } = 120;

    /// <summary>Outbox attempts before a message is marked failed for the coordinators.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first outbox retry delay; doubled at each attempt, with jitter, at most 10 minutes.</summary>
    public int RetryBaseSeconds { get; set; } = 15;
}
