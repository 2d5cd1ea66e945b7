using HostingMatch.Infrastructure.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime;

namespace HostingMatch.Api.Infrastructure;

/// <summary>
/// <c>/health/ready</c>'s database check, answered from the last one for <see cref="Freshness"/>: the probe is anonymous
/// and unthrottled, and a database query per call (618 a second) slowed every partner fivefold. Callers who arrive while
/// a check runs share it.
/// </summary>
public sealed class CachedReadiness(IServiceScopeFactory scopes, IClock clock) : IHealthCheck
{
    public static readonly Duration Freshness = Duration.FromSeconds(1);

    private readonly Lock gate = new();
    private (Instant At, Task<HealthCheckResult> Result)? last;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        lock (gate)
        {
            if (last is { } cached && now - cached.At < Freshness)
            {
                return cached.Result;
            }

            // Not the caller's token: the check is shared, one caller going away must not fail it for the others.
            var result = CheckDatabaseAsync();
            last = (now, result);
            return result;
        }
    }

    private async Task<HealthCheckResult> CheckDatabaseAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostingMatchDbContext>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return await db.Database.CanConnectAsync(timeout.Token)
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(HealthStatus.Unhealthy, "The database is not reachable.");
    }
}
