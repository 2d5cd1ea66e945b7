using HostingMatch.Application.Retention;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HostingMatch.Infrastructure.Retention;

/// <summary>
/// Forgets the personal data that is due (<see cref="PurgePersonalData"/>) shortly after the Api starts, then every
/// <c>Retention:IntervalHours</c>. Every instance may run it: a second run the same day finds nothing left to forget.
/// </summary>
public sealed class RetentionWorker(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, ILogger<RetentionWorker> logger) : BackgroundService
{
    /// <summary>Lets the Api finish starting (migrations, the first requests) before the first purge.</summary>
    private static readonly TimeSpan FirstRunDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(FirstRunDelay, stoppingToken);
        var interval = TimeSpan.FromHours(Math.Max(1, options.Value.IntervalHours));
        while (!stoppingToken.IsCancellationRequested)
        {
            // Recovering for real: the database away or a conflict is tried again at the next interval; nothing is half-forgotten.
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var report = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PurgePersonalData(), stoppingToken);
                logger.LogInformation("Retention: {Total} record(s) of nights before {Before} forgotten.", report.Total, report.Before);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Forgetting old personal data failed; trying again in {Interval}.", interval);
            }

            await Task.Delay(interval, stoppingToken);
        }
    }
}
