using HostingMatch.Application.Requests;
using HostingMatch.Application.Pipeline;
using HostingMatch.Application.Sms;
using HostingMatch.Domain.Requests;
using HostingMatch.Domain.Sms;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Hosts;

/// <summary>
/// Thanks every host who hosted in the month starting <see cref="Month"/> by SMS, through the outbox: how many people
/// they took in over how many nights (confirmed or delivered one-night placements). A host who sent STOP gets nothing;
/// a host is thanked once per month (<see cref="Domain.Hosts.Host.ThankFor"/>), so running it again sends nothing.
/// Returns the codes of the hosts thanked.
/// </summary>
public sealed record SendMonthlyThanks(LocalDate Month) : ICommand<IReadOnlyList<string>>, ITransactional, IAudited;

public sealed class SendMonthlyThanksHandler(IHostingMatchDb db, IClock clock, IOutboxNotifier outbox)
    : ICommandHandler<SendMonthlyThanks, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(SendMonthlyThanks command, CancellationToken cancellationToken)
    {
        var month = command.Month.With(DateAdjusters.StartOfMonth);
        var next = month.PlusMonths(1);
        var placed = await db.Requests.AsNoTracking().HostedBetween(month, next)
            .Join(db.Households.AsNoTracking(), r => r.HouseholdId, h => h.Id, (r, h) => new { HostId = r.HostId!.Value, r.Night, h })
            .ToListAsync(cancellationToken);
        var byHost = placed.GroupBy(x => x.HostId).ToDictionary(g => g.Key,
            g => (People: g.Sum(x => x.h.People), Nights: g.Select(x => x.Night).Distinct().Count()));
        var hostIds = byHost.Keys.ToList();
        var hosts = await db.Hosts.Where(h => hostIds.Contains(h.Id)).OrderBy(h => h.Code).ToListAsync(cancellationToken);

        var now = clock.GetCurrentInstant();
        var thanked = new List<string>();
        foreach (var host in hosts)
        {
            if (host.SmsOptedOutAt is not null || !host.ThankFor(month))
            {
                continue;
            }

            var (people, nights) = byHost[host.Id];
            db.OutboundSms.Add(OutboundSms.Create(host.Phone, SmsTemplates.MonthlyThanks(host.Language, host.DisplayName, month, people, nights),
                SmsKind.Thanks, host.Id, null, now));
            thanked.Add(host.Code);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (thanked.Count > 0)
        {
            outbox.MessagesQueued();
        }

        return thanked;
    }
}
