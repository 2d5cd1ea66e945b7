using FluentValidation;
using HostingMatch.Domain.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Audit;

/// <summary>
/// The audit log, newest first, one page at a time: optionally from/to an instant (from inclusive, to exclusive),
/// by one key or organisation, and by action (a prefix such as <c>POST /api/v1/hosts</c>).
/// </summary>
public sealed record QueryAuditLog(Instant? From = null, Instant? To = null, Guid? ApiKeyId = null, Guid? OrganisationId = null,
    string? Action = null, int Page = 1, int PageSize = 50) : IQuery<AuditPage>;

public sealed record AuditEntryResponse(Guid Id, Instant At, Guid? ApiKeyId, Guid? OrganisationId, string Action, string TargetType,
    string? TargetId, string Summary);

public sealed record AuditPage(IReadOnlyList<AuditEntryResponse> Items, int Page, int PageSize, int Total);

public sealed class QueryAuditLogValidator : AbstractValidator<QueryAuditLog>
{
    public QueryAuditLogValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, 100_000);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
        RuleFor(q => q.Action).MaximumLength(AuditEntry.MaxActionLength);
    }
}

public sealed class QueryAuditLogHandler(IHostingMatchDb db) : IQueryHandler<QueryAuditLog, AuditPage>
{
    public async ValueTask<AuditPage> Handle(QueryAuditLog query, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (query.From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }

        if (query.ApiKeyId is { } keyId)
        {
            entries = entries.Where(e => e.ApiKeyId == keyId);
        }

        if (query.OrganisationId is { } organisationId)
        {
            entries = entries.Where(e => e.OrganisationId == organisationId);
        }

        if (!string.IsNullOrEmpty(query.Action))
        {
            entries = entries.Where(e => e.Action.StartsWith(query.Action));
        }

        var total = await entries.CountAsync(cancellationToken);
        var items = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(e => new AuditEntryResponse(e.Id, e.At, e.ApiKeyId, e.OrganisationId, e.Action, e.TargetType, e.TargetId, e.Summary))
            .ToListAsync(cancellationToken);
        return new AuditPage(items, query.Page, query.PageSize, total);
    }
}
