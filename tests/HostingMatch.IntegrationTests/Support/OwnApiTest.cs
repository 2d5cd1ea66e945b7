namespace HostingMatch.IntegrationTests.Support;

/// <summary>
/// A test class whose every test gets its own Api and database (xunit makes a new instance for each test): for tests
/// that run a night's matching or van plan, which see every host and request in the database.
/// </summary>
public abstract class OwnApiTest : IAsyncLifetime
{
    protected ApiFactory Api { get; } = new();

    /// <summary>A coordinator's client of <see cref="Api"/>.</summary>
    protected HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Api.InitializeAsync();
        Client = Api.CreateClient();
    }

    public Task DisposeAsync() => Api.DisposeAsync();
}
