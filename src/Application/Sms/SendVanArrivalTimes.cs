using HostingMatch.Application.Pipeline;
using System.Globalization;
using HostingMatch.Application.Nights;
using HostingMatch.Domain.Sms;
using HostingMatch.Domain.Transport;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Sms;

/// <summary>
/// Tells each host on the night's van runs when the van arrives (spec sms.md, "Offers" 7), through the outbox.
/// A host already told a time within 10 minutes of the planned one is not told again (<see cref="VanRunPlan.TellArrival"/>);
/// a re-plan that moves their time further sends the new one.
/// Returns the codes of the hosts messaged; empty when the vans are not planned.
/// </summary>
public sealed record SendVanArrivalTimes(LocalDate Night) : ICommand<IReadOnlyList<string>>, ITransactional, IAudited;

public sealed class SendVanArrivalTimesHandler(IHostingMatchDb db, IClock clock, IOutboxNotifier outbox)
    : ICommandHandler<SendVanArrivalTimes, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(SendVanArrivalTimes command, CancellationToken cancellationToken)
    {
        var plan = await db.VanRunPlans.FirstOrDefaultAsync(p => p.Night == command.Night, cancellationToken);
        if (plan is null)
        {
            return [];
        }

        var stops = plan.Plan.Trips.SelectMany(t => t.Stops).ToList();
        var hostIds = stops.Select(s => s.HostId).Distinct().ToList();
        var hosts = await db.Hosts.AsNoTracking().Where(h => hostIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, cancellationToken);

        var now = clock.GetCurrentInstant();
        var told = new List<string>();
        foreach (var stop in stops)
        {
            var host = hosts[stop.HostId];
            var body = SmsTemplates.VanArrival(host.Language, host.DisplayName, stop.ArriveAt.TimeOfDay);
            if (!plan.TellArrival(host.Id, stop.ArriveAt.ToInstant()))
            {
                continue;
            }

            if (host.SmsOptedOutAt is not null)
            {
                // Told to the coordinators instead, once per time (the plan records it as told): the van still comes.
                db.Alerts.Add(CoordinatorAlert.Raise("van-time-not-sent",
                    $"{host.DisplayName} ({host.Code}) sent STOP, so no SMS told them the van arrives around {stop.ArriveAt.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture)}: call them.",
                    host.Id, now));
                continue;
            }

            db.OutboundSms.Add(OutboundSms.Create(host.Phone, body, SmsKind.VanArrival, host.Id, null, now));
            told.Add(host.Code);
        }

        if (told.Count > 0)
        {
            // From now on, a re-plan that moves a host's time tells them (SettleOffers reads it).
            (await db.TrackProgressOfAsync(command.Night, cancellationToken)).RecordVanTimesSent(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (told.Count > 0)
        {
            outbox.MessagesQueued();
        }

        return told;
    }
}
