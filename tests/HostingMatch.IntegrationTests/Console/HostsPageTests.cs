using System.Net;
using System.Net.Http.Json;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HostingMatch.IntegrationTests.Console;

/// <summary>The hosts page: search, agreements to renew within 30 days, who refused SMS, and the CSV import's report.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HostsPageTests(Browser browser) : OwnApiTest<ApiFactory>(new ApiFactory())
{
    private ConsolePage console = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AddHostAsync("h-soon", "Sophie", validUntil: "2026-12-10");
        await AddHostAsync("h-later", "Laurent", validUntil: "2027-06-30");
        await AddHostAsync("h-stop", "Stéphane", validUntil: "2027-06-30");
        await using (var db = Api.Database.NewContext())
        {
            var host = await db.Hosts.SingleAsync(h => h.Code == "h-stop");
            host.OptOutOfSms(Api.Clock.GetCurrentInstant());
            await db.SaveChangesAsync();
        }

        console = new ConsolePage(await browser.NewPageAsync(Api.CreateClient().BaseAddress!));
        await console.SignInToBoardAsync(Api.Coordinator.Key);
        await console.Page.GetByRole(AriaRole.Link, new() { Name = "Hébergeurs" }).ClickAsync();
        await Expect(console.Page.Locator("#hosts-page")).ToBeVisibleAsync();
    }

    private ILocator Row(string code) => console.Page.Locator($"#host-list li[data-code='{code}']");

    private async Task AddHostAsync(string code, string name, string validUntil)
    {
        var body = Builders.Host(code);
        body["displayName"] = name;
        body["agreement"]!["validUntil"] = validUntil;
        Assert.Equal(HttpStatusCode.Created, (await Api.CreateClient().PostAsJsonAsync("/api/v1/hosts", body)).StatusCode);
    }

    [Fact]
    public async Task AnAgreementEndingWithinThirtyDaysIsHighlightedAndOneEndingLaterIsNot()
    {
        await Expect(Row("h-soon")).ToHaveAttributeAsync("data-agreement", "expiring");
        await Expect(Row("h-soon")).ToContainTextAsync("convention qui expire bientôt");
        await Expect(Row("h-later")).ToHaveAttributeAsync("data-agreement", "valid");
        await Expect(Row("h-later")).Not.ToContainTextAsync("expire bientôt");
        await Expect(Row("h-later")).ToContainTextAsync("convention jusqu'au 30 juin 2027");
    }

    [Fact]
    public async Task EachHostShowsTheNightsItHostedThisMonth_AgainstItsLimitWhenItHasOne()
    {
        // Laurent hosted on the 3rd and tonight (the 26th) this month, and gives two nights a month at most; Sophie none.
        await using (var db = Api.Database.NewContext())
        {
            var laurent = await db.Hosts.SingleAsync(h => h.Code == "h-later");
            laurent.LimitNightsPerMonth(2);
            foreach (var night in new[] { new NodaTime.LocalDate(2026, 11, 3), new NodaTime.LocalDate(2026, 11, 26) })
            {
                var household = Domain.Households.Household.Create($"Famille {night.Day}.", [new Domain.Households.Member(30, Domain.Households.Sex.Female)],
                    false, false, [], null, Api.Clock.GetCurrentInstant());
                var request = Domain.Requests.ShelterRequest.Create(household.Id, night, 0, Api.Clock.GetCurrentInstant());
                request.ProposeTo(laurent.Id, Api.Clock.GetCurrentInstant());
                request.Confirm(Api.Clock.GetCurrentInstant());
                db.AddRange(household, request);
            }

            await db.SaveChangesAsync();
        }

        await console.Page.Locator("#host-query").FillAsync("h-");
        await Expect(Row("h-later")).ToContainTextAsync("Nuits accueillies ce mois-ci : 2 sur 2 au plus");
        await Expect(Row("h-soon")).ToContainTextAsync("Nuits accueillies ce mois-ci : 0");
    }

    [Fact]
    public async Task AHostWhoSentStopIsShownAsRefusingSms()
    {
        await Expect(Row("h-stop")).ToContainTextAsync("SMS refusés (STOP)");
        await Expect(Row("h-later")).ToContainTextAsync("SMS acceptés");
    }

    [Fact]
    public async Task SearchingKeepsTheMatchingHostsOnly()
    {
        await console.Page.GetByLabel("Chercher (nom, code, adresse)").FillAsync("Sophie");

        await Expect(console.Page.Locator("#host-list li.host")).ToHaveCountAsync(1);
        await Expect(Row("h-soon")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ABadFileIsRefusedWholeWithALineByLineReportAndAGoodOneIsImported()
    {
        var good = await File.ReadAllTextAsync(Path.Combine(Paths.RepoRoot, "docs", "examples", "hosts.csv"));
        var lines = good.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var bad = string.Join('\n', lines[0], lines[1], lines[2].Replace(";2;1;hommes;", ";deux;1;hommes;", StringComparison.Ordinal));
        var input = console.Page.GetByLabel("Fichier CSV des hébergeurs (une ligne par hébergeur)");
        var import = console.Page.GetByRole(AriaRole.Button, new() { Name = "Importer", Exact = true });

        await input.SetInputFilesAsync(new FilePayload { Name = "hosts.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(bad) });
        await import.ClickAsync();

        await Expect(console.Page.Locator("#import-report")).ToContainTextAsync("Rien n'a été importé");
        var row = console.Page.Locator("#import-report tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("td").First).ToHaveTextAsync("3");
        await Expect(console.Page.Locator("#host-list li.host")).ToHaveCountAsync(3);
        await Browser.ScreenshotAsync(console.Page, "hosts.png");

        await input.SetInputFilesAsync(new FilePayload { Name = "hosts.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(good) });
        await import.ClickAsync();

        await Expect(console.Page.Locator("#import-report")).ToContainTextAsync("Import réussi : 3 créés, 0 mis à jour.");
        await Expect(console.Page.Locator("#host-list li.host")).ToHaveCountAsync(6);
    }

    [Fact]
    public async Task AFileSavedByFrenchExcelInWindows1252IsReadWithItsAccents()
    {
        var good = await File.ReadAllTextAsync(Path.Combine(Paths.RepoRoot, "docs", "examples", "hosts.csv"));
        var input = console.Page.GetByLabel("Fichier CSV des hébergeurs (une ligne par hébergeur)");

        // Latin-1 and Windows-1252 write é, É, ï and à alike.
        await input.SetInputFilesAsync(new FilePayload { Name = "hosts.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.Latin1.GetBytes(good) });
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Importer", Exact = true }).ClickAsync();

        await Expect(console.Page.Locator("#import-report")).ToContainTextAsync("Import réussi : 3 créés, 0 mis à jour.");
        await Expect(Row("h-103")).ToContainTextAsync("Aïcha");
        await Expect(Row("h-101")).ToContainTextAsync("12 rue des Écoles");
    }

    [Fact]
    public async Task AnOlderSearchsLateAnswerDoesNotReplaceTheNewerOne()
    {
        // The answer for "S" (several hosts) comes back after the one for "Sophie".
        await console.Page.RouteAsync(new System.Text.RegularExpressions.Regex(@"/api/v1/hosts\?search=S$"), async route =>
        {
            await Task.Delay(2_000);
            await route.ContinueAsync();
        });
        var search = console.Page.GetByLabel("Chercher (nom, code, adresse)");

        await search.FillAsync("S");
        await console.Page.WaitForTimeoutAsync(500);
        await search.FillAsync("Sophie");

        await Expect(console.Page.Locator("#host-list li.host")).ToHaveCountAsync(1);
        await console.Page.WaitForTimeoutAsync(3_000);
        await Expect(console.Page.Locator("#host-list li.host")).ToHaveCountAsync(1);
        await Expect(Row("h-soon")).ToBeVisibleAsync();
    }
}
