using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace HostingMatch.IntegrationTests.Support;

/// <summary>
/// The real Api on Kestrel (real HTTP on 127.0.0.1) over its own real PostgreSQL database.
/// Time is a <see cref="FakeClock"/> that tests move; nothing else is replaced.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>18:00 in Paris on the night of 2026-11-26.</summary>
    public static readonly Instant DefaultNow = Instant.FromUtc(2026, 11, 26, 17, 0);

    public TestDatabase Database { get; private set; } = null!;
    public FakeClock Clock { get; } = new(DefaultNow);

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        UseKestrel(0);
        StartServer();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        builder.UseEnvironment("Testing");
        // The SMS workers act on the database by themselves; tests that want them use SmsApiFactory.
        builder.UseSetting("Sms:OutboxWorkerEnabled", "false");
        builder.UseSetting("Sms:OfferWorkerEnabled", "false");
        builder.ConfigureTestServices(services => services.AddSingleton<IClock>(Clock));
    }
}
