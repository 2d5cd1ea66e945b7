namespace HostingMatch.Application.Pipeline;

/// <summary>
/// Who runs a use case and how the audit log names the call. The Api describes its coordinator and admin calls (key,
/// organisation, method and route, target, outcome); callers that act for no one (the command line, the background workers)
/// use <see cref="NoAuditTrail"/>.
/// </summary>
public interface IAuditTrail
{
    /// <summary>The entry for a call of <paramref name="message"/> that returned <paramref name="response"/>; null records nothing.</summary>
    AuditRecord? Describe(object message, object? response);
}

/// <summary>One audit entry's content (<see cref="Domain.Audit.AuditEntry"/>).</summary>
public sealed record AuditRecord(Guid? ApiKeyId, Guid? OrganisationId, string Action, string TargetType, string? TargetId, string Summary);

/// <summary>The trail of callers that act for nobody: the operator's command line, the night's workers. Nothing is recorded.</summary>
public sealed class NoAuditTrail : IAuditTrail
{
    public AuditRecord? Describe(object message, object? response) => null;
}
