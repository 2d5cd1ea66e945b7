using HostingMatch.IntegrationTests.Support;
using Microsoft.Playwright;

namespace HostingMatch.IntegrationTests.Console;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright: one browser for the browser tests, a fresh context (cookies,
/// storage) per test. Nothing is downloaded: the browser is /usr/bin/chromium, which scripts/test.sh installs.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright playwright = null!;

    public IBrowser Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The test machine is small and shared: give the page time rather than fail on a slow moment.
        Assertions.SetDefaultExpectTimeout(20_000);
        playwright = await Playwright.CreateAsync();
        Chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        playwright.Dispose();
    }

    /// <summary>
    /// A new page in a context of its own, at <paramref name="width"/> pixels wide, on the Api at <paramref name="baseUrl"/>.
    /// The console asks before it sends real SMS or cancels an offer: the coordinator says yes, unless
    /// <paramref name="acceptDialogs"/> is false (then the test answers the dialogs itself; Playwright dismisses them otherwise).
    /// </summary>
    public async Task<IPage> NewPageAsync(Uri baseUrl, int width = 1280, int height = 900, bool acceptDialogs = true)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        if (acceptDialogs)
        {
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        }

        return page;
    }

    /// <summary>
    /// Saves a screenshot with the test results; with UPDATE_SCREENSHOTS=1, also as the README's picture in docs/screenshots.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var results = Path.Combine(Paths.RepoRoot, "TestResults", "screenshots");
        Directory.CreateDirectory(results);
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(results, name), FullPage = fullPage });
        if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1")
        {
            var docs = Path.Combine(Paths.RepoRoot, "docs", "screenshots");
            Directory.CreateDirectory(docs);
            await File.WriteAllBytesAsync(Path.Combine(docs, name), bytes);
        }
    }
}

/// <summary>Browser tests share one Chromium and run one after the other (two cores: pages need them).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Browser>
{
    public const string Name = "Browser";
}
