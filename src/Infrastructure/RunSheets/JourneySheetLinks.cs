using HostingMatch.Application.Stays.Journeys;
using NodaTime;

namespace HostingMatch.Infrastructure.RunSheets;

/// <summary>
/// Journey-sheet links (<see cref="SignedSheetTokens"/>): the token carries the stay the journey leads to and the driver's
/// phone (a replaced driver's link stops opening), and expires at noon after the journey's day. The address is <c>Twilio:PublicBaseUrl</c> + <c>/journeys/{token}</c>.
/// </summary>
internal sealed class JourneySheetLinks(SignedSheetTokens tokens) : IJourneySheetLinks
{
    private const string Purpose = "HostingMatch.JourneySheet.v2";

    public string? For(Guid stayId, string driverPhone, LocalDate date) =>
        tokens.Link("journeys", Purpose, $"{stayId:N}:{driverPhone}", SignedSheetTokens.NoonAfter(date));

    public (Guid StayId, string DriverPhone)? Read(string token) =>
        tokens.Unprotect(Purpose, token) is { } payload && payload.Split(':') is [var id, var phone] && Guid.TryParseExact(id, "N", out var stayId)
            ? (stayId, phone)
            : null;
}
