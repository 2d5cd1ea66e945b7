using HostingMatch.IntegrationTests.Support;

namespace HostingMatch.IntegrationTests.Console;

/// <summary>A browser test on the demo night (80 hosts, about 36 people), over its own Api and database.</summary>
[Collection(BrowserCollection.Name)]
public abstract class DemoNightTest(Browser browser) : IAsyncLifetime
{
    protected ApiFactory Api { get; } = new();

    protected Browser Browser => browser;

    public async Task InitializeAsync()
    {
        await Api.InitializeAsync();
        await Api.LoadDemoNightAsync();
    }

    public Task DisposeAsync() => Api.DisposeAsync();
}
