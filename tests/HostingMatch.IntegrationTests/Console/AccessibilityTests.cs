using Deque.AxeCore.Playwright;
using HostingMatch.IntegrationTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HostingMatch.IntegrationTests.Console;

/// <summary>
/// axe-core's checks (labels, contrast, landmarks, names of buttons and links) on each page of the console, as a
/// coordinator with a screen reader or only a keyboard meets them. axe ships inside its package: nothing is fetched.
/// </summary>
public sealed class AccessibilityTests(Browser browser) : DemoNightTest(browser)
{
    [Fact]
    public async Task TheSignInPageTheBoardAndTheHostsPageHaveNoSeriousAccessibilityProblem()
    {
        var console = new ConsolePage(await Browser.NewPageAsync(Api.CreateClient().BaseAddress!));
        await console.OpenAsync();
        await Expect(console.Page.Locator("#sign-in-page")).ToBeVisibleAsync();
        await AssertAccessibleAsync(console.Page, "sign-in");

        await console.SignInToBoardAsync(Api.Coordinator.Key);
        await console.ClickAsync("Lancer l'appariement");
        await Expect(console.Page.Locator("#households li.household[data-status='proposed']").First).ToBeVisibleAsync();
        await AssertAccessibleAsync(console.Page, "board");

        await console.Page.GetByRole(AriaRole.Link, new() { Name = "Hébergeurs" }).ClickAsync();
        await Expect(console.Page.Locator("#host-list li.host").First).ToBeVisibleAsync();
        await AssertAccessibleAsync(console.Page, "hosts");
    }

    /// <summary>No serious or critical axe-core violation on <paramref name="page"/> as it is now (its <paramref name="name"/> in the message).</summary>
    internal static async Task AssertAccessibleAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, $"The {name} page: {string.Join("\n", serious)}");
    }
}
