using HostingMatch.Application.Offers;
using HostingMatch.Application.Sms;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HostingMatch.Infrastructure.Sms;

/// <summary>
/// Runs <see cref="SettleOffers"/> every few seconds: expiries by the clock, re-matching, new offers. Every instance
/// may run it; the matching lock and the one-open-offer-per-host index keep two instances from doing the same work twice.
/// </summary>
public sealed class OfferWorker(IServiceScopeFactory scopes, IOptions<SmsOptions> options, ILogger<OfferWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.OfferPollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            // Recovering for real: a conflict with a reply being processed, or the database away, is retried next round.
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SettleOffers(), stoppingToken);
                if (result.Expired > 0 || result.Rematched || result.OffersSent > 0)
                {
                    logger.LogInformation("Offers settled: {Expired} expired, re-matched: {Rematched}, {Sent} offers sent.",
                        result.Expired, result.Rematched, result.OffersSent);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Settling tonight's offers failed; trying again in {Poll}.", poll);
            }

            await Task.Delay(poll, stoppingToken);
        }
    }
}
