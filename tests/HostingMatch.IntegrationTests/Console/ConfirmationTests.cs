using HostingMatch.IntegrationTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HostingMatch.IntegrationTests.Console;

/// <summary>Sending real SMS to hosts is asked once more: a coordinator who says no sends nothing.</summary>
public sealed class ConfirmationTests(Browser browser) : DemoNightTest(browser)
{
    [Fact]
    public async Task DismissingTheConfirmationSendsNoOffer()
    {
        var page = await Browser.NewPageAsync(Api.CreateClient().BaseAddress!, acceptDialogs: false);
        var asked = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            asked.Add($"{dialog.Type}: {dialog.Message}");
            await dialog.DismissAsync();
        };
        var console = new ConsolePage(page);
        await console.SignInToBoardAsync(Api.Coordinator.Key);
        await console.ClickAsync("Lancer l'appariement");
        await Expect(console.Status).ToContainTextAsync("foyers proposés");
        await Expect(page.Locator("#households li.household[data-status='proposed']").First).ToBeVisibleAsync();

        await console.ClickAsync("Envoyer les offres");

        var question = Assert.Single(asked);
        Assert.StartsWith("confirm: ", question);
        Assert.Contains("vrai SMS", question);
        // Long enough for a click that went through to reach the Api and the board's next reading.
        await page.WaitForTimeoutAsync(4_000);
        var offers = await (await Api.CreateClient(Api.Coordinator.Key).GetAsync("/api/v1/nights/2026-11-26/offers")).ReadArrayAsync();
        Assert.Empty(offers);
        await Expect(console.Offers).ToHaveCountAsync(0);
        await Expect(page.Locator("#offers")).ToContainTextAsync("Aucune offre envoyée.");
        await Expect(console.Status).Not.ToContainTextAsync("offre");
    }
}
