using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Stays;
using NodaTime;

namespace HostingMatch.Application.Stays.Journeys;

/// <summary>
/// A journey between homes, named by the stay it leads to (<c>id</c> is that stay's id, also before anyone arranged it):
/// on <c>date</c> (the stay's first night) from a host or the place the guest waits at, to a host, in <c>minutes</c>
/// (stays.md, "Travel"); how (<c>way</c>), when, the volunteer driver, the cost in euros as entered.
/// <c>hostsTold</c>: the hosts were sent this day and time. <c>version</c> is null until the journey is first arranged.
/// </summary>
public sealed record JourneyResponse(
    Guid Id,
    Guid GuestId,
    string GuestAlias,
    int People,
    LocalDate Date,
    JourneyPlace From,
    JourneyPlace To,
    int Minutes,
    string Way,
    LocalTime? DepartureTime,
    LocalTime? ArrivalTime,
    string? DriverFirstName,
    string? DriverPhone,
    decimal CostEuros,
    string? Notes,
    bool HostsTold,
    uint? Version);

/// <summary>One end of a journey: a host (code, name, phone) or, with no host, the place the guest waits at.</summary>
public sealed record JourneyPlace(Guid? HostId, string? HostCode, string? HostName, string? Phone, string Address, double Latitude, double Longitude)
{
    public static JourneyPlace Of(Host host) => new(host.Id, host.Code, host.DisplayName, host.Phone, host.Address, host.Latitude, host.Longitude);

    public static JourneyPlace Of(StayGuest guest) => new(null, null, null, null, guest.WaitingAt, guest.Latitude, guest.Longitude);
}

/// <summary>What the volunteer driver's sheet shows: the day, the times, both ends with the hosts' first names and phones, how many people.</summary>
public sealed record JourneySheet(LocalDate Date, LocalTime Departure, LocalTime Arrival, int Minutes, int People, string DriverFirstName,
    JourneyPlace From, JourneyPlace To);
