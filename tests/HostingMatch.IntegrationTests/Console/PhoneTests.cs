using HostingMatch.IntegrationTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HostingMatch.IntegrationTests.Console;

/// <summary>The console on a phone (360 px wide), driven from the keyboard.</summary>
public sealed class PhoneTests(Browser browser) : DemoNightTest(browser)
{
    [Fact]
    public async Task OnA360PixelScreenTheBoardFitsAndTheMatchingRunsFromTheKeyboard()
    {
        var page = await Browser.NewPageAsync(Api.CreateClient().BaseAddress!, width: 360, height: 740);
        var console = new ConsolePage(page);
        await console.OpenAsync();
        await page.GetByLabel("Clé de coordinateur").FillAsync(Api.Coordinator.Key);
        await page.Keyboard.PressAsync("Enter");
        await Expect(console.Board).ToBeVisibleAsync();
        await Expect(page.Locator("#households li.household").First).ToBeVisibleAsync();

        var runMatching = page.GetByRole(AriaRole.Button, new() { Name = "Lancer l'appariement" });
        for (var presses = 0; presses < 30 && !await runMatching.EvaluateAsync<bool>("b => b === document.activeElement"); presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Expect(runMatching).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(console.Status).ToContainTextAsync("foyers proposés");
        await Expect(page.Locator("#households li.household[data-status='proposed']").First).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "The board must not scroll sideways on a 360-px screen.");
        foreach (var button in await page.Locator("#board-page > .actions button").AllAsync())
        {
            var box = await button.BoundingBoxAsync();
            Assert.True(box is { X: >= 0 } && box.X + box.Width <= 360, "Every action button is fully on screen.");
        }

        foreach (var button in await page.Locator("button.link:visible").AllAsync())
        {
            var box = await button.BoundingBoxAsync();
            Assert.True(box is { Height: >= 44 }, $"A finger-sized target: {await button.TextContentAsync()} is {box?.Height} px high.");
        }

        await Browser.ScreenshotAsync(page, "board-phone.png", fullPage: false);

        // The result of a button stays in sight after scrolling down to tonight's hosts.
        await page.Locator("#hosts-tonight").ScrollIntoViewIfNeededAsync();
        var status = await console.Status.BoundingBoxAsync();
        Assert.True(status is { Y: >= -1 and < 740 }, $"The status line is on screen after scrolling: {status?.Y}.");
    }
}
