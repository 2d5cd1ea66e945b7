using HostingMatch.Application.Hosts;
using HostingMatch.Domain;
using HostingMatch.Infrastructure.Workers;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace HostingMatch.Infrastructure.Sms;

/// <summary>
/// Thanks the hosts for the month just ended (<see cref="SendMonthlyThanks"/>), looking every few hours: the first look
/// of a month sends them, every later one finds them sent (a host is thanked once per month, on any instance).
/// </summary>
public sealed class MonthlyThanksWorker(IServiceScopeFactory scopes, IClock clock, ILogger<MonthlyThanksWorker> logger)
    : PeriodicWorker(scopes, logger)
{
    /// <summary>Not at once: the Api's start (migrations, the first requests) comes first.</summary>
    protected override TimeSpan FirstRunDelay => TimeSpan.FromMinutes(2);

    protected override TimeSpan Interval => TimeSpan.FromHours(6);

    protected override string What => "Thanking the hosts for last month";

    protected override async Task RunOnceAsync(IMediator mediator, CancellationToken cancellationToken)
    {
        var lastMonth = Night.Current(clock.GetCurrentInstant()).With(DateAdjusters.StartOfMonth).PlusMonths(-1);
        var thanked = await mediator.Send(new SendMonthlyThanks(lastMonth), cancellationToken);
        if (thanked.Count > 0)
        {
            logger.LogInformation("Thanked {Count} host(s) for {Month:yyyy-MM}.", thanked.Count, lastMonth);
        }
    }
}
