using System.Net;
using System.Net.Http.Json;
using HostingMatch.IntegrationTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HostingMatch.IntegrationTests.Console;

/// <summary>A server that stops answering for a while, a refused move, a board redrawn under the keyboard's focus.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ResilienceTests(Browser browser) : OwnApiTest<ApiFactory>(new ApiFactory())
{
    private const string Unavailable =
        """{"type":"urn:hostingmatch:problem:unavailable","title":"Service unavailable","status":503,"detail":"The database does not answer."}""";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Api.LoadDemoNightAsync();
    }

    private static Task FailAsync(IRoute route) =>
        route.FulfillAsync(new() { Status = 503, ContentType = "application/problem+json", Body = Unavailable });

    [Fact]
    public async Task ABoardOpenedWhileTheServerIsDownSaysSoInFrenchAndRecoversByItself()
    {
        var page = await browser.NewPageAsync(Api.CreateClient().BaseAddress!);
        var failing = true;
        await page.RouteAsync("**/api/v1/**", async route =>
        {
            if (failing) await FailAsync(route);
            else await route.ContinueAsync();
        });
        var console = new ConsolePage(page);

        await console.SignInToBoardAsync(Api.Coordinator.Key);

        await Expect(console.Status).ToHaveTextAsync("Le serveur est momentanément indisponible. Réessayez dans un instant.");
        await Expect(page.Locator("#live")).ToHaveTextAsync("hors ligne");
        await Expect(page.Locator("#live")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("offline"));

        failing = false;

        await Expect(page.Locator("#households li.household").First).ToBeVisibleAsync();
        await Expect(page.Locator("#live")).ToHaveTextAsync("en direct");
        await Expect(console.Status).ToBeEmptyAsync();
    }

    [Fact]
    public async Task AMoveTheServerCannotTakeIsSaidInTheDialog()
    {
        var page = await browser.NewPageAsync(Api.CreateClient().BaseAddress!);
        await page.RouteAsync("**/placement", FailAsync);
        var console = new ConsolePage(page);
        await console.SignInToBoardAsync(Api.Coordinator.Key);

        await page.Locator("#households li.household").First.GetByRole(AriaRole.Button, new() { Name = "Déplacer" }).ClickAsync();
        var dialog = page.Locator("#move-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Déplacer" }).ClickAsync();

        await Expect(dialog.Locator("#move-error")).ToHaveTextAsync("Le serveur est momentanément indisponible. Réessayez dans un instant.");
        await Expect(dialog).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AFocusedButtonKeepsTheFocusWhenTheBoardRedrawsItsList()
    {
        var page = await browser.NewPageAsync(Api.CreateClient().BaseAddress!);
        var console = new ConsolePage(page);
        await console.SignInToBoardAsync(Api.Coordinator.Key);
        var households = page.Locator("#households li.household");
        await Expect(households.First).ToBeVisibleAsync();
        var before = await households.CountAsync();
        var move = households.First.GetByRole(AriaRole.Button, new() { Name = "Déplacer" });
        await move.FocusAsync();

        // Someone else adds a household: the next reading redraws the whole list.
        Assert.Equal(HttpStatusCode.Created,
            (await Api.CreateClient().PostAsJsonAsync("/api/v1/nights/2026-11-26/requests", Builders.Family("Famille Z."))).StatusCode);

        await Expect(households).ToHaveCountAsync(before + 1);
        await Expect(households.First.GetByRole(AriaRole.Button, new() { Name = "Déplacer" })).ToBeFocusedAsync();
    }
}
