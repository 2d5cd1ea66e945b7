using HostingMatch.Domain.Common;
using NodaTime;

namespace HostingMatch.Domain.Sms;

/// <summary>
/// One SMS we decided to send (the outbox): it is written in the same transaction as the decision
/// (an offer, a van time), then a worker sends it and records what Twilio said.
/// <code>
/// Pending -> Sending (claimed by one worker until a lease runs out)
/// Sending -> Sent | Pending (transient failure, retried later) | Failed (permanent, or too many attempts)
/// Sending -> Skipped (an offer SMS whose offer closed before it went out: sending it would only confuse the host)
/// Sending past its lease -> claimed again (the worker died): see docs/sms.md for why that never doubles.
/// </code>
/// </summary>
public sealed class OutboundSms
{
    public const int MaxBodyLength = 1600;
    public const int MaxErrorLength = 500;

    private OutboundSms()
    {
        To = Body = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>E.164.</summary>
    public string To { get; private set; }

    public string Body { get; private set; }
    public SmsKind Kind { get; private set; }

    /// <summary>The host the message goes to, for the per-host history; null for a number we do not know.</summary>
    public Guid? HostId { get; private set; }

    /// <summary>The offer the message belongs to, if any.</summary>
    public Guid? OfferId { get; private set; }

    public OutboundSmsStatus Status { get; private set; }

    /// <summary>How many times a worker claimed it (each claim is at most one call to Twilio).</summary>
    public int Attempts { get; private set; }

    /// <summary>When a worker may pick it up (again).</summary>
    public Instant NextAttemptAt { get; private set; }

    /// <summary>While <see cref="OutboundSmsStatus.Sending"/>: the moment the claim lapses and another worker may take it over.</summary>
    public Instant? ClaimedUntil { get; private set; }

    /// <summary>When the last claim started: a message Twilio created after it may be this one (crash recovery).</summary>
    public Instant? ClaimedAt { get; private set; }

    /// <summary>Twilio's message SID (<c>SM...</c>) once Twilio accepted it.</summary>
    public string? ProviderSid { get; private set; }

    /// <summary>Twilio's latest status: queued, sent, delivered, undelivered, failed.</summary>
    public string? ProviderStatus { get; private set; }

    public string? LastError { get; private set; }
    public Instant CreatedAt { get; private set; }
    public Instant? SentAt { get; private set; }
    public Instant UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency: the worker recording Twilio's answer and Twilio's status callback never overwrite each other.</summary>
    public uint Version { get; private set; }

    /// <summary>Queues a message, due at once.</summary>
    /// <exception cref="DomainException"><c>sms-invalid</c> for a number not in E.164 or an empty or overlong body.</exception>
    public static OutboundSms Create(string to, string body, SmsKind kind, Guid? hostId, Guid? offerId, Instant now) => new()
    {
        Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
        To = PhoneNumber.Parse(to, "sms-invalid", $"'{to}' is not a phone number in E.164 form.").Value,
        Body = Guard.Text(body, "sms-invalid", "The message", MaxBodyLength),
        Kind = kind,
        HostId = hostId,
        OfferId = offerId,
        Status = OutboundSmsStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>True when it was claimed before: Twilio may already hold it (a crash or a timeout after Twilio accepted).</summary>
    public bool MayAlreadyBeWithProvider => Attempts > 1;

    /// <summary>True when Twilio took the message and has not reported it undelivered or failed.</summary>
    public bool ReachedProvider => Status == OutboundSmsStatus.Sent && ProviderStatus is not ("undelivered" or "failed");

    /// <summary>A worker takes the message until <paramref name="leaseUntil"/>; each claim is at most one call to Twilio.</summary>
    /// <exception cref="DomainException"><c>sms-not-claimable</c> when it is sent, failed, or claimed by a live worker.</exception>
    public void Claim(Instant now, Instant leaseUntil)
    {
        var claimable = Status == OutboundSmsStatus.Pending
            || (Status == OutboundSmsStatus.Sending && ClaimedUntil <= now);
        if (!claimable)
        {
            throw new DomainException("sms-not-claimable", $"The message {Id} is {Status} and cannot be claimed.");
        }

        Status = OutboundSmsStatus.Sending;
        Attempts++;
        ClaimedAt = now;
        ClaimedUntil = leaseUntil;
        UpdatedAt = now;
    }

    /// <summary>
    /// Right before its call to Twilio, the worker that claimed the message extends its lease to <paramref name="leaseUntil"/>,
    /// if it still holds it. Saved with the row version, so a claim taken over by another worker since then fails to save.
    /// </summary>
    /// <returns>False when the lease has lapsed or the message is no longer being sent: the worker must not send it.</returns>
    public bool TryRenewClaim(Instant now, Instant leaseUntil)
    {
        if (Status != OutboundSmsStatus.Sending || ClaimedUntil is not { } until || until <= now)
        {
            return false;
        }

        ClaimedUntil = leaseUntil;
        UpdatedAt = now;
        return true;
    }

    /// <summary>A coordinator asks for a failed message to go out again: a fresh set of attempts.</summary>
    public void Retry(Instant now)
    {
        if (Status != OutboundSmsStatus.Failed)
        {
            throw new DomainException("sms-not-failed", "Only a failed message can be retried; a sent one is resent as a new message.");
        }

        Status = OutboundSmsStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        UpdatedAt = now;
    }

    /// <summary>Twilio accepted the message (or we found that it had, after a crash).</summary>
    public void MarkSent(string providerSid, string? providerStatus, Instant now)
    {
        Status = OutboundSmsStatus.Sent;
        ProviderSid ??= providerSid;
        AdvanceProviderStatus(providerStatus);
        ClaimedUntil = null;
        LastError = null;
        SentAt ??= now;
        UpdatedAt = now;
    }

    /// <summary>Twilio could not be reached or said "later" (timeout, 429, 5xx): try again at <paramref name="retryAt"/>, or give up after <paramref name="maxAttempts"/>.</summary>
    public void FailTransiently(string error, Instant retryAt, int maxAttempts, Instant now)
    {
        if (Status == OutboundSmsStatus.Sent)
        {
            return;
        }

        LastError = Truncate(error);
        ClaimedUntil = null;
        UpdatedAt = now;
        if (Attempts >= maxAttempts)
        {
            Status = OutboundSmsStatus.Failed;
            return;
        }

        Status = OutboundSmsStatus.Pending;
        NextAttemptAt = retryAt;
    }

    /// <summary>Twilio refused the message for good (bad number, recipient unsubscribed): coordinators see it.</summary>
    public void FailPermanently(string error, Instant now)
    {
        if (Status == OutboundSmsStatus.Sent)
        {
            return;
        }

        Status = OutboundSmsStatus.Failed;
        LastError = Truncate(error);
        ClaimedUntil = null;
        UpdatedAt = now;
    }

    /// <summary>The claiming worker decided not to send the message, for good (<paramref name="reason"/> says why).</summary>
    /// <exception cref="DomainException"><c>sms-not-sending</c> when no worker holds the message.</exception>
    public void Skip(string reason, Instant now)
    {
        if (Status != OutboundSmsStatus.Sending)
        {
            throw new DomainException("sms-not-sending", $"The message {Id} is {Status}; only a message being sent can be skipped.");
        }

        Status = OutboundSmsStatus.Skipped;
        LastError = Truncate(reason);
        ClaimedUntil = null;
        UpdatedAt = now;
    }

    /// <summary>Twilio's status callback: sent, delivered, undelivered, failed. A callback may come before we recorded the SID.</summary>
    public void RecordProviderStatus(string providerSid, string providerStatus, Instant now)
    {
        if (Status != OutboundSmsStatus.Sent)
        {
            MarkSent(providerSid, providerStatus, now);
        }

        AdvanceProviderStatus(providerStatus);
        if (providerStatus is "undelivered" or "failed")
        {
            LastError = $"Twilio reports the message {providerStatus}.";
        }

        UpdatedAt = now;
    }

    // Callbacks arrive in any order ("delivered" before "sent"): a status only ever moves forward.
    private void AdvanceProviderStatus(string? status)
    {
        if (status is not null && Rank(status) >= Rank(ProviderStatus))
        {
            ProviderStatus = status;
        }
    }

    private static int Rank(string? status) => status switch
    {
        null => -1,
        "accepted" or "queued" or "scheduled" => 0,
        "sending" => 1,
        "sent" => 2,
        "delivered" or "undelivered" or "failed" or "read" => 3,
        _ => 0,
    };

    private static string Truncate(string error) => error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
}

/// <summary>Where an outgoing SMS stands in our outbox.</summary>
public enum OutboundSmsStatus
{
    Pending,
    Sending,
    Sent,
    Failed,
    /// <summary>Not sent on purpose, for good: its offer closed (expired, cancelled, answered, superseded) before it went out.</summary>
    Skipped,
}

/// <summary>What an outgoing SMS is about.</summary>
public enum SmsKind
{
    Offer,
    VanArrival,
    Notice,

    /// <summary>A volunteer's part in tonight's rides: a driver's trips, an escort's household and address.</summary>
    Ride,

    /// <summary>A host's monthly thanks: how many people they took in.</summary>
    Thanks,

    /// <summary>A stay of a week or more proposed to its host (OUI or NON).</summary>
    StayProposal,

    /// <summary>A stays host reminded of an arrival, or told of a change (a stay called off, a hand-over's time).</summary>
    StayNotice,

    /// <summary>The weekly "is everything fine?" to a stays host, and the alerts to a guest's referent.</summary>
    CheckIn,

    /// <summary>A journey between homes: the volunteer driver's sheet.</summary>
    Journey,
}
