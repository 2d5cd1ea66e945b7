using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HostingMatch.Infrastructure.Workers;

/// <summary>
/// The loop every background job shares: after <see cref="FirstRunDelay"/>, run one round in a fresh scope through the
/// mediator (so the pipeline's transaction, retry and audit apply as for the Api), then wait <see cref="Interval"/>. A
/// round that fails (the database away, a conflict with another instance) is logged and tried again at the next one:
/// each job's round is written so that doing it again is harmless.
/// </summary>
public abstract class PeriodicWorker(IServiceScopeFactory scopes, ILogger logger) : BackgroundService
{
    /// <summary>How long to wait before the first round (the Api's start, migrations and first requests, come first).</summary>
    protected virtual TimeSpan FirstRunDelay => TimeSpan.Zero;

    /// <summary>The wait between rounds.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What the job is, for the log ("Settling tonight's offers").</summary>
    protected abstract string What { get; }

    /// <summary>One round.</summary>
    protected abstract Task RunOnceAsync(IMediator mediator, CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (FirstRunDelay > TimeSpan.Zero)
        {
            await Task.Delay(FirstRunDelay, stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            // Recovering for real: the next round tries again, and a round done twice does nothing the second time.
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunOnceAsync(scope.ServiceProvider.GetRequiredService<IMediator>(), stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "{What} failed; trying again in {Interval}.", What, Interval);
            }

            await Task.Delay(Interval, stoppingToken);
        }
    }
}
