using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Hosts;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.IntegrationTests.Cli;

/// <summary>The demo verbs, as processes, on a database that already holds a real host.</summary>
public sealed class DemoDatabaseGuardTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        db.Hosts.Add(Host.Create("claire-05", "Claire", "+33612345678", Language.Fr, new GeoPoint(48.8530, 2.3499),
            "12 rue des Écoles, 75005 Paris", 3, 1, [HouseholdCategory.Family], false, false,
            Agreement.Create(new LocalDate(2026, 1, 10), new LocalDate(2026, 1, 15), new LocalDate(2027, 1, 14)),
            SystemClock.Instance.GetCurrentInstant()));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Theory]
    [InlineData("load")]
    [InlineData("sms")]
    [InlineData("vans")]
    public async Task DemoVerbOnADatabaseWithARealHostExits2AndWritesNothing(string verb)
    {
        var (exit, stdout, stderr) = await RunAsync("demo", verb, "--night", "2026-11-26");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains($"demo {verb}: refused", stderr);
        Assert.Contains("--yes-this-is-a-demo-database", stderr);
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Hosts.CountAsync());
        Assert.Equal(0, await db.Requests.CountAsync());
        Assert.Equal(0, await db.Offers.CountAsync());
    }

    [Fact]
    public async Task DemoLoadWithTheConfirmationRunsOnADatabaseWithARealHost()
    {
        var (exit, stdout, stderr) = await RunAsync("demo", "load", "--night", "2026-11-26", "--yes-this-is-a-demo-database");

        Assert.True(exit == 0, stderr);
        Assert.Contains("Night of 2026-11-26", stdout);
        await using var db = database.NewContext();
        Assert.Equal(81, await db.Hosts.CountAsync());
    }

    private Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) =>
        CliProcess.RunAsync(database.ConnectionString, args);
}
