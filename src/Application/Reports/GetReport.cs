using FluentValidation;
using HostingMatch.Application.Pipeline;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Requests;
using HostingMatch.Domain.Stays;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Reports;

/// <summary>
/// The network's figures for the nights <see cref="From"/> to <see cref="Until"/> (both included), per programme, for its
/// funders and the authorities. Only counts: no name, phone or address, ever; and only what the retention purge keeps,
/// so a report of an old period reads the same after it (docs/reports.md).
/// </summary>
public sealed record GetReport(LocalDate From, LocalDate Until) : IQuery<Report>, IAudited
{
    /// <summary>A report covers at most a year of nights.</summary>
    public const int MaxNights = 366;
}

public sealed class GetReportValidator : AbstractValidator<GetReport>
{
    public GetReportValidator()
    {
        RuleFor(q => q.Until).Must((q, until) => until >= q.From).WithMessage("must be on or after from");
        RuleFor(q => q.Until).Must((q, until) => until < q.From.PlusDays(GetReport.MaxNights))
            .WithMessage($"must be less than {GetReport.MaxNights} nights after from (a report covers a year at most)");
    }
}

public sealed record Report(LocalDate From, LocalDate Until, OneNightFigures OneNight, StaysFigures Stays);

/// <summary>A count under a key (a category, a tier, a reason, a way...).</summary>
public sealed record Count(string Key, int Households, int People);

/// <summary>
/// The one-night programme: <paramref name="Nights"/> with at least one household asking; the households and people
/// asking and placed (confirmed or delivered: a bed for the night), by category and tier; children under 10 placed; the
/// households left without a bed by reason (<c>no-ride</c> among them; <c>waiting</c> for those no run concluded on);
/// the offers and their answers; the hosts who hosted and how many nights each; and how the people placed reached
/// their bed (<c>vehicle</c>, <c>host-fetches</c>, <c>public-transport</c>, <c>other</c> when the coordinators arranged it,
/// <c>not-recorded</c> before rides were planned).
/// </summary>
public sealed record OneNightFigures(
    int Nights,
    int HouseholdsAsking,
    int PeopleAsking,
    int HouseholdsPlaced,
    int PeoplePlaced,
    int ChildrenUnder10Placed,
    IReadOnlyList<Count> PlacedByCategory,
    IReadOnlyList<Count> PlacedByTier,
    IReadOnlyList<Count> NotPlacedByReason,
    OfferFigures Offers,
    HostFigures Hosts,
    IReadOnlyList<Count> PlacedByWay);

/// <summary><paramref name="AnswerRate"/>: the share of offers a host answered (yes or no); <paramref name="MedianAnswerMinutes"/> null without answers.</summary>
public sealed record OfferFigures(int Sent, int Accepted, int Declined, int Expired, int Cancelled, double AnswerRate, int? MedianAnswerMinutes);

/// <summary><paramref name="NightsPerHost"/>: how many hosts hosted 1, 2-3, 4-7 and 8 or more nights in the period (households: hosts; people: nights).</summary>
public sealed record HostFigures(int Active, IReadOnlyList<Count> NightsPerHost, int MostNightsByOneHost);

/// <summary>
/// The stays programme: guests with agreed stays in the period, the person-nights those stays provide inside it, the hosts
/// who hosted, and the person-nights the latest plan of each region left uncovered, by reason (households: the guests;
/// people: the person-nights); the guests who left the programme in the period (the morning their need ended falls in
/// it), by outcome, every outcome listed (households: the guests; people: their people).
/// </summary>
public sealed record StaysFigures(int Guests, int PersonNights, int ActiveHosts, IReadOnlyList<Count> UncoveredByReason, IReadOnlyList<Count> ExitsByOutcome);

public sealed class GetReportHandler(IHostingMatchDb db) : IQueryHandler<GetReport, Report>
{
    private static readonly string[] Buckets = ["1", "2-3", "4-7", "8+"];

    public async ValueTask<Report> Handle(GetReport query, CancellationToken cancellationToken)
    {
        var (from, until) = (query.From, query.Until);
        var requests = await db.Requests.AsNoTracking().Where(r => r.Night >= from && r.Night <= until && r.Status != RequestStatus.Cancelled)
            .ToListAsync(cancellationToken);
        var householdIds = requests.Select(r => r.HouseholdId).Distinct().ToList();
        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, cancellationToken);
        var offers = await db.Offers.AsNoTracking().Where(o => o.Night >= from && o.Night <= until).ToListAsync(cancellationToken);

        var placed = requests.Where(r => r.Status is RequestStatus.Confirmed or RequestStatus.Delivered && r.HostId is not null).ToList();
        Count CountOf(string key, IEnumerable<ShelterRequest> of)
        {
            var list = of.ToList();
            return new Count(key, list.Count, list.Sum(r => households[r.HouseholdId].People));
        }

