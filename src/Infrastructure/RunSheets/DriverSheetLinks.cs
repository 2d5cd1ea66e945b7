using HostingMatch.Application.VanRuns;
using NodaTime;
using NodaTime.Text;

namespace HostingMatch.Infrastructure.RunSheets;

/// <summary>
/// Driver run-sheet links (<see cref="SignedSheetTokens"/>): the token carries the night and the vehicle and expires at noon
/// after the night. The address is <c>Twilio:PublicBaseUrl</c> + <c>/drivers/{token}</c>.
/// </summary>
internal sealed class DriverSheetLinks(SignedSheetTokens tokens) : IDriverSheetLinks
{
    private const string Purpose = "HostingMatch.DriverSheet.v1";

    public string? For(LocalDate night, Guid vehicleId) =>
        tokens.Link("drivers", Purpose, $"{LocalDatePattern.Iso.Format(night)}|{vehicleId:N}", SignedSheetTokens.NoonAfter(night));

    public (LocalDate Night, Guid VehicleId)? Read(string token)
    {
        var parts = tokens.Unprotect(Purpose, token)?.Split('|');
        return parts is [var night, var vehicle] && LocalDatePattern.Iso.Parse(night) is { Success: true } parsed
                                                  && Guid.TryParseExact(vehicle, "N", out var id)
            ? (parsed.Value, id)
            : null;
    }
}
