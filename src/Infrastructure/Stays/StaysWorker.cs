using HostingMatch.Application.Stays;
using HostingMatch.Infrastructure.Workers;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HostingMatch.Infrastructure.Stays;

/// <summary>
/// Runs <see cref="SettleStays"/> every <c>Stays:WorkerPollSeconds</c>: proposals by SMS, expiries and the re-plan they
/// call for, reminders, weekly check-ins and the referents' alerts. Every instance may run it (see SettleStays for why
/// nothing is sent twice).
/// </summary>
public sealed class StaysWorker(IServiceScopeFactory scopes, IOptions<StaysOptions> options, ILogger<StaysWorker> logger)
    : PeriodicWorker(scopes, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.WorkerPollSeconds));

    protected override string What => "Settling the stays programme";

    protected override async Task RunOnceAsync(IMediator mediator, CancellationToken cancellationToken)
    {
        var r = await mediator.Send(new SettleStays(), cancellationToken);
        if (r.Expired + r.Replanned + r.Proposed + r.Reminded + r.CheckIns + r.Alerts > 0)
        {
            logger.LogInformation("Stays settled: {Expired} expired, {Replanned} re-planned, {Proposed} proposed, {Reminded} reminded, " +
                                  "{CheckIns} check-ins, {Alerts} alerts.", r.Expired, r.Replanned, r.Proposed, r.Reminded, r.CheckIns, r.Alerts);
        }
    }
}
