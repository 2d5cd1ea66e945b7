using HostingMatch.Application.Retention;
using HostingMatch.Infrastructure.Workers;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HostingMatch.Infrastructure.Retention;

/// <summary>
/// Forgets the personal data that is due (<see cref="PurgePersonalData"/>) shortly after the Api starts, then every
/// <c>Retention:IntervalHours</c>. Every instance may run it: a second run the same day finds nothing left to forget,
/// and a failed run is all or nothing.
/// </summary>
public sealed class RetentionWorker(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, ILogger<RetentionWorker> logger)
    : PeriodicWorker(scopes, logger)
{
    protected override TimeSpan FirstRunDelay => TimeSpan.FromMinutes(1);

    protected override TimeSpan Interval => TimeSpan.FromHours(Math.Max(1, options.Value.IntervalHours));

    protected override string What => "Forgetting old personal data";

    protected override async Task RunOnceAsync(IMediator mediator, CancellationToken cancellationToken)
    {
        var report = await mediator.Send(new PurgePersonalData(), cancellationToken);
        logger.LogInformation("Retention: {Total} record(s) of nights before {Before} forgotten.", report.Total, report.Before);
    }
}
