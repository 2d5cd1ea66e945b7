using System.Data;
using HostingMatch.Application.Pipeline;
using HostingMatch.Domain.Organisations;
using HostingMatch.Infrastructure;
using HostingMatch.Infrastructure.Persistence;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace HostingMatch.IntegrationTests.Persistence;

/// <summary>
/// <see cref="IUnitOfWork.KeepConnectionAsync"/> on PostgreSQL: every statement of a query, and its audit entry's
/// SaveChanges, runs on one connection (one backend), and the connection goes back to the pool when the query ends;
/// the advisory locks, which open and close it too, leave it balanced when their caller goes away.
/// </summary>
public sealed class KeptConnectionTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = database.ConnectionString })
            .Build();
        services = new ServiceCollection().AddLogging().AddInfrastructure(config).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task EveryStatementBetweenKeepAndReleaseRunsOnOneBackend_ThenTheConnectionIsClosed()
    {
        await using var scope = services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        var db = scope.ServiceProvider.GetRequiredService<HostingMatchDbContext>();
        var connection = db.Database.GetDbConnection();

        var backends = new List<int>();
        await using (await unitOfWork.KeepConnectionAsync(CancellationToken.None))
        {
            backends.Add(await BackendAsync(db));
            Assert.Equal(ConnectionState.Open, connection.State);

            db.Add(Organisation.Create("Kept connection", Instant.FromUtc(2026, 12, 7, 4, 0)));
            await db.SaveChangesAsync();
            Assert.Equal(ConnectionState.Open, connection.State);

            // An inner user opening and closing it (as the advisory locks do) does not close it under the query's feet.
            await db.Database.OpenConnectionAsync();
            backends.Add(await BackendAsync(db));
            await db.Database.CloseConnectionAsync();
            Assert.Equal(ConnectionState.Open, connection.State);

            backends.Add(await BackendAsync(db));
        }

        Assert.Single(backends.Distinct());
        Assert.Equal(ConnectionState.Closed, connection.State);
    }

    [Fact]
    public async Task WithoutIt_EFCoreClosesTheConnectionAfterEachStatement()
    {
        // The behaviour KeepConnectionAsync changes: this is what each statement of a read paid before.
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostingMatchDbContext>();

        await BackendAsync(db);

        Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);
    }

    [Fact]
    public async Task ACallerGoneWhileWaitingForTheMatchingLock_LeavesNoConnectionOpenOnItsPooledContext()
    {
        var night = new LocalDate(2026, 12, 7);
        await using var heldElsewhere = await database.HoldMatchingLockAsync(night.ToDateOnly());
        await using var scope = services.CreateAsyncScope();
        var matchingLock = scope.ServiceProvider.GetRequiredService<HostingMatch.Application.Matching.IMatchingLock>();
        var db = scope.ServiceProvider.GetRequiredService<HostingMatchDbContext>();
        using var gone = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => matchingLock.TryAcquireAsync(night, TimeSpan.FromSeconds(30), gone.Token));

        // Before, the open was never matched: the context, back in the pool, kept this connection for every later request.
        Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);
    }

    private static Task<int> BackendAsync(HostingMatchDbContext db) =>
        db.Database.SqlQuery<int>($"SELECT pg_backend_pid() AS \"Value\"").SingleAsync();
}
