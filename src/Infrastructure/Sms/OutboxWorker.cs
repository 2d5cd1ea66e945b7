using System.Threading.Channels;
using HostingMatch.Application.Sms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HostingMatch.Infrastructure.Sms;

/// <summary>Wakes the worker when a commit queued messages; otherwise it polls.</summary>
public sealed class OutboxSignal : IOutboxNotifier
{
    // One pending wake-up is enough: more would only make the worker loop for nothing.
    private readonly Channel<bool> wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void MessagesQueued() => wakeUps.Writer.TryWrite(true);

    /// <summary>Returns when woken, or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await Task.WhenAny(wakeUps.Reader.WaitToReadAsync(cancellationToken).AsTask(), Task.Delay(timeout, cancellationToken));
        wakeUps.Reader.TryRead(out _);
    }
}

/// <summary>
/// The outbox worker every Api instance runs: claims due messages and sends them (<see cref="OutboxDispatcher"/>).
/// Several instances on one database never send the same message twice.
/// </summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, OutboxSignal signal, IOptions<SmsOptions> options, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.OutboxPollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            // Recovering for real: a database outage must not stop the worker; it tries again at the next poll.
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                claimed = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(BatchSize, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "The SMS outbox worker failed; trying again in {Poll}.", poll);
            }

            if (claimed < BatchSize)
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
        }
    }
}
