using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HostingMatch.IntegrationTests.Sms;
using HostingMatch.IntegrationTests.Stays;
using HostingMatch.IntegrationTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HostingMatch.IntegrationTests.Console;

/// <summary>
/// A coordinator plans a region on the stays page, the proposal goes to its host by SMS by itself, the host declines
/// live (through the fake Twilio), and the plan heals: the stay moves to another host's row, awaiting that host's answer.
/// The Api runs with its stays worker every second, as in production (every minute).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StaysHealingTests(Browser browser) : OwnApiTest<SmsApiFactory>(new SmsApiFactory(workers: true,
    settings: new Dictionary<string, string?> { ["Stays:WorkerEnabled"] = "true", ["Stays:WorkerPollSeconds"] = "1" }))
{
    private static readonly (string Code, string Name, string Phone, double Longitude)[] Hosts =
    [
        ("k-rennes", "Claire", "+33611111111", -1.68),
        ("k-lorient", "Yann", "+33622222222", -3.37),
    ];

    /// <summary>Clicks "Afficher" until <paramref name="locator"/> shows up: the worker acts on its own, the page reads when asked.</summary>
    private static async Task ShowUntilAsync(IPage page, ILocator locator, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (await locator.CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Never shown: {locator}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Afficher", Exact = true }).ClickAsync();
            await Task.Delay(500);
        }
    }

    [Fact]
    public async Task ACoordinatorPlansARegion_AHostDeclinesLive_AndThePlanHealsOnTheCalendar()
    {
        foreach (var (code, name, phone, longitude) in Hosts)
        {
            var host = StaysBuilders.StaysHost(code, longitude, name, phone);
            Assert.Equal(HttpStatusCode.Created, (await Api.Client.PostAsJsonAsync("/api/v1/hosts", host)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Created, (await Api.Client.PostAsJsonAsync("/api/v1/stays/guests", new JsonObject
        {
            ["alias"] = "Famille K.",
            ["members"] = new JsonArray(new JsonObject { ["age"] = 35, ["sex"] = "female" }, new JsonObject { ["age"] = 8, ["sex"] = "male" }),
            ["needFrom"] = "2026-11-28", ["needUntil"] = "2026-12-20", ["regions"] = new JsonArray("bretagne"),
            ["waitingAt"] = "Porte de la Chapelle", ["latitude"] = 48.8986, ["longitude"] = 2.3592,
        })).StatusCode);

        var console = new ConsolePage(await browser.NewPageAsync(Api.CreateClient().BaseAddress!));
        var page = console.Page;
        await console.SignInToBoardAsync(Api.Client.DefaultRequestHeaders.Authorization!.Parameter!);
        await page.GetByRole(AriaRole.Link, new() { Name = "Séjours" }).ClickAsync();
        await Expect(page.Locator("#stays-region")).ToHaveValueAsync("bretagne");
        await console.ClickAsync("Planifier");
        await Expect(console.Status).ToContainTextAsync("Plan calculé");

        var calendar = page.Locator("#stays-calendar table.calendar");
        var row = (string code) => calendar.Locator("tbody tr").Filter(new() { Has = page.Locator("th[scope=row]", new() { HasText = code }) });

        // The nearest host, Claire, gets the proposal by SMS by itself; the calendar says it awaits her answer.
        await ShowUntilAsync(page, row("k-rennes").Locator(".bar.proposal-awaiting-answer"));
        await Expect(row("k-rennes").Locator(".bar")).ToContainTextAsync("attend la réponse de l'hébergeur");
        var offer = await Api.Twilio.WaitForMessagesAsync(1);
        Assert.Equal(Hosts[0].Phone, offer[0].To);
        Assert.Contains("du samedi 28 novembre au dimanche 20 décembre", offer[0].Body);

        // Claire says no from her phone; nobody touches the console.
        Api.Clock.AdvanceMinutes(2);
        var reply = await Api.Twilio.SendInboundAsync(Hosts[0].Phone, "Non désolée");
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);

        // The plan heals by itself: the stay is now Yann's to answer, and Claire's row is empty.
        await ShowUntilAsync(page, row("k-lorient").Locator(".bar.proposal-awaiting-answer"));
        await Expect(row("k-rennes").Locator(".bar")).ToHaveCountAsync(0);
        await Expect(row("k-lorient").Locator(".bar")).ToContainTextAsync("Famille K.");
        var messages = await Api.Twilio.WaitForMessagesAsync(2);
        Assert.Equal(Hosts[1].Phone, messages[1].To);
        await Browser.ScreenshotAsync(page, "stays-healed.png", fullPage: true);
    }
}
