using HostingMatch.Application.Sms;
using HostingMatch.Domain.Common;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Sms;
using HostingMatch.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace HostingMatch.Infrastructure.Sms;

/// <summary>
/// Sends what the outbox holds, in two short transactions around the call to Twilio (docs/sms.md):
/// <list type="number">
/// <item>Claim: due rows are locked with <c>FOR UPDATE SKIP LOCKED</c>, marked <c>Sending</c> with a lease, committed.
/// Another worker skips locked rows and, after the commit, sees them leased: no row is sent by two live workers.</item>
/// <item>Send, outside any transaction (no lock held while Twilio thinks), one row per claim, and only after renewing
/// the lease with the row version as a fence: a worker whose lease lapsed sends nothing.</item>
/// <item>Record the SID, or the failure (retry later with back-off and jitter, or give up and alert).</item>
/// </list>
/// A worker that dies after step 1 leaves its rows leased; once the lease lapses another worker claims them again.
/// Before sending a row claimed before, it asks Twilio whether it already holds that message (a crash after step 2,
/// or a timeout after Twilio accepted), so a recovered message is never sent twice. That is also why the HTTP
/// pipeline retries only 429 and 5xx, and leaves timeouts to this class.
/// </summary>
public sealed class OutboxDispatcher(
    HostingMatchDbContext db,
    ISmsSender sender,
    IClock clock,
    IOptions<SmsOptions> smsOptions,
    IOptionsMonitor<TwilioOptions> twilioOptions,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>Twilio's clock and ours may disagree a little; a message found this much before the claim still counts.</summary>
    private static readonly Duration ClockSkew = Duration.FromMinutes(1);

    /// <summary>
    /// Claims and sends up to <paramref name="batchSize"/> due messages, one at a time: each claim's lease covers a single
    /// call to Twilio, never a queue of them. Returns how many were claimed.
    /// </summary>
    public async Task<int> DispatchDueAsync(int batchSize, CancellationToken cancellationToken)
    {
        var claimed = 0;
        while (claimed < batchSize)
        {
            var message = (await ClaimDueAsync(1, cancellationToken)).SingleOrDefault();
            if (message is null)
            {
                break;
            }

            claimed++;
            await SendClaimedAsync(message, cancellationToken);
        }

        return claimed;
    }

    /// <summary>Step 1: locks due rows other workers have not locked, leases them to this worker, commits.</summary>
    public async Task<IReadOnlyList<OutboundSms>> ClaimDueAsync(int batchSize, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var leaseUntil = now + Duration.FromSeconds(smsOptions.Value.ClaimLeaseSeconds);
        var pending = nameof(OutboundSmsStatus.Pending);
        var sending = nameof(OutboundSmsStatus.Sending);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.OutboundSms
            .FromSql($"""
                SELECT *, xmin FROM outbound_sms
                WHERE (status = {pending} AND next_attempt_at <= {now})
                   OR (status = {sending} AND claimed_until <= {now})
                ORDER BY next_attempt_at
                LIMIT {batchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        foreach (var message in due)
        {
            message.Claim(now, leaseUntil);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due;
    }

    /// <summary>Steps 2 and 3 for one claimed message; nothing happens if this worker no longer holds its lease.</summary>
    public async Task SendClaimedAsync(OutboundSms message, CancellationToken cancellationToken)
    {
        if (!await RenewLeaseAsync(message, cancellationToken))
        {
            logger.LogWarning("SMS {Id}: this worker's lease lapsed before sending; another worker takes it over.", message.Id);
            return;
        }

        var result = await AlreadyWithProviderAsync(message, cancellationToken);
        if (result is null && await ClosedOfferAsync(message, cancellationToken) is { } closed)
        {
            // An offer that closed while its SMS waited (Twilio down, say) must not reach the host: they would answer
            // into "already arranged", or worse, to a household placed elsewhere.
            message.Skip($"Not sent: its offer is {closed}.", clock.GetCurrentInstant());
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("SMS {Id} not sent: its offer is {State}.", message.Id, closed);
            return;
        }

        var handedAt = clock.GetCurrentInstant();
        result ??= await sender.SendAsync(message.To, message.Body, StatusCallback(message), cancellationToken);
        var settings = smsOptions.Value;
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetCurrentInstant();
            Record(message, result, settings, now);
            // Recovering for real: Twilio's status callback (it carries the outbox id) wrote the row meanwhile;
            // read what it wrote and record our answer on top of it.
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                await db.Entry(message).ReloadAsync(cancellationToken);
            }
        }

        await StartAnswerWindowAsync(message, handedAt, cancellationToken);
        if (message.Status == OutboundSmsStatus.Failed)
        {
            logger.LogError("SMS {Id} failed after {Attempts} attempts: {Error}", message.Id, message.Attempts, message.LastError);
            db.Alerts.Add(CoordinatorAlert.Raise("sms-failed",
                $"An SMS ({message.Kind}) could not be sent after {message.Attempts} attempt(s): {message.LastError}", message.HostId,
                clock.GetCurrentInstant()));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The fence: the renewal saves only if the row is unchanged since this worker claimed it (row version) and the lease
    /// is still running, so a worker whose lease lapsed while it was busy never sends what another worker took over.
    /// The fresh lease then covers this one call to Twilio.
    /// </summary>
    private async Task<bool> RenewLeaseAsync(OutboundSms message, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        if (!message.TryRenewClaim(now, now + Duration.FromSeconds(smsOptions.Value.ClaimLeaseSeconds)))
        {
            return false;
        }

        // Recovering for real: another worker claimed the row after our lease lapsed; it is theirs now.
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.Entry(message).State = EntityState.Detached;
            return false;
        }
    }

    /// <summary>
    /// For an offer SMS: null when its offer is still open, otherwise what became of it. An open offer past its deadline
    /// counts as expired: the expiry worker has just not got to it.
    /// </summary>
    private async Task<string?> ClosedOfferAsync(OutboundSms message, CancellationToken cancellationToken)
    {
        if (message.Kind != SmsKind.Offer || message.OfferId is not { } offerId)
        {
            return null;
        }

        var now = clock.GetCurrentInstant();
        var offer = await db.Offers.AsNoTracking().FirstAsync(o => o.Id == offerId, cancellationToken);
        return offer.Status == OfferStatus.Open && !offer.IsOverdueAt(now)
            ? null
            : offer.IsOverdueAt(now) ? "expired" : offer.Status.ToString().ToLowerInvariant();
    }

    /// <summary>
    /// Twilio accepted an offer SMS handed to it at <paramref name="handedAt"/>: if it is the offer's first, the host's
    /// answer window starts then. Only once Twilio accepted, so retries against a Twilio that is down do not keep pushing
    /// the deadline back. (A message recovered by the look-up after a crash counts from the look-up: a little late.)
    /// </summary>
    private async Task StartAnswerWindowAsync(OutboundSms message, Instant handedAt, CancellationToken cancellationToken)
    {
        if (message.Kind != SmsKind.Offer || message.OfferId is not { } offerId || message.Status != OutboundSmsStatus.Sent
            || await db.OutboundSms.AnyAsync(m => m.OfferId == offerId && m.Id != message.Id && m.Status == OutboundSmsStatus.Sent, cancellationToken))
        {
            return;
        }

        var offer = await db.Offers.FirstAsync(o => o.Id == offerId, cancellationToken);
        offer.StartAnswerWindow(handedAt, Duration.FromMinutes(smsOptions.Value.OfferTimeoutMinutes));
        // Recovering for real: the offer closed under us (the expiry worker, a coordinator); a closed offer keeps its times.
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.Entry(offer).State = EntityState.Detached;
        }
    }

    private static void Record(OutboundSms message, SmsSendResult result, SmsOptions settings, Instant now)
    {
        // Whatever the sender, a number quoted in an error never reaches the row, the logs or the alert in full.
        result = result with { Error = result.Error is null ? null : PhoneNumber.MaskNumbers(result.Error) };
        switch (result.Outcome)
        {
            case SmsSendOutcome.Accepted:
                message.MarkSent(result.ProviderSid!, result.ProviderStatus, now);
                break;
            case SmsSendOutcome.TransientFailure:
                message.FailTransiently(result.Error ?? "Transient failure.", now + Backoff(message.Attempts, settings), settings.MaxAttempts, now);
                break;
            default:
                message.FailPermanently(result.Error ?? "Refused.", now);
                break;
        }
    }

    private async Task<SmsSendResult?> AlreadyWithProviderAsync(OutboundSms message, CancellationToken cancellationToken)
    {
        if (!message.MayAlreadyBeWithProvider)
        {
            return null;
        }

        var since = (message.CreatedAt - ClockSkew).ToDateTimeOffset();
        var found = await sender.FindSentAsync(message.To, message.Body, since, cancellationToken);
        if (found is not null)
        {
            logger.LogInformation("SMS {Id} was already with Twilio as {Sid}; not sending it again.", message.Id, found.ProviderSid);
        }

        return found;
    }

    private Uri? StatusCallback(OutboundSms message)
    {
        var publicBase = twilioOptions.CurrentValue.PublicBaseUrl;
        return publicBase.Length == 0 ? null : new Uri($"{publicBase.TrimEnd('/')}/sms/status?outbox={message.Id}");
    }

    private static Duration Backoff(int attempts, SmsOptions settings)
    {
        var exponential = settings.RetryBaseSeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        var capped = Math.Min(exponential, 600);
        // Full jitter between half and the whole delay: many messages failing together do not retry together.
        return Duration.FromSeconds(capped * (0.5 + (Random.Shared.NextDouble() / 2)));
    }
}
