using HostingMatch.Application.Stays.Journeys;
using NodaTime;

namespace HostingMatch.Infrastructure.RunSheets;

/// <summary>
/// Journey-sheet links (<see cref="SignedSheetTokens"/>): the token carries the stay the journey leads to and expires at
/// noon after the journey's day. The address is <c>Twilio:PublicBaseUrl</c> + <c>/journeys/{token}</c>.
/// </summary>
internal sealed class JourneySheetLinks(SignedSheetTokens tokens) : IJourneySheetLinks
{
    private const string Purpose = "HostingMatch.JourneySheet.v1";

    public string? For(Guid stayId, LocalDate date) => tokens.Link("journeys", Purpose, stayId.ToString("N"), SignedSheetTokens.NoonAfter(date));

    public Guid? Read(string token) =>
        Guid.TryParseExact(tokens.Unprotect(Purpose, token), "N", out var stayId) ? stayId : null;
}
