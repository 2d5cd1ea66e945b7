using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Transport;
using NodaTime;

namespace HostingMatch.Application.Transport;

/// <summary>A vehicle out tonight, as coordinators see it.</summary>
public sealed record VehicleResponse(Guid Id, LocalDate Night, string Kind, string Label, string DriverFirstName, string DriverPhone,
    int Seats, LocalTime AvailableFrom, LocalTime AvailableUntil);

/// <summary>
/// A volunteer who takes a household of adults by public transport tonight, and the household they take as the rides
/// stand (<see cref="EscortPairing"/>; null when none goes by public transport for them, or on registering).
/// </summary>
public sealed record EscortResponse(Guid Id, LocalDate Night, string FirstName, string Phone, EscortJourneyResponse? Takes = null);

/// <summary>The household an escort takes: who, when they leave the base, when they arrive, and at whose home.</summary>
public sealed record EscortJourneyResponse(Guid HouseholdId, string HouseholdAlias, int People, OffsetDateTime LeaveBaseAt, OffsetDateTime ArriveAt,
    string HostDisplayName);

/// <summary>A host available tonight who fetches its guests at the base.</summary>
public sealed record FetchingHostResponse(Guid Id, string Code, string DisplayName, LocalTime ArrivalFrom, LocalTime ArrivalUntil);

/// <summary>Every way to reach a host tonight: vehicles with their drivers, escorts, the hosts who come to fetch.</summary>
public sealed record NightTransportResponse(LocalDate Night, IReadOnlyList<VehicleResponse> Vehicles, IReadOnlyList<EscortResponse> Escorts,
    IReadOnlyList<FetchingHostResponse> FetchingHosts, int Seats);

internal static class TransportProjection
{
    public static VehicleResponse ToResponse(this NightVehicle v) =>
        new(v.Id, v.Night, v.Kind.ToWire(), v.Label, v.DriverFirstName, v.DriverPhone, v.Seats, v.AvailableFrom, v.AvailableUntil);

    public static EscortResponse ToResponse(this NightEscort e) => new(e.Id, e.Night, e.FirstName, e.Phone);

    public static FetchingHostResponse ToFetchingResponse(this Host h) =>
        new(h.Id, h.Code, h.DisplayName, h.ArrivalWindow.From, h.ArrivalWindow.Until);
}
