using System.Net.Http.Headers;
using HostingMatch.Application.Access;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;

namespace HostingMatch.IntegrationTests.Support;

/// <summary>
/// The real Api on Kestrel (real HTTP on 127.0.0.1) over its own real PostgreSQL database.
/// Time is a <see cref="FakeClock"/> that tests move; nothing else is replaced.
/// At start it issues a coordinator key and an admin key (organisation "HostingMatch network"):
/// <see cref="WebApplicationFactory{T}.CreateClient()"/> gives a client with the coordinator key; <see cref="CreateClient(string)"/>
/// one with any key, <see cref="CreateClientAsync"/> one with a new key of a role, <see cref="CreateAnonymousClient"/> one
/// with none, <see cref="CreatePartnerAsync"/> a new partner's with its organisation id.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>18:00 in Paris on the night of 2026-11-26.</summary>
    public static readonly Instant DefaultNow = Instant.FromUtc(2026, 11, 26, 17, 0);

    public const string NetworkName = "HostingMatch network";

    public TestDatabase Database { get; private set; } = null!;
    public FakeClock Clock { get; } = new(DefaultNow);
    public IssuedApiKeyResponse Coordinator { get; private set; } = null!;
    public IssuedApiKeyResponse Admin { get; private set; } = null!;

    /// <summary>Configuration the subclass's tests need (e.g. a small rate limit).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        UseKestrel(0);
        StartServer();
        Coordinator = await IssueKeyAsync(NetworkName, "coordinator");
        Admin = await IssueKeyAsync(NetworkName, "admin");
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Issues a key through the application itself (as <c>hostingmatch keys create</c> does).</summary>
    public async Task<IssuedApiKeyResponse> IssueKeyAsync(string organisation, string role, int? expiresInDays = null)
    {
        await using var scope = Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new IssueApiKey(null, organisation, role, expiresInDays)))!;
    }

    /// <summary>A client holding <paramref name="key"/>.</summary>
    public HttpClient CreateClient(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A client holding a new key of <paramref name="role"/> (<c>partner</c>, <c>coordinator</c>, <c>admin</c>) for a new organisation.</summary>
    public async Task<HttpClient> CreateClientAsync(string role) =>
        CreateClient((await IssueKeyAsync($"{role} {Guid.NewGuid():N}", role)).Key);

    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>A client for a partner organisation (created when new), with the organisation's id.</summary>
    public async Task<(HttpClient Client, Guid OrganisationId)> CreatePartnerAsync(string organisation)
    {
        var key = await IssueKeyAsync(organisation, "partner");
        return (CreateClient(key.Key), key.OrganisationId);
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (Coordinator is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Coordinator.Key);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        // No map tiles from the Internet in tests: the markers and trips draw without them.
        builder.UseSetting("Map:TileUrl", "");
        foreach (var (name, value) in Settings)
        {
            builder.UseSetting(name, value);
        }

        builder.UseEnvironment("Testing");
        // The SMS workers act on the database by themselves; tests that want them use SmsApiFactory.
        builder.UseSetting("Sms:OutboxWorkerEnabled", "false");
        builder.UseSetting("Sms:OfferWorkerEnabled", "false");
        // The retention job is run by its own tests, on nights they date themselves.
        builder.UseSetting("Retention:WorkerEnabled", "false");
        builder.UseSetting("Sms:MonthlyThanksEnabled", "false");
        builder.UseSetting("Stays:WorkerEnabled", "false");
        // The test output shows what went wrong, not every request of every test.
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services => services.AddSingleton<IClock>(Clock));
    }
}
