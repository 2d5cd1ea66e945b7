using HostingMatch.Application.Stays.Journeys;
using HostingMatch.Infrastructure.Sms;
using Microsoft.Extensions.Options;
using NodaTime;

namespace HostingMatch.Infrastructure.RunSheets;

/// <summary>
/// Journey-sheet links (<see cref="SignedSheetTokens"/>): the token carries the stay the journey leads to and expires at
/// noon after the journey's day. The address is <c>Twilio:PublicBaseUrl</c> + <c>/journeys/{token}</c>.
/// </summary>
internal sealed class JourneySheetLinks(SignedSheetTokens tokens, IOptionsMonitor<TwilioOptions> twilio) : IJourneySheetLinks
{
    private const string Purpose = "HostingMatch.JourneySheet.v1";

    public string? For(Guid stayId, LocalDate date)
    {
        var publicBase = twilio.CurrentValue.PublicBaseUrl;
        return publicBase.Length == 0
            ? null
            : $"{publicBase.TrimEnd('/')}/journeys/{tokens.Protect(Purpose, stayId.ToString("N"), SignedSheetTokens.NoonAfter(date))}";
    }

    public Guid? Read(string token) =>
        Guid.TryParseExact(tokens.Unprotect(Purpose, token), "N", out var stayId) ? stayId : null;
}
