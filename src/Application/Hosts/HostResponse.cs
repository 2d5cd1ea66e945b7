using Microsoft.EntityFrameworkCore;
using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Stays;
using NodaTime;

namespace HostingMatch.Application.Hosts;

/// <summary>A host as coordinators see it. Never sent to partners.</summary>
public sealed record HostResponse(
    Guid Id,
    string Code,
    string DisplayName,
    string Phone,
    string Language,
    double Latitude,
    double Longitude,
    string Address,
    int Beds,
    int MaxHouseholds,
    IReadOnlyList<string> Accepts,
    bool MinorsCertified,
    LocalDate? CertifiedUntil,
    bool WheelchairAccessible,
    IReadOnlyList<string> Programmes,
    string Region,
    IReadOnlyList<PeriodResponse> StaysAvailable,
    int MaxNightsPerGuest,
    AgreementResponse Agreement,
    IReadOnlyList<string> WeeklyDays,
    LocalTime ArrivalFrom,
    LocalTime ArrivalUntil,
    bool PicksUpAtBase,
    int? MaxNightsPerMonth,
    IReadOnlyList<AvailabilityExceptionResponse> Exceptions,
    bool SmsOptedOut,
    string? Notes,
    uint Version);

public sealed record AgreementResponse(LocalDate SignedOn, LocalDate ValidFrom, LocalDate ValidUntil);

public sealed record AvailabilityExceptionResponse(LocalDate Night, bool Available);

/// <summary>Nights <c>[from, until)</c>: until is the morning of leaving.</summary>
public sealed record PeriodResponse(LocalDate From, LocalDate Until);

internal static class HostProjection
{
    /// <summary>A loaded host as coordinators see it (after a change, or one host).</summary>
    public static HostResponse ToResponse(this Host h) => Respond(
        new HostColumns(h.Id, h.Code, h.DisplayName, h.Phone, h.Language, h.Latitude, h.Longitude, h.Address, h.Beds, h.MaxHouseholds,
            h.Accepts, h.MinorsCertified, h.CertifiedUntil, h.WheelchairAccessible, h.Programmes, h.Region, h.MaxNightsPerGuest,
            h.Agreement, h.WeeklyDays, h.ArrivalWindow, h.PicksUpAtBase, h.MaxNightsPerMonth, h.SmsOptedOutAt, h.Notes, h.Version),
        h.Exceptions.Select(e => new AvailabilityExceptionResponse(e.Night, e.Available)),
        h.StaysAvailable.Select(p => new PeriodResponse(p.From, p.Until)));

    /// <summary>The one place a host's columns become its response: <see cref="ToResponse"/> and <see cref="HostRows"/>.</summary>
    internal static HostResponse Respond(HostColumns c, IEnumerable<AvailabilityExceptionResponse> exceptions, IEnumerable<PeriodResponse> stays) => new(
        c.Id, c.Code, c.DisplayName, c.Phone, c.Language.ToString().ToLowerInvariant(), c.Latitude, c.Longitude, c.Address,
        c.Beds, c.MaxHouseholds, c.Accepts.Select(a => a.ToWire()).ToList(), c.MinorsCertified, c.CertifiedUntil, c.WheelchairAccessible,
        c.Programmes.ToWire(), c.Region, stays.OrderBy(p => p.From).ToList(), c.MaxNightsPerGuest,
        new AgreementResponse(c.Agreement.SignedOn, c.Agreement.ValidFrom, c.Agreement.ValidUntil),
        c.WeeklyDays.Select(d => HostInputValidator.Days[(int)d - 1]).ToList(),
        c.ArrivalWindow.From, c.ArrivalWindow.Until, c.PicksUpAtBase, c.MaxNightsPerMonth,
        exceptions.OrderBy(e => e.Night).ToList(),
        c.SmsOptedOutAt is not null, c.Notes, c.Version);
}

