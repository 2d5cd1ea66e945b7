using HostingMatch.Application.Pipeline;
using HostingMatch.Domain.Sms;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Sms;

/// <summary>Every SMS to and from one host, oldest first. Null when there is no such host.</summary>
public sealed record GetHostSmsHistory(Guid HostId) : IQuery<IReadOnlyList<SmsHistoryItem>?>, IAudited;

/// <summary>One SMS in a host's history: <c>out</c> (ours, with where it stands) or <c>in</c> (theirs, with what we made of it).</summary>
public sealed record SmsHistoryItem(string Direction, Instant At, string Body, string Status, string? ProviderSid, string? Detail);

public sealed class GetHostSmsHistoryHandler(IHostingMatchDb db) : IQueryHandler<GetHostSmsHistory, IReadOnlyList<SmsHistoryItem>?>
{
    public async ValueTask<IReadOnlyList<SmsHistoryItem>?> Handle(GetHostSmsHistory query, CancellationToken cancellationToken)
    {
        if (!await db.Hosts.AnyAsync(h => h.Id == query.HostId, cancellationToken))
        {
            return null;
        }

        var sent = await db.OutboundSms.AsNoTracking().Where(m => m.HostId == query.HostId)
            .Select(m => new SmsHistoryItem("out", m.SentAt ?? m.CreatedAt, m.Body,
                m.Status == OutboundSmsStatus.Sent ? (m.ProviderStatus ?? "sent") : m.Status.ToString().ToLower(), m.ProviderSid, m.LastError))
            .ToListAsync(cancellationToken);
        var received = await db.InboundSms.AsNoTracking().Where(m => m.HostId == query.HostId)
            .Select(m => new SmsHistoryItem("in", m.ReceivedAt, m.Body, m.Outcome, m.MessageSid, m.Reply))
            .ToListAsync(cancellationToken);
        return sent.Concat(received).OrderBy(i => i.At).ToList();
    }
}
