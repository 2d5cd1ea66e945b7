using HostingMatch.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HostingMatch.IntegrationTests.Support;

/// <summary>
/// A real PostgreSQL database per test class: the schema is migrated once per run into a template,
/// and each class gets a fresh copy of it (CREATE DATABASE ... TEMPLATE, a fraction of a second).
/// The server comes from ConnectionStrings__Default, which scripts/test.sh sets to the private cluster.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly string ServerConnection = new NpgsqlConnectionStringBuilder(
        Environment.GetEnvironmentVariable("ConnectionStrings__Default")
        ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=hostingmatch")
    {
        Database = "postgres",
        Pooling = false,
    }.ConnectionString;

    private static readonly string TemplateName = $"hm_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static bool templateReady;

    private TestDatabase(string name)
    {
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnection) { Database = name, Pooling = true }.ConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        await EnsureTemplateAsync();
        var name = $"hm_test_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateName}\"");
        return new TestDatabase(name);
    }

    /// <summary>An empty database, no migration applied: for tests that migrate it themselves, step by step.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync()
    {
        var name = $"hm_test_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"");
        return new TestDatabase(name);
    }

    public HostingMatchDbContext NewContext() => new(new DbContextOptionsBuilder<HostingMatchDbContext>()
        .UseNpgsql(ConnectionString, o => o.UseNodaTime())
        .UseSnakeCaseNamingConvention()
        .Options);

    /// <summary>
    /// Holds the night's matching lock from a connection of its own, the way a run in another Api instance would,
    /// until disposed.
    /// </summary>
    public async Task<IAsyncDisposable> HoldMatchingLockAsync(DateOnly night)
    {
        // Its own connection, unpooled, as another Api instance would hold it.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var key = night.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({0x484D}, {key})", connection))
        {
            await take.ExecuteNonQueryAsync();
        }

        return new HeldLock(connection, key);
    }

    /// <summary>
    /// Unlocks before closing: closing alone ends the session, but the server lets go of the lock a moment after the
    /// client has gone, so the next call could still find it held.
    /// </summary>
    private sealed class HeldLock(NpgsqlConnection connection, int key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({0x484D}, {key})", connection))
            {
                await release.ExecuteNonQueryAsync();
            }

            await connection.DisposeAsync();
        }
    }

    /// <summary>Stops (false) or restores (true) connections to this database, as if its server went down.</summary>
    public async Task SetReachableAsync(bool reachable)
    {
        await ExecuteOnServerAsync($"ALTER DATABASE \"{Name}\" ALLOW_CONNECTIONS {(reachable ? "true" : "false")}");
        if (!reachable)
        {
            await ExecuteOnServerAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{Name}'");
        }

        NpgsqlConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static async Task EnsureTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (templateReady)
            {
                return;
            }

            await ExecuteOnServerAsync($"CREATE DATABASE \"{TemplateName}\"");
            var options = new DbContextOptionsBuilder<HostingMatchDbContext>()
                .UseNpgsql(new NpgsqlConnectionStringBuilder(ServerConnection) { Database = TemplateName }.ConnectionString, o => o.UseNodaTime())
                .UseSnakeCaseNamingConvention()
                .Options;
            await using (var db = new HostingMatchDbContext(options))
            {
                await db.Database.MigrateAsync();
            }

            NpgsqlConnection.ClearAllPools();
            templateReady = true;
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{TemplateName}\" WITH (FORCE)").GetAwaiter().GetResult();
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
