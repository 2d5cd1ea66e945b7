using HostingMatch.Application.Requests;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Stays;
using NodaTime;

namespace HostingMatch.Application.Stays;

/// <summary>A guest of the stays programme with its household, as coordinators see it; <c>outcome</c> (wire name), its note and <c>endedAt</c> once it left.</summary>
public sealed record GuestResponse(
    Guid Id,
    Guid HouseholdId,
    string Alias,
    IReadOnlyList<MemberResponse> Members,
    string Category,
    int Tier,
    int People,
    bool Vulnerable,
    bool NeedsWheelchairAccess,
    IReadOnlyList<string> Languages,
    Guid? ReferredBy,
    LocalDate NeedFrom,
    LocalDate? NeedUntil,
    IReadOnlyList<string> Regions,
    string WaitingAt,
    double Latitude,
    double Longitude,
    string? Notes,
    string? ReferentName,
    string? ReferentPhone,
    string? Outcome,
    string? OutcomeNote,
    Instant? EndedAt,
    uint Version);

/// <summary>
/// A stay: a guest at a host for the nights <c>[from, until)</c>. <c>proposal</c> is where its SMS proposal stands:
/// <c>not-sent</c>, <c>awaiting-answer</c> (until <c>answerDueAt</c>), <c>accepted</c>, <c>declined</c>, <c>expired</c>,
/// <c>unreachable</c> (the host had sent STOP), <c>lapsed</c> (never sent before the guest was due),
/// or <c>none</c> (agreed or cancelled without one).
/// </summary>
public sealed record StayResponse(
    Guid Id,
    Guid GuestId,
    string GuestAlias,
    Guid HostId,
    string HostCode,
    string HostRegion,
    LocalDate From,
    LocalDate Until,
    int Nights,
    string Status,
    int JourneyMinutes,
    Guid? PlanId,
    string Proposal,
    Instant? AnswerDueAt,
    uint Version);

/// <summary>
/// A stays plan from the database (the stays spec's plan with names added): the chains, the uncovered nights with
/// their reasons, the objective levels. A stay's <c>stayId</c> and <c>status</c> are its row's now.
/// </summary>
public sealed record StaysPlanResponse(
    Guid Id,
    LocalDate PlanFrom,
    LocalDate PlanUntil,
    string? Region,
    Instant PlannedAt,
    bool Optimal,
    double? Gap,
    IReadOnlyList<PlanStayResponse> Stays,
    IReadOnlyList<PlanUncoveredResponse> Uncovered,
    PlanSummaryResponse Summary);

/// <summary>One stay of a plan; <c>continuesCurrent</c>: it continues the guest's agreed stay (no row unless it extends it).</summary>
public sealed record PlanStayResponse(
    Guid GuestId,
    string GuestAlias,
    Guid HostId,
    string HostCode,
    LocalDate From,
    LocalDate Until,
    int People,
    int Tier,
    bool ContinuesCurrent,
    int JourneyMinutes,
    Guid? StayId,
    string? Status);

/// <summary>A guest's uncovered nights <c>[from, until)</c>: the one-night network must look after them.</summary>
public sealed record PlanUncoveredResponse(Guid GuestId, string GuestAlias, LocalDate From, LocalDate Until, string Reason, string Detail);

/// <summary>The objective levels: person-nights per tier (index 0 is tier 1), moves, journey minutes.</summary>
public sealed record PlanSummaryResponse(
    IReadOnlyList<long> PersonNightsCovered,
    IReadOnlyList<long> PersonNightsUncovered,
    int Moves,
    long JourneyMinutes,
    long SolveMilliseconds);

internal static class StaysProjection
{
    public static GuestResponse ToResponse(this StayGuest g, Household h) => new(
        g.Id, h.Id, h.Alias, h.Members.Select(m => new MemberResponse(m.Age, m.Sex.ToString().ToLowerInvariant())).ToList(),
        h.Category.ToWire(), h.Tier, h.People, h.Vulnerable, h.NeedsWheelchairAccess, h.Languages, h.ReferredBy,
        g.NeedFrom, g.NeedUntil, g.Regions, g.WaitingAt, g.Latitude, g.Longitude, h.Notes, g.ReferentName, g.ReferentPhone,
        g.Outcome?.ToWire(), g.OutcomeNote, g.EndedAt, g.Version);

    public static StayResponse ToResponse(this Stay s, string guestAlias, Domain.Hosts.Host host) => new(
        s.Id, s.GuestId, guestAlias, s.HostId, host.Code, host.Region, s.From, s.Until, Period.DaysBetween(s.From, s.Until),
        s.Status.ToString().ToLowerInvariant(), s.JourneyMinutes, s.PlanId, ProposalState(s), s.IsAwaitingHost ? s.AnswerDueAt : null, s.Version);

    /// <summary>Where a stay's SMS proposal stands (see <see cref="StayResponse"/>).</summary>
    public static string ProposalState(Stay s) => (s.Status, s.ClosedBecause, s.ProposedToHostAt) switch
    {
        (StayStatus.Proposed, _, null) => "not-sent",
        (StayStatus.Proposed, _, _) => "awaiting-answer",
        (StayStatus.Cancelled, StayClosure.Declined, _) => "declined",
        (StayStatus.Cancelled, StayClosure.Expired, _) => "expired",
        (StayStatus.Cancelled, StayClosure.Unreachable, _) => "unreachable",
        (StayStatus.Cancelled, StayClosure.Lapsed, _) => "lapsed",
        (StayStatus.Cancelled, _, _) => "none",
        (_, _, not null) => "accepted",
        _ => "none",
    };

    public static StaysPlanResponse ToResponse(this StoredStaysPlan plan, IReadOnlyDictionary<Guid, string> aliases,
        IReadOnlyDictionary<Guid, string> hostCodes, IReadOnlyDictionary<Guid, Stay> rows) => new(
        plan.Id, plan.PlanFrom, plan.PlanUntil, plan.Region, plan.PlannedAt, plan.Optimal, plan.Gap,
        plan.Stays.OrderBy(s => aliases.GetValueOrDefault(s.GuestId), StringComparer.Ordinal).ThenBy(s => s.GuestId).ThenBy(s => s.From)
            .Select(s => new PlanStayResponse(s.GuestId, aliases.GetValueOrDefault(s.GuestId, "?"), s.HostId, hostCodes.GetValueOrDefault(s.HostId, "?"),
                s.From, s.Until, s.People, s.Tier, s.ContinuesCurrent, s.JourneyMinutes, s.StayId,
                s.StayId is { } id && rows.TryGetValue(id, out var row) ? row.Status.ToString().ToLowerInvariant() : null))
            .ToList(),
        plan.Uncovered.OrderBy(u => aliases.GetValueOrDefault(u.GuestId), StringComparer.Ordinal).ThenBy(u => u.GuestId).ThenBy(u => u.From)
            .Select(u => new PlanUncoveredResponse(u.GuestId, aliases.GetValueOrDefault(u.GuestId, "?"), u.From, u.Until, u.Reason, u.Detail))
            .ToList(),
        new PlanSummaryResponse(plan.PersonNightsCovered, plan.PersonNightsUncovered, plan.Moves, plan.JourneyMinutes, plan.SolveMilliseconds));
}
