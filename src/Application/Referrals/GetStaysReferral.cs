using HostingMatch.Application.Stays;
using HostingMatch.Domain;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Stays;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Referrals;

/// <summary>One of the caller's organisation's guests referred for stays, and where it stands; null when there is none with this id in that organisation.</summary>
public sealed record GetStaysReferral(Guid OrganisationId, Guid Id) : IQuery<StaysReferralResponse?>;

public sealed class GetStaysReferralHandler(IHostingMatchDb db, IClock clock) : IQueryHandler<GetStaysReferral, StaysReferralResponse?>
{
    public async ValueTask<StaysReferralResponse?> Handle(GetStaysReferral query, CancellationToken cancellationToken) =>
        await StaysReferralReads.GetAsync(db, query.OrganisationId, query.Id, clock.GetCurrentInstant(), cancellationToken);
}

/// <summary>
/// A guest referred for stays as its partner organisation sees it. Made only for partners: no field could carry a host's
/// identity, address, coordinates or phone, nor the coordinators' notes on the exit. <c>status</c> is <c>waiting</c>
/// (no agreed stay holds tonight), <c>hosted</c> (with the region and the first night of its stays there without a
/// break) or <c>ended</c> (the exit recorded, or the need's last night passed; with the outcome when recorded).
/// <c>uncoveredNights</c>: the periods <c>[from, until)</c> from tonight on that the latest plan could not cover (the
/// one-night network looks after those waiting within reach of its base: docs/stays.md, "Between the programmes").
/// </summary>
public sealed record StaysReferralResponse(
    Guid Id,
    string Status,
    string Alias,
    IReadOnlyList<ReferralMember> Members,
    bool Vulnerable,
    bool NeedsWheelchairAccess,
    IReadOnlyList<string> Languages,
    string? Notes,
    LocalDate NeedFrom,
    LocalDate? NeedUntil,
    IReadOnlyList<string> Regions,
    StaysReferralHosted? Hosted,
    IReadOnlyList<StaysReferralNights> UncoveredNights,
    StaysReferralEnd? Ended,
    Instant CreatedAt);

/// <summary>Hosted in <paramref name="Region"/> since the night <paramref name="Since"/>.</summary>
public sealed record StaysReferralHosted(string Region, LocalDate Since);

/// <summary>Nights <c>[from, until)</c>.</summary>
public sealed record StaysReferralNights(LocalDate From, LocalDate Until);

/// <summary>The morning the need ended, and its outcome (null when the need's end passed without an exit recorded).</summary>
public sealed record StaysReferralEnd(LocalDate On, string? Outcome);

/// <summary>The statuses a partner sees of a guest referred for stays.</summary>
public static class StaysReferralStatus
{
    public const string Waiting = "waiting";
    public const string Hosted = "hosted";
    public const string Ended = "ended";
}

/// <summary>Reads guests referred for stays, always through the caller's organisation: another organisation's guest is simply not there.</summary>
internal static class StaysReferralReads
{
    public static async Task<StaysReferralResponse?> GetAsync(IHostingMatchDb db, Guid organisationId, Guid id, Instant now, CancellationToken ct)
    {
        var row = await (from g in db.StayGuests.AsNoTracking()
                         join h in db.Households.AsNoTracking() on g.HouseholdId equals h.Id
                         where g.Id == id && g.ReferredByPartner && h.ReferredBy == organisationId
                         select new { g, h }).FirstOrDefaultAsync(ct);
        return row is null ? null : await StatusAsync(db, row.g, row.h, now, ct);
    }

    /// <summary>Where the guest stands tonight: its agreed stays (their regions only) and the latest plan that has it.</summary>
    public static async Task<StaysReferralResponse> StatusAsync(IHostingMatchDb db, StayGuest guest, Household household, Instant now, CancellationToken ct)
    {
        var tonight = Night.Current(now);
        var ended = guest.HasExited || guest.NeedUntil is { } until && until <= tonight;
        StaysReferralHosted? hosted = null;
        IReadOnlyList<StaysReferralNights> uncovered = [];
        if (!ended)
        {
            hosted = await HostedAsync(db, guest.Id, tonight, ct);
            uncovered = await UncoveredAsync(db, guest.Id, tonight, ct);
        }

        var status = ended ? StaysReferralStatus.Ended : hosted is not null ? StaysReferralStatus.Hosted : StaysReferralStatus.Waiting;
        return new StaysReferralResponse(guest.Id, status, household.Alias,
            household.Members.Select(m => new ReferralMember(m.Age, m.Sex.ToString().ToLowerInvariant())).ToList(),
            household.Vulnerable, household.NeedsWheelchairAccess, household.Languages, household.Notes,
            guest.NeedFrom, guest.NeedUntil, guest.Regions, hosted, uncovered,
            ended ? new StaysReferralEnd(guest.NeedUntil!.Value, guest.Outcome?.ToWire()) : null, household.CreatedAt);
    }

    /// <summary>The region of the agreed stay holding tonight, and the first night of the guest's stays in that region without a break.</summary>
    private static async Task<StaysReferralHosted?> HostedAsync(IHostingMatchDb db, Guid guestId, LocalDate tonight, CancellationToken ct)
    {
        // The host's region only: nothing else of the host leaves this query.
        var stays = await (from s in db.Stays.AsNoTracking()
                           where s.GuestId == guestId && s.From <= tonight
                                 && (s.Status == StayStatus.Confirmed || s.Status == StayStatus.Ongoing || s.Status == StayStatus.Ended)
                           join k in db.Hosts.AsNoTracking() on s.HostId equals k.Id
                           select new { s.From, s.Until, s.Status, k.Region }).ToListAsync(ct);
        var now = stays.FirstOrDefault(s => s.Status != StayStatus.Ended && s.Until > tonight);
        if (now is null)
        {
            return null;
        }

        var since = now.From;
        while (stays.FirstOrDefault(s => s.Until == since && s.Region == now.Region) is { } earlier)
        {
            since = earlier.From;
        }

        return new StaysReferralHosted(now.Region, since);
    }

    /// <summary>The uncovered periods from tonight on of the latest plan that has the guest.</summary>
    private static async Task<IReadOnlyList<StaysReferralNights>> UncoveredAsync(IHostingMatchDb db, Guid guestId, LocalDate tonight, CancellationToken ct)
    {
        var plan = await db.StaysPlans.AsNoTracking()
            .Where(p => p.PlanUntil > tonight
                        && (EF.Property<List<PlanStayLine>>(p, "stays").Any(s => s.GuestId == guestId)
                            || EF.Property<List<PlanUncoveredLine>>(p, "uncovered").Any(u => u.GuestId == guestId)))
            .LatestFirst()
            .FirstOrDefaultAsync(ct);
        return plan is null
            ? []
            : plan.Uncovered.Where(u => u.GuestId == guestId && u.Until > tonight)
                .Select(u => new StaysReferralNights(u.From > tonight ? u.From : tonight, u.Until))
                // Two periods with different reasons side by side are one to the partner.
                .Aggregate(new List<StaysReferralNights>(), (merged, next) =>
                {
                    if (merged.Count > 0 && merged[^1].Until == next.From)
                    {
                        merged[^1] = merged[^1] with { Until = next.Until };
                    }
                    else
                    {
                        merged.Add(next);
                    }

                    return merged;
                });
    }
}
