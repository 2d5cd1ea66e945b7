using HostingMatch.Domain.Audit;
using Mediator;
using NodaTime;

namespace HostingMatch.Application.Audit;

/// <summary>Appends one entry to the audit log. The Api sends it for every coordinator and admin action, from one place.</summary>
public sealed record RecordAuditEntry(Guid? ApiKeyId, Guid? OrganisationId, string Action, string TargetType, string? TargetId, string Summary)
    : ICommand;

public sealed class RecordAuditEntryHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<RecordAuditEntry>
{
    public async ValueTask<Unit> Handle(RecordAuditEntry command, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(AuditEntry.Record(command.ApiKeyId, command.OrganisationId, command.Action, command.TargetType,
            command.TargetId, command.Summary, clock.GetCurrentInstant()));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