/// <summary>A host's own columns, as the hosts list reads them (its owned lists are read apart).</summary>
internal sealed record HostColumns(
    Guid Id, string Code, string DisplayName, string Phone, Language Language, double Latitude, double Longitude, string Address,
    int Beds, int MaxHouseholds, IReadOnlyCollection<HouseholdCategory> Accepts, bool MinorsCertified, LocalDate? CertifiedUntil, bool WheelchairAccessible,
    HostProgrammes Programmes, string Region, int MaxNightsPerGuest, Agreement Agreement, IReadOnlyCollection<IsoDayOfWeek> WeeklyDays,
    ArrivalWindow ArrivalWindow, bool PicksUpAtBase, int? MaxNightsPerMonth, Instant? SmsOptedOutAt, string? Notes, uint Version);

/// <summary>A host of the list: its response, and what <see cref="Host.CanHostOn(LocalDate)"/> reads.</summary>
internal sealed record HostRow(HostResponse Response, HostColumns Columns, IReadOnlyList<AvailabilityException> Exceptions)
{
    public Agreement Agreement => Columns.Agreement;

    public bool CanHostOn(LocalDate night) =>
        Host.CanHostOn(night, Columns.SmsOptedOutAt, Columns.Programmes, Exceptions, Columns.WeeklyDays, Columns.Agreement);
}

/// <summary>
/// The hosts list read straight into responses (house rule 15), in two flat queries: the hosts' columns, then their
/// one-night exceptions and stay periods. Loading the aggregates costs far more: EF Core builds a delegate for every row of an
/// owned collection it includes (half the Api's time under load went there, docs/benchmarks.md).
/// The backing fields' names are the mapping's (Infrastructure, HostConfiguration).
/// </summary>
internal static class HostRows
{
    public static async Task<List<HostRow>> ReadAsync(IQueryable<Host> hosts, CancellationToken cancellationToken)
    {
        var columns = await hosts.OrderBy(h => h.Code).Select(h => new HostColumns(
                h.Id, h.Code, h.DisplayName, h.Phone, h.Language, h.Latitude, h.Longitude, h.Address, h.Beds, h.MaxHouseholds,
                EF.Property<List<HouseholdCategory>>(h, "accepts"), h.MinorsCertified, h.CertifiedUntil, h.WheelchairAccessible,
                h.Programmes, h.Region, h.MaxNightsPerGuest, h.Agreement, EF.Property<List<IsoDayOfWeek>>(h, "weeklyDays"),
                h.ArrivalWindow, h.PicksUpAtBase, h.MaxNightsPerMonth, h.SmsOptedOutAt, h.Notes, h.Version))
            .ToListAsync(cancellationToken);
        // Both owned lists in one round trip: a one-night exception is a line of one night (From = Until).
        var owned = await hosts
            .SelectMany(h => EF.Property<List<AvailabilityException>>(h, "exceptions")
                .Select(e => new { HostId = h.Id, IsStayPeriod = false, From = e.Night, Until = e.Night, e.Available }))
            .Concat(hosts.SelectMany(h => EF.Property<List<NightPeriod>>(h, "stayPeriods")
                .Select(p => new { HostId = h.Id, IsStayPeriod = true, p.From, p.Until, Available = false })))
            .ToListAsync(cancellationToken);
        var exceptions = owned.Where(o => !o.IsStayPeriod).ToLookup(e => e.HostId, e => new AvailabilityException(e.From, e.Available));
        var stays = owned.Where(o => o.IsStayPeriod).ToLookup(p => p.HostId, p => new PeriodResponse(p.From, p.Until));
        return columns.Select(c =>
            {
                var mine = exceptions[c.Id].ToList();
                return new HostRow(HostProjection.Respond(c, mine.Select(e => new AvailabilityExceptionResponse(e.Night, e.Available)), stays[c.Id]), c, mine);
            })
            .ToList();
    }
}
