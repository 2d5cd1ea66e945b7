using Deque.AxeCore.Playwright;
using HostingMatch.IntegrationTests.Reports;
using HostingMatch.IntegrationTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HostingMatch.IntegrationTests.Console;

/// <summary>The reports page: a coordinator picks a month and reads its figures as charts with their numbers, and the CSV.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportsPageTests(Browser browser) : OwnApiTest<ApiFactory>(new ApiFactory())
{
    [Fact]
    public async Task AMonthsFiguresShowAsChartsWithTheirNumbers_AccessibleAndDownloadable()
    {
        var month = ReportMonth.FourMonthsAgo;
        await ReportMonth.BuildAsync(Api.Database, month);
        var console = new ConsolePage(await browser.NewPageAsync(Api.CreateClient().BaseAddress!, 1280, 1100));
        await console.SignInToBoardAsync(Api.Coordinator.Key);

        await console.Page.GetByRole(AriaRole.Link, new() { Name = "Rapports" }).ClickAsync();
        await console.Page.Locator("#report-month").FillAsync($"{month:yyyy-MM}");
        await console.ClickAsync("Afficher");

        await Expect(console.Page.Locator("#report")).ToContainTextAsync("3 nuits ; 10 personnes ont demandé un lit, 7 ont été accueillies, dont 2 enfants de moins de 10 ans.");
        var reasons = console.Page.Locator("#chart-reason tr");
        await Expect(reasons.Filter(new() { HasText = "pas de trajet" })).ToContainTextAsync("1 pers. (1 foyers)");
        await Expect(reasons.Filter(new() { HasText = "d'autres passaient avant" })).ToContainTextAsync("2 pers. (1 foyers)");
        await Expect(console.Page.Locator("#chart-way tr").Filter(new() { HasText = "véhicule" })).ToContainTextAsync("3 pers.");
        await Expect(console.Page.Locator("#chart-category svg rect")).ToHaveCountAsync(4);
        await Expect(console.Page.Locator("#report-csv")).ToHaveAttributeAsync("href", $"/api/v1/reports?from={month:yyyy-MM-dd}&until={month.PlusMonths(1).PlusDays(-1):yyyy-MM-dd}&format=csv");

        var download = await console.Page.RunAndWaitForDownloadAsync(() => console.Page.Locator("#report-csv").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("one-night;placed;;3;7", csv);

        var axe = await console.Page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
        await Browser.ScreenshotAsync(console.Page, "reports.png", fullPage: true);
    }
}
