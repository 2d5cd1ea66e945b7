using HostingMatch.Application.Offers;
using HostingMatch.Application.Sms;
using HostingMatch.Infrastructure.Workers;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HostingMatch.Infrastructure.Sms;

/// <summary>
/// Runs <see cref="SettleOffers"/> every few seconds: expiries by the clock, re-matching, new offers. Every instance
/// may run it; the matching lock and the one-open-offer-per-host index keep two instances from doing the same work twice.
/// </summary>
public sealed class OfferWorker(IServiceScopeFactory scopes, IOptions<SmsOptions> options, ILogger<OfferWorker> logger)
    : PeriodicWorker(scopes, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMilliseconds(options.Value.OfferPollMilliseconds);

    protected override string What => "Settling tonight's offers";

    protected override async Task RunOnceAsync(IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new SettleOffers(), cancellationToken);
        if (result.Expired > 0 || result.Rematched || result.OffersSent > 0)
        {
            logger.LogInformation("Offers settled: {Expired} expired, re-matched: {Rematched}, {Sent} offers sent.",
                result.Expired, result.Rematched, result.OffersSent);
        }
    }
}