        var byCategory = Enum.GetValues<HouseholdCategory>()
            .Select(c => CountOf(c.ToWire(), placed.Where(r => households[r.HouseholdId].Category == c))).ToList();
        var byTier = Enumerable.Range(1, Priority.LowestTier)
            .Select(t => CountOf(t.ToString(System.Globalization.CultureInfo.InvariantCulture), placed.Where(r => households[r.HouseholdId].Tier == t))).ToList();
        var notPlaced = requests.Except(placed)
            .GroupBy(r => r.Status == RequestStatus.Unplaced ? r.UnplacedReason ?? "unplaced" : r.Status.ToString().ToLowerInvariant())
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => CountOf(g.Key, g)).ToList();
        var byWay = placed.GroupBy(r => r.Ride?.WayName ?? (r.Transport == RequestTransport.Other ? "other" : "not-recorded"))
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => CountOf(g.Key, g)).ToList();

        var answered = offers.Where(o => o.Status is OfferStatus.Accepted or OfferStatus.Declined && o.AnsweredAt is not null).ToList();
        var minutes = answered.Select(o => (int)Math.Round((o.AnsweredAt!.Value - o.CreatedAt).TotalMinutes)).Order().ToList();
        var offerFigures = new OfferFigures(offers.Count, offers.Count(o => o.Status == OfferStatus.Accepted), offers.Count(o => o.Status == OfferStatus.Declined),
            offers.Count(o => o.Status == OfferStatus.Expired), offers.Count(o => o.Status == OfferStatus.Cancelled),
            offers.Count == 0 ? 0 : Math.Round((double)answered.Count / offers.Count, 3),
            minutes.Count == 0 ? null : minutes[(minutes.Count - 1) / 2]);

        // A host hosts a night when a household it agreed to take slept there; two households the same night are one night.
        var nightsPerHost = placed.GroupBy(r => r.HostId!.Value).Select(g => g.Select(r => r.Night).Distinct().Count()).ToList();
        static string Bucket(int n) => n switch { 1 => "1", <= 3 => "2-3", <= 7 => "4-7", _ => "8+" };
        var hostFigures = new HostFigures(nightsPerHost.Count,
            Buckets.Select(b => new Count(b, nightsPerHost.Count(n => Bucket(n) == b), nightsPerHost.Where(n => Bucket(n) == b).Sum())).ToList(),
            nightsPerHost.Count == 0 ? 0 : nightsPerHost.Max());

        var oneNight = new OneNightFigures(requests.Select(r => r.Night).Distinct().Count(), requests.Count, requests.Sum(r => households[r.HouseholdId].People),
            placed.Count, placed.Sum(r => households[r.HouseholdId].People),
            placed.Sum(r => households[r.HouseholdId].Members.Count(m => m.Age < 10)),
            byCategory, byTier, notPlaced, offerFigures, hostFigures, byWay);
        return new Report(from, until, oneNight, await StaysAsync(from, until, cancellationToken));
    }

    private async Task<StaysFigures> StaysAsync(LocalDate from, LocalDate until, CancellationToken ct)
    {
        // A stay's nights are [From, Until): the guest leaves on the morning of Until.
        var end = until.PlusDays(1);
        var stays = await db.Stays.AsNoTracking()
            .Where(s => (s.Status == StayStatus.Confirmed || s.Status == StayStatus.Ongoing || s.Status == StayStatus.Ended) && s.From < end && s.Until > from)
            .ToListAsync(ct);
        var plans = (await db.StaysPlans.AsNoTracking().Where(p => p.PlanFrom < end && p.PlanUntil > from).ToListAsync(ct))
            .GroupBy(p => p.Region ?? string.Empty).Select(g => g.MaxBy(p => p.PlannedAt)!).ToList();
        var exited = await db.StayGuests.AsNoTracking()
            .Where(g => g.Outcome != null && g.NeedUntil != null && g.NeedUntil >= from && g.NeedUntil <= until)
            .Select(g => new { g.Id, Outcome = g.Outcome!.Value }).ToListAsync(ct);
        var guestIds = stays.Select(s => s.GuestId).Concat(plans.SelectMany(p => p.Uncovered).Select(u => u.GuestId))
            .Concat(exited.Select(g => g.Id)).Distinct().ToList();
        var guests = await db.StayGuests.AsNoTracking().Where(g => guestIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.HouseholdId, ct);
        var householdIds = guests.Values.Distinct().ToList();
        var people = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.People, ct);
        int PeopleOf(Guid guest) => guests.TryGetValue(guest, out var household) && people.TryGetValue(household, out var n) ? n : 0;
        int Overlap(LocalDate a, LocalDate b) => Math.Max(0, Period.DaysBetween(a > from ? a : from, b < end ? b : end));

        var uncovered = plans.SelectMany(p => p.Uncovered).GroupBy(u => u.Reason).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Count(g.Key, g.Select(u => u.GuestId).Distinct().Count(), g.Sum(u => Overlap(u.From, u.Until) * PeopleOf(u.GuestId))))
            .ToList();
        return new StaysFigures(stays.Select(s => s.GuestId).Distinct().Count(), stays.Sum(s => Overlap(s.From, s.Until) * PeopleOf(s.GuestId)),
            stays.Select(s => s.HostId).Distinct().Count(), uncovered,
            Enum.GetValues<GuestOutcome>()
                .Select(o => new Count(o.ToWire(), exited.Count(g => g.Outcome == o), exited.Where(g => g.Outcome == o).Sum(g => PeopleOf(g.Id))))
                .ToList());
    }
}
