using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using HostingMatch.Domain.Sms;
using HostingMatch.IntegrationTests.Stays;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HostingMatch.IntegrationTests.Console;

/// <summary>
/// The stays page: a coordinator plans a region, reads the hosts' weeks with the stays as bars and a guest's uncovered
/// nights in red, opens a guest's chain with its journeys, and reads the stays alerts; on a laptop and on a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StaysPageTests(Browser browser) : OwnApiTest
{
    /// <summary>
    /// On the night of 26 November, three Breton hosts (14 nights per guest at most); Famille A.'s two stays were proposed
    /// and confirmed, its move arranged by train; Famille B. and Jeune C. (a minor no host is certified for) are waiting.
    /// </summary>
    private async Task SeedAsync()
    {
        foreach (var (code, longitude, name) in new[] { ("k-a", -1.60, "Anne"), ("k-b", -1.70, "Bruno"), ("k-c", -1.80, "Chloé") })
        {
            var host = StaysBuilders.StaysHost(code, longitude, maxNightsPerGuest: 14);
            host["displayName"] = name;
            host["phone"] = $"+3361111111{code[^1] - 'a'}";
            await Client.CreateAsync("/api/v1/hosts", host);
        }

        var a = await Client.CreateAsync("/api/v1/stays/guests", StaysBuilders.Guest("Famille A.", "2026-11-27"));
        var plan = await Client.PlanStaysAsync("2026-12-24", region: "bretagne");
        var chain = StaysBuilders.StaysOf(plan, a).Select(s => s["stayId"]!.GetValue<Guid>()).ToList();
        Assert.Equal(2, chain.Count);
        foreach (var stay in chain)
        {
            await Client.SetStayStatusAsync(stay, "confirmed");
        }

        var train = await Client.PutAsJsonAsync($"/api/v1/stays/journeys/{chain[1]}",
            new JsonObject { ["way"] = "train", ["departureTime"] = "10:30", ["costEuros"] = 23.4m });
        Assert.Equal(HttpStatusCode.OK, train.StatusCode);

        await Client.CreateAsync("/api/v1/stays/guests", StaysBuilders.Guest("Famille B.", "2026-11-27"));
        await Client.CreateAsync("/api/v1/stays/guests", StaysBuilders.Guest("Jeune C.", "2026-11-27",
            new JsonArray(new JsonObject { ["age"] = 16, ["sex"] = "male" })));

        await using var db = Api.Database.NewContext();
        db.Alerts.Add(CoordinatorAlert.Raise("check-in-no-answer", "Anne (k-a) n'a pas répondu au point de la semaine : appelez-la.", null, Api.Clock.GetCurrentInstant()));
        db.Alerts.Add(CoordinatorAlert.Raise("sms-stop", "Un hébergeur d'une nuit a envoyé STOP.", null, Api.Clock.GetCurrentInstant()));
        await db.SaveChangesAsync();

        // The latest plan is the one planned last: later than this one on the (frozen) test clock.
        Api.Clock.Advance(NodaTime.Duration.FromMinutes(5));
    }

    private async Task<ConsolePage> OpenStaysAsync(int width, int height)
    {
        var console = new ConsolePage(await browser.NewPageAsync(Api.CreateClient().BaseAddress!, width, height));
        await console.SignInToBoardAsync(Api.Coordinator.Key);
        await console.GoToStaysAsync();
        await Expect(console.Page.Locator("#stays-region")).ToHaveValueAsync("bretagne");
        return console;
    }

    [Fact]
    public async Task ACoordinatorPlansARegionAndReadsItsBarsUncoveredNightsAndAGuestsChain()
    {
        await SeedAsync();
        var console = await OpenStaysAsync(1280, 1000);
        var page = console.Page;

        await console.ClickAsync("Planifier");
        await Expect(console.Status).ToContainTextAsync("Plan calculé");

        var calendar = page.Locator("#stays-calendar table.calendar");
        await Expect(calendar.Locator("th.week")).ToHaveCountAsync(4);
        await Expect(calendar.Locator("th.day")).ToHaveCountAsync(28);
        await Expect(calendar.Locator("tbody th[scope=row]").Filter(new() { HasText = "k-a" })).ToBeVisibleAsync();
        await Expect(calendar.Locator(".bar.confirmed")).ToHaveCountAsync(2);
        await Expect(calendar.Locator(".bar.proposed").First).ToBeVisibleAsync();
        await Expect(calendar.Locator(".bar.proposed").First).ToContainTextAsync("Famille B.");

        // Jeune C.: no host in Bretagne is certified for minors, every night is red, with the reason.
        var uncovered = calendar.Locator("tr.uncovered-row").Filter(new() { HasText = "Jeune C." });
        await Expect(uncovered.Locator("td.uncovered")).ToHaveCountAsync(1);
        await Expect(uncovered.Locator("td.uncovered")).ToContainTextAsync("aucun hébergeur compatible");
        Assert.Equal("27", await uncovered.Locator("td.uncovered").GetAttributeAsync("colspan"));

        // Famille A.'s chain: two stays, the journey from where it waits and the move by train.
        await calendar.Locator(".bar.confirmed").First.ClickAsync();
        var chain = page.Locator("#stays-chain");
        await Expect(chain.Locator("h2")).ToHaveTextAsync("Parcours de Famille A.");
        await Expect(chain.Locator("ol.chain > li")).ToHaveCountAsync(2);
        var journeys = chain.Locator("li.journey");
        await Expect(journeys).ToHaveCountAsync(2);
        await Expect(journeys.First).ToContainTextAsync("de Porte de la Chapelle à k-");
        await Expect(journeys.First).ToContainTextAsync("à organiser");
        await Expect(journeys.Nth(1)).ToContainTextAsync("train");
        await Expect(journeys.Nth(1)).ToContainTextAsync("départ 10:30");
        await Expect(journeys.Nth(1)).ToContainTextAsync("23,40");

        // The coordinator arranges the first journey: a volunteer drives at 9:00; both hosts are told, and the driver.
        var first = journeys.First;
        await first.Locator("summary").ClickAsync();
        await first.GetByLabel("Comment").SelectOptionAsync("volunteer-driver");
        await first.GetByLabel("Heure de départ").FillAsync("09:00");
        await first.GetByLabel("Prénom du conducteur bénévole").FillAsync("Paul");
        await first.GetByLabel("Portable du conducteur").FillAsync("+33633333333");
        await first.GetByLabel("Coût (euros)").FillAsync("18.5");
        await first.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le trajet" }).ClickAsync();
        await Expect(console.Status).ToContainTextAsync("Trajet enregistré.");
        await Expect(journeys.First).ToContainTextAsync("bénévole en voiture");
        await Expect(journeys.First).ToContainTextAsync("conducteur : Paul, +33633333333");
        await Expect(journeys.First).ToContainTextAsync("hébergeurs prévenus");
        await using (var db = Api.Database.NewContext())
        {
            Assert.Equal(1, await db.OutboundSms.CountAsync(m => m.Kind == SmsKind.Journey && m.To == "+33633333333"));
        }

        var alerts = page.Locator("#stays-alerts li");
        await Expect(alerts).ToHaveCountAsync(1);
        await Expect(alerts).ToContainTextAsync("n'a pas répondu au point de la semaine");

        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} {string.Join(" ", v.Nodes.Take(2).Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await Browser.ScreenshotAsync(page, "stays.png", fullPage: true);

        // In English, the same page.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("#stays-title")).ToHaveTextAsync("Stays");
        await Expect(calendar.Locator("tr.uncovered-row td.uncovered")).ToContainTextAsync("no compatible host");
    }

    [Fact]
    public async Task FromAGuestsChain_ACoordinatorNamesItsReferent_AndEndsItsSupportWithAnOutcome_ItsHostsAreTold()
    {
        await SeedAsync();
        var console = await OpenStaysAsync(1280, 1000);
        var page = console.Page;
        var calendar = page.Locator("#stays-calendar table.calendar");
        await calendar.Locator(".bar.confirmed").First.ClickAsync();
        var chain = page.Locator("#stays-chain");
        await Expect(chain.Locator("p.referent")).ToContainTextAsync("Aucun référent");

        await chain.Locator("details:has(form.referent-form) summary").ClickAsync();
        await chain.GetByLabel("Nommer le référent").FillAsync("Odile Le Bris");
        await chain.GetByLabel("Portable du référent").FillAsync("+33655555555");
        await chain.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le référent" }).ClickAsync();
        await Expect(console.Status).ToContainTextAsync("Référent enregistré.");
        await Expect(chain.Locator("p.referent")).ToHaveTextAsync("Odile Le Bris, +33655555555");

        // A bad phone is refused with the field named, and nothing changes.
        await chain.Locator("details:has(form.referent-form) summary").ClickAsync();
        await chain.GetByLabel("Portable du référent").FillAsync("06 55");
        await chain.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le référent" }).ClickAsync();
        await Expect(console.Status).ToContainTextAsync("phone");
        await Expect(chain.Locator("p.referent")).ToHaveTextAsync("Odile Le Bris, +33655555555");

        // Famille A. got a place with child welfare: its support ends tomorrow morning; both its hosts are told.
        await chain.Locator("details:has(form.exit-form) summary").ClickAsync();
        await chain.GetByLabel("Issue").SelectOptionAsync("ase-place");
        await chain.GetByRole(AriaRole.Button, new() { Name = "Terminer", Exact = true }).ClickAsync();
        await Expect(console.Status).ToContainTextAsync("Prise en charge terminée");
        await Expect(chain.Locator("p.exit")).ToContainTextAsync("Terminée (place à l'ASE)");
        // Its first stay keeps tonight (ending tomorrow morning), its second is called off.
        await Expect(calendar.Locator(".bar.confirmed")).ToHaveCountAsync(1);
        await using var db = Api.Database.NewContext();
        Assert.Equal(1, await db.OutboundSms.CountAsync(m => m.Kind == SmsKind.StayNotice && m.Body.Contains("est annulé")));
        Assert.Equal(1, await db.OutboundSms.CountAsync(m => m.Kind == SmsKind.StayNotice && m.Body.Contains("finit avant la date prévue")));
    }

    [Fact]
    public async Task OnAPhoneTheCalendarScrollsSidewaysAndAGuestsChainOpens()
    {
        await SeedAsync();
        await Client.PlanStaysAsync("2026-12-24", region: "bretagne");
        var console = await OpenStaysAsync(390, 844);
        var page = console.Page;

        var scroll = page.Locator("#stays-calendar .calendar-scroll");
        await Expect(scroll.Locator(".bar").First).ToBeAttachedAsync();
        Assert.True(await scroll.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth"), "The calendar scrolls sideways inside its box.");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The page itself does not.");
        await Browser.ScreenshotAsync(page, "stays-phone.png", fullPage: false);

        await scroll.Locator("tr.uncovered-row button.guest").ClickAsync();
        await Expect(page.Locator("#stays-chain h2")).ToHaveTextAsync("Parcours de Jeune C.");
        await Expect(page.Locator("#stays-chain")).ToContainTextAsync("Aucun séjour.");

        await scroll.Locator(".bar.confirmed").First.ClickAsync();
        await Expect(page.Locator("#stays-chain li.journey")).ToHaveCountAsync(2);
        await Browser.ScreenshotAsync(page, "stays-chain-phone.png", fullPage: false);
    }
}
