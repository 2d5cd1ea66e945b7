using NodaTime;

namespace HostingMatch.Application.VanRuns;

/// <summary>
/// The address of a driver's run sheet that the driver's phone can open without an account: signed, for one vehicle and
/// one night, valid until the next noon. The drivers' SMS carry it; the page reads the night's current plan.
/// </summary>
public interface IDriverSheetLinks
{
    /// <summary>The link, or null when the server has no public address configured (<c>Twilio:PublicBaseUrl</c>).</summary>
    string? For(LocalDate night, Guid vehicleId);

    /// <summary>The night and vehicle a link's token names; null when it is forged, altered or expired.</summary>
    (LocalDate Night, Guid VehicleId)? Read(string token);
}
