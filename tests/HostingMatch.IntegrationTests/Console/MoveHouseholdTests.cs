using System.Net;
using System.Net.Http.Json;
using HostingMatch.IntegrationTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HostingMatch.IntegrationTests.Console;

/// <summary>A coordinator moves a household by hand: the console says why a host will not do, and moves it to one that will.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MoveHouseholdTests(Browser browser) : OwnApiTest<ApiFactory>(new ApiFactory())
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var client = Api.CreateClient();
        foreach (var (code, name, beds) in new[] { ("h-anne", "Anne", 3), ("h-bruno", "Bruno", 3), ("h-petit", "Paul", 1) })
        {
            var host = Builders.Host(code, beds);
            host["displayName"] = name;
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/hosts", host)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/nights/2026-11-26/requests", Builders.Family())).StatusCode);
    }

    [Fact]
    public async Task AnIncompatibleHostIsRefusedWithTheReasonAndACompatibleOneTakesTheHousehold()
    {
        var console = new ConsolePage(await browser.NewPageAsync(Api.CreateClient().BaseAddress!));
        await console.SignInToBoardAsync(Api.Coordinator.Key);
        await console.ClickAsync("Lancer l'appariement");
        var family = console.Household("Famille A.");
        await Expect(family).ToHaveAttributeAsync("data-status", "proposed");
        await Expect(family).ToContainTextAsync("1 adulte, 1 enfant (âge 6)");
        var proposedAt = await ProposedHostAsync();
        var other = proposedAt == "h-anne" ? ("h-bruno", "Bruno") : ("h-anne", "Anne");

        await family.GetByRole(AriaRole.Button, new() { Name = "Déplacer" }).ClickAsync();
        var dialog = console.Page.Locator("#move-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        var choice = dialog.GetByLabel("Vers l'hébergeur");
        await Expect(choice.Locator("option")).ToHaveCountAsync(3);
        await choice.SelectOptionAsync(new SelectOptionValue { Label = await OptionLabelAsync(choice, "h-petit") });
        await Expect(dialog.Locator("#move-why")).ToContainTextAsync("pas assez de lits libres pour tout le foyer");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Déplacer" }).ClickAsync();

        await Expect(dialog.Locator("#move-error")).ToHaveTextAsync("Refusé : pas assez de lits libres pour tout le foyer");
        Assert.Equal(proposedAt, await ProposedHostAsync());
        await Browser.ScreenshotAsync(console.Page, "move-refused.png", fullPage: false);

        await choice.SelectOptionAsync(new SelectOptionValue { Label = await OptionLabelAsync(choice, other.Item1) });
        await Expect(dialog.Locator("#move-why")).ToBeEmptyAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Déplacer" }).ClickAsync();

        await Expect(dialog).ToBeHiddenAsync();
        await Expect(console.Status).ToContainTextAsync($"Famille A. est maintenant proposé chez {other.Item2} ({other.Item1})");
        await Expect(family).ToContainTextAsync($"chez {other.Item2} ({other.Item1})");
        Assert.Equal(other.Item1, await ProposedHostAsync());
    }

    private static async Task<string> OptionLabelAsync(ILocator select, string code) =>
        (await select.Locator("option").Filter(new() { HasText = $"({code})" }).TextContentAsync())!;

    private async Task<string> ProposedHostAsync()
    {
        var client = Api.CreateClient();
        var request = (await (await client.GetAsync("/api/v1/nights/2026-11-26/requests")).ReadArrayAsync()).Single()!;
        var host = await (await client.GetAsync($"/api/v1/hosts/{(string)request["hostId"]!}")).ReadObjectAsync();
        return (string)host["code"]!;
    }
}
