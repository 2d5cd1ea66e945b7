using System.Net.Http.Json;
using HostingMatch.IntegrationTests.Support;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace HostingMatch.IntegrationTests.Console;

/// <summary>Who may open the console: a coordinator's key, for one shift; never a wrong key or a partner's.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleSignInTests(Browser browser) : OwnApiTest<ApiFactory>(new DemoApiFactory())
{
    private async Task<ConsolePage> OpenAsync(int width = 1280) =>
        new(await browser.NewPageAsync(Api.CreateClient().BaseAddress!, width));

    [Fact]
    public async Task ACoordinatorsKeyOpensTheBoardAndTheSessionCookieIsOutOfTheScriptsReach()
    {
        var console = await OpenAsync();

        await console.SignInToBoardAsync(Api.Coordinator.Key);

        await Expect(console.Page.GetByRole(AriaRole.Heading, new() { Name = "Nuit du jeudi 26 novembre 2026" })).ToBeVisibleAsync();
        await Expect(console.Page.Locator("#board-night")).ToHaveAttributeAsync("datetime", "2026-11-26");
        var cookie = Assert.Single(await console.Page.Context.CookiesAsync(), c => c.Name == "hm_console");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.DoesNotContain("hm_console", await console.Page.EvaluateAsync<string>("document.cookie"));
        // The key is not kept by the page: not in the form, not in the browser's storage.
        Assert.Equal(string.Empty, await console.Page.Locator("#key").InputValueAsync());
        Assert.DoesNotContain(Api.Coordinator.Key,
            await console.Page.EvaluateAsync<string>("JSON.stringify(localStorage) + JSON.stringify(sessionStorage)"));
    }

    [Fact]
    public async Task AWrongKeyIsRefusedAndNoSessionIsOpened()
    {
        var console = await OpenAsync();

        await console.SignInAsync("hm_nothere1_" + new string('x', 43));

        await console.ExpectSignInPageAsync("Clé inconnue, révoquée ou expirée.");
        Assert.DoesNotContain(await console.Page.Context.CookiesAsync(), c => c.Name == "hm_console");
    }

    [Fact]
    public async Task APartnersKeyIsRefusedWithTheReason()
    {
        var partner = await Api.IssueKeyAsync("Maraude Nord", "partner");
        var console = await OpenAsync();

        await console.SignInAsync(partner.Key);

        await console.ExpectSignInPageAsync("organisation partenaire");
        Assert.DoesNotContain(await console.Page.Context.CookiesAsync(), c => c.Name == "hm_console");
    }

    [Fact]
    public async Task AnExpiredSessionSendsTheCoordinatorBackToSignIn()
    {
        var console = await OpenAsync();
        await console.SignInToBoardAsync(Api.Coordinator.Key);

        // A shift is 12 hours; the board polls and finds the session over.
        Api.Clock.Advance(Duration.FromHours(12) + Duration.FromMinutes(1));

        await console.ExpectSignInPageAsync("Votre session est terminée.");
        await console.Page.ReloadAsync();
        await Expect(console.Page.Locator("#sign-in-page")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task RevokingTheKeyEndsTheSessionsOpenedWithIt()
    {
        var key = await Api.IssueKeyAsync(ApiFactory.NetworkName, "coordinator");
        var console = await OpenAsync();
        await console.SignInToBoardAsync(key.Key);

        var admin = Api.CreateClient(Api.Admin.Key);
        (await admin.PostAsync($"/api/v1/admin/keys/{key.Id}/revoke", null)).EnsureSuccessStatusCode();

        await console.ExpectSignInPageAsync("Votre session est terminée.");
    }

    [Fact]
    public async Task TheAddressTheDemoPrintsSignsInAndForgetsTheKey()
    {
        var console = await OpenAsync();

        await console.Page.GotoAsync($"/#key={Api.Coordinator.Key}&night=2026-11-27");

        await Expect(console.Board).ToBeVisibleAsync();
        // The night from the address, in words for the coordinator and as a date for machines.
        await Expect(console.Page.Locator("#board-night")).ToHaveAttributeAsync("data-night", "2026-11-27");
        await Expect(console.Page.Locator("#board-night")).ToHaveTextAsync("Nuit du vendredi 27 novembre 2026");
        Assert.DoesNotContain("key=", console.Page.Url);
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        var console = await OpenAsync();
        await console.SignInToBoardAsync(Api.Coordinator.Key);

        await console.ClickAsync("Se déconnecter");

        await console.ExpectSignInPageAsync("Vous êtes déconnecté.");
        await console.Page.ReloadAsync();
        await Expect(console.Page.Locator("#sign-in-page")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheConsoleSpeaksEnglishWhenAsked()
    {
        var console = await OpenAsync();
        await console.SignInToBoardAsync(Api.Coordinator.Key);

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Expect(console.Page.GetByRole(AriaRole.Button, new() { Name = "Run matching" })).ToBeVisibleAsync();
        await Expect(console.Page.GetByRole(AriaRole.Heading, new() { Name = "Night of Thursday 26 November 2026" })).ToBeVisibleAsync();
        await Expect(console.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await console.Page.ReloadAsync();
        await Expect(console.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AKeyInTheAddressDoesNotReplaceTheSessionAlreadyOpen()
    {
        var other = await Api.IssueKeyAsync(ApiFactory.NetworkName, "coordinator");
        var console = await OpenAsync();
        await console.SignInToBoardAsync(Api.Coordinator.Key);

        await console.Page.GotoAsync($"/#key={other.Key}");
        await Expect(console.Board).ToBeVisibleAsync();

        var audit = await (await Api.CreateClient(Api.Admin.Key).GetAsync("/api/v1/admin/audit")).ReadObjectAsync();
        Assert.DoesNotContain(audit["items"]!.AsArray(), e => (string?)e!["apiKeyId"] == other.Id.ToString());
    }

    /// <summary>The demo's setting: the printed address carries the key.</summary>
    private sealed class DemoApiFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } =
            new Dictionary<string, string?> { ["Console:KeyInAddress"] = "true" };
    }
}
