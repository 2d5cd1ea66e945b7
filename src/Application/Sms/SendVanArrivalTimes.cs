using HostingMatch.Application.VanRuns;
using HostingMatch.Domain;
using HostingMatch.Domain.Sms;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Sms;

/// <summary>
/// Tells each host on the night's van runs when the van arrives (spec sms.md, "Offers" 7), through the outbox.
/// A host already told that very time tonight is not told again; a re-plan that moves their time sends the new one.
/// Returns the codes of the hosts messaged; empty when the vans are not planned.
/// </summary>
public sealed record SendVanArrivalTimes(LocalDate Night) : ICommand<IReadOnlyList<string>>;

public sealed class SendVanArrivalTimesHandler(IHostingMatchDb db, ISender sender, IClock clock, IOutboxNotifier outbox)
    : ICommandHandler<SendVanArrivalTimes, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(SendVanArrivalTimes command, CancellationToken cancellationToken)
    {
        var runs = await sender.Send(new GetVanRuns(command.Night), cancellationToken);
        if (runs is null)
        {
            return [];
        }

        var stops = runs.Trips.SelectMany(t => t.Stops).ToList();
        var hostIds = stops.Select(s => s.HostId).Distinct().ToList();
        var hosts = await db.Hosts.AsNoTracking().Where(h => hostIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, cancellationToken);
        var eveningStart = Night.At(command.Night, Night.EveningStarts).ToInstant();
        var alreadyTold = (await db.OutboundSms.AsNoTracking()
                .Where(m => m.Kind == SmsKind.VanArrival && m.HostId != null && hostIds.Contains(m.HostId.Value) && m.CreatedAt >= eveningStart)
                .Select(m => new { m.HostId, m.Body })
                .ToListAsync(cancellationToken))
            .Select(m => (m.HostId!.Value, m.Body))
            .ToHashSet();

        var now = clock.GetCurrentInstant();
        var told = new List<string>();
        foreach (var stop in stops)
        {
            var host = hosts[stop.HostId];
            var body = SmsTemplates.VanArrival(host.Language, host.DisplayName, stop.ArriveAt.TimeOfDay);
            if (host.SmsOptedOutAt is not null || !alreadyTold.Add((host.Id, body)))
            {
                continue;
            }

            db.OutboundSms.Add(OutboundSms.Create(host.Phone, body, SmsKind.VanArrival, host.Id, null, now));
            told.Add(host.Code);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (told.Count > 0)
        {
            outbox.MessagesQueued();
        }

        return told;
    }
}
