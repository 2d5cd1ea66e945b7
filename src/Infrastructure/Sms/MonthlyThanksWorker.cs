using HostingMatch.Application.Hosts;
using HostingMatch.Domain;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace HostingMatch.Infrastructure.Sms;

/// <summary>
/// Thanks the hosts for the month just ended (<see cref="SendMonthlyThanks"/>), looking every few hours: the first look
/// of a month sends them, every later one finds them sent (a host is thanked once per month, on any instance).
/// </summary>
public sealed class MonthlyThanksWorker(IServiceScopeFactory scopes, IClock clock, ILogger<MonthlyThanksWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    /// <summary>Not at once: the Api's start (migrations, the first requests) comes first.</summary>
    private static readonly TimeSpan FirstLook = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(FirstLook, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            // Recovering for real: the database away or a conflict with another instance is tried again at the next look.
            try
            {
                var lastMonth = Night.Current(clock.GetCurrentInstant()).With(DateAdjusters.StartOfMonth).PlusMonths(-1);
                await using var scope = scopes.CreateAsyncScope();
                var thanked = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SendMonthlyThanks(lastMonth), stoppingToken);
                if (thanked.Count > 0)
                {
                    logger.LogInformation("Thanked {Count} host(s) for {Month:yyyy-MM}.", thanked.Count, lastMonth);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Thanking the hosts for last month failed; trying again in {Interval}.", Interval);
            }

            await Task.Delay(Interval, stoppingToken);
        }
    }
}
