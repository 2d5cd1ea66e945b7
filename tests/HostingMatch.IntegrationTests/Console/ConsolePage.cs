using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HostingMatch.IntegrationTests.Console;

/// <summary>What a coordinator does on the console, in the words of the page (French, its default).</summary>
public sealed class ConsolePage(IPage page)
{
    public IPage Page => page;

    public ILocator Board => page.Locator("#board-page");
    public ILocator SignInError => page.Locator("#sign-in-error");
    public ILocator Status => page.Locator("#status");

    public ILocator Household(string alias) => page.Locator("#households li.household").Filter(new() { HasText = alias });

    public ILocator Offers => page.Locator("#offers li.offer");

    public ILocator Offer(string hostCode) => page.Locator($"#offers li.offer[data-host='{hostCode}']");

    public async Task OpenAsync() => await page.GotoAsync("/");

    public async Task SignInAsync(string key)
    {
        await OpenAsync();
        await page.GetByLabel("Clé de coordinateur").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
    }

    public async Task SignInToBoardAsync(string key)
    {
        await SignInAsync(key);
        await Expect(Board).ToBeVisibleAsync();
    }

    /// <summary>From the board to the stays page, by its link in the header.</summary>
    public async Task GoToStaysAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Séjours" }).ClickAsync();
        await Expect(page.Locator("#stays-page")).ToBeVisibleAsync();
    }

    public Task ClickAsync(string button) => page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    public async Task ExpectSignInPageAsync(string message)
    {
        await Expect(page.Locator("#sign-in-page")).ToBeVisibleAsync();
        await Expect(Board).ToBeHiddenAsync();
        await Expect(SignInError).ToContainTextAsync(message);
    }
}
