using System.Linq.Expressions;
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
    /// <summary>Hosts are read with their owned data and projected in memory: the lists are small (hundreds).</summary>
    public static HostResponse ToResponse(this Host h) => new(
        h.Id, h.Code, h.DisplayName, h.Phone, h.Language.ToString().ToLowerInvariant(), h.Latitude, h.Longitude, h.Address,
        h.Beds, h.MaxHouseholds, h.Accepts.Select(c => c.ToWire()).ToList(), h.MinorsCertified, h.CertifiedUntil, h.WheelchairAccessible,
        h.Programmes.ToWire(), h.Region, h.StaysAvailable.Select(p => new PeriodResponse(p.From, p.Until)).ToList(), h.MaxNightsPerGuest,
        new AgreementResponse(h.Agreement.SignedOn, h.Agreement.ValidFrom, h.Agreement.ValidUntil),
        h.WeeklyDays.Select(d => HostInputValidator.Days[(int)d - 1]).ToList(),
        h.ArrivalWindow.From, h.ArrivalWindow.Until, h.PicksUpAtBase, h.MaxNightsPerMonth,
        h.Exceptions.OrderBy(e => e.Night).Select(e => new AvailabilityExceptionResponse(e.Night, e.Available)).ToList(),
        h.SmsOptedOutAt is not null, h.Notes, h.Version);
}
