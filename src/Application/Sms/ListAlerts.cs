using HostingMatch.Application.Pipeline;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Sms;

/// <summary>What the coordinators must look at (STOP, cancellations, SMS that could not be sent), newest first.</summary>
public sealed record ListAlerts(int Limit = 100) : IQuery<IReadOnlyList<AlertResponse>>, IAudited;

public sealed record AlertResponse(Guid Id, string Code, string Message, Guid? HostId, Instant RaisedAt);

public sealed class ListAlertsHandler(IHostingMatchDb db) : IQueryHandler<ListAlerts, IReadOnlyList<AlertResponse>>
{
    public async ValueTask<IReadOnlyList<AlertResponse>> Handle(ListAlerts query, CancellationToken cancellationToken) =>
        await db.Alerts.AsNoTracking().OrderByDescending(a => a.RaisedAt).Take(Math.Clamp(query.Limit, 1, 1000))
            .Select(a => new AlertResponse(a.Id, a.Code, a.Message, a.HostId, a.RaisedAt))
            .ToListAsync(cancellationToken);
}
