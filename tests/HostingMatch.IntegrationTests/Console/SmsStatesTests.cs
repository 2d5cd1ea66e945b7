using System.Text.Json.Nodes;
using HostingMatch.IntegrationTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HostingMatch.IntegrationTests.Console;

/// <summary>Where each offer's SMS stands, in words: our sending state, then the operator's delivery report.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SmsStatesTests(Browser browser) : OwnApiTest<ApiFactory>(new ApiFactory())
{
    private static JsonObject Offer(string code, string smsStatus, string? providerStatus) => new()
    {
        ["id"] = Guid.NewGuid(), ["night"] = "2026-11-26", ["requestId"] = Guid.NewGuid(), ["householdAlias"] = $"Foyer {code}",
        ["hostId"] = Guid.NewGuid(), ["hostCode"] = code, ["hostName"] = $"Hôte {code}", ["status"] = "open",
        ["createdAt"] = "2026-11-26T19:00:00Z", ["expiresAt"] = "2026-11-26T19:20:00Z", ["answeredAt"] = null,
        ["smsStatus"] = smsStatus, ["smsProviderStatus"] = providerStatus, ["smsError"] = null,
    };

    [Fact]
    public async Task EachSendingStateAndDeliveryReportIsSaidInWords()
    {
        var offers = new JsonArray(
            Offer("h-pending", "pending", null), Offer("h-sending", "sending", null), Offer("h-sent", "sent", "sent"),
            Offer("h-delivered", "sent", "delivered"), Offer("h-undelivered", "sent", "undelivered"), Offer("h-failed", "failed", "failed"),
            Offer("h-skipped", "skipped", null));
        var page = await browser.NewPageAsync(Api.CreateClient().BaseAddress!);
        await page.RouteAsync(new System.Text.RegularExpressions.Regex(@"/nights/2026-11-26/offers$"), async route =>
        {
            if (route.Request.Method == "GET") await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = offers.ToJsonString() });
            else await route.ContinueAsync();
        });
        var console = new ConsolePage(page);
        await console.SignInToBoardAsync(Api.Coordinator.Key);

        await Expect(console.Offer("h-pending")).ToContainTextAsync("SMS en attente d'envoi");
        await Expect(console.Offer("h-sending")).ToContainTextAsync("SMS en cours d'envoi");
        await Expect(console.Offer("h-sent")).ToContainTextAsync("SMS envoyé");
        await Expect(console.Offer("h-delivered")).ToContainTextAsync("SMS reçu");
        await Expect(console.Offer("h-undelivered")).ToContainTextAsync("SMS non remis");
        await Expect(console.Offer("h-failed")).ToContainTextAsync("SMS non remis");
        await Expect(console.Offer("h-skipped")).ToContainTextAsync("SMS non envoyé (offre close)");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(console.Offer("h-delivered")).ToContainTextAsync("SMS delivered");
        await Expect(console.Offer("h-undelivered")).ToContainTextAsync("SMS not delivered");
        await Expect(console.Offer("h-skipped")).ToContainTextAsync("SMS not sent (offer closed)");
    }
}
