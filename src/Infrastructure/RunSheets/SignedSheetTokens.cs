using System.Globalization;
using HostingMatch.Infrastructure.Sms;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace HostingMatch.Infrastructure.RunSheets;

/// <summary>
/// Tokens for the pages volunteers open from an SMS without an account (a driver's run sheet, a journey sheet): a payload
/// and its expiry, protected by ASP.NET Core Data Protection with the keys kept in the database, so that every instance and
/// the command line read each other's links. The expiry is checked against the application's clock (the time-limited
/// protector reads the machine's). A link is <c>Twilio:PublicBaseUrl</c> + <c>/{page}/{token}</c>.
/// </summary>
internal sealed class SignedSheetTokens(IDataProtectionProvider protection, IOptionsMonitor<TwilioOptions> twilio, IClock clock)
{
    /// <summary>The page's address with a token for <paramref name="payload"/>; null when the server has no public address configured.</summary>
    public string? Link(string page, string purpose, string payload, Instant expires)
    {
        var publicBase = twilio.CurrentValue.PublicBaseUrl;
        return publicBase.Length == 0 ? null : $"{publicBase.TrimEnd('/')}/{page}/{Protect(purpose, payload, expires)}";
    }

    public string Protect(string purpose, string payload, Instant expires) =>
        protection.CreateProtector(purpose).Protect($"{payload}|{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The payload; null when the token is forged, altered or expired.</summary>
    public string? Unprotect(string purpose, string token)
    {
        try
        {
            var text = protection.CreateProtector(purpose).Unprotect(token);
            var bar = text.LastIndexOf('|');
            return bar > 0 && long.TryParse(text.AsSpan(bar + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                           && clock.GetCurrentInstant() < Instant.FromUnixTimeSeconds(expires)
                ? text[..bar]
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

    /// <summary>Noon after <paramref name="day"/> in Paris: a sheet stays readable through the day (and the night) it is for.</summary>
    public static Instant NoonAfter(LocalDate day) => Domain.Night.At(day.PlusDays(1), Domain.Night.EveningStarts).ToInstant();
}
