using System.Globalization;
using HostingMatch.Application.VanRuns;
using HostingMatch.Infrastructure.Sms;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace HostingMatch.Infrastructure.RunSheets;

/// <summary>
/// Driver run-sheet links signed by ASP.NET Core Data Protection (keys kept in the database, so every instance and the
/// command line read each other's links): the token carries the night and the vehicle and expires at noon after the night.
/// The address is <c>Twilio:PublicBaseUrl</c> + <c>/drivers/{token}</c>.
/// </summary>
internal sealed class DriverSheetLinks(IDataProtectionProvider protection, IOptionsMonitor<TwilioOptions> twilio, IClock clock) : IDriverSheetLinks
{
    private const string Purpose = "HostingMatch.DriverSheet.v1";

    // The expiry is in the payload and checked against the application's clock (the time-limited protector reads the machine's).
    private IDataProtector Protector => protection.CreateProtector(Purpose);

    public string? For(LocalDate night, Guid vehicleId)
    {
        var publicBase = twilio.CurrentValue.PublicBaseUrl;
        if (publicBase.Length == 0)
        {
            return null;
        }

        var expires = Domain.Night.At(night.PlusDays(1), Domain.Night.EveningStarts).ToInstant();
        var token = Protector.Protect($"{LocalDatePattern.Iso.Format(night)}|{vehicleId:N}|{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");
        return $"{publicBase.TrimEnd('/')}/drivers/{token}";
    }

    public (LocalDate Night, Guid VehicleId)? Read(string token)
    {
        try
        {
            var parts = Protector.Unprotect(token).Split('|');
            return parts.Length == 3 && LocalDatePattern.Iso.Parse(parts[0]) is { Success: true } night
                                     && Guid.TryParseExact(parts[1], "N", out var vehicle)
                                     && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                                     && clock.GetCurrentInstant() < Instant.FromUnixTimeSeconds(expires)
                ? (night.Value, vehicle)
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
