using NodaTime;

namespace HostingMatch.Application.Stays.Journeys;

/// <summary>
/// The address of a journey sheet that a volunteer driver's phone opens without an account: signed, for one journey
/// (named by the stay it leads to), valid until noon the day after the journey. The driver's SMS carries it.
/// </summary>
public interface IJourneySheetLinks
{
    /// <summary>The link, or null when the server has no public address configured (<c>Twilio:PublicBaseUrl</c>).</summary>
    /// <remarks>The link is the driver's: it names the driver's phone, and stops opening when another volunteer drives.</remarks>
    string? For(Guid stayId, string driverPhone, LocalDate date);

    /// <summary>The stay and the driver's phone a link's token names; null when it is forged, altered or expired.</summary>
    (Guid StayId, string DriverPhone)? Read(string token);
}
