using NodaTime;

namespace HostingMatch.Domain.Audit;

/// <summary>
/// One thing a coordinator or an admin did that changed data or read personal data: who (key and organisation),
/// what (action, target) and when. Append-only: nothing changes an entry once written.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxActionLength = 120;
    public const int MaxTargetTypeLength = 40;
    public const int MaxTargetIdLength = 80;
    public const int MaxSummaryLength = 300;

    private AuditEntry()
    {
        Action = TargetType = Summary = string.Empty;
    }

    public Guid Id { get; private set; }
    public Instant At { get; private set; }
    public Guid? ApiKeyId { get; private set; }
    public Guid? OrganisationId { get; private set; }

    /// <summary>What was done, e.g. <c>POST /api/v1/hosts</c>.</summary>
    public string Action { get; private set; }

    /// <summary>The kind of thing acted on, e.g. <c>hosts</c>.</summary>
    public string TargetType { get; private set; }

    public string? TargetId { get; private set; }

    /// <summary>The outcome in a few words, e.g. <c>201 Add a host who signed an agreement.</c>.</summary>
    public string Summary { get; private set; }

    /// <summary>Records an action; over-long texts are cut rather than refused (an audit entry is never lost for length).</summary>
    public static AuditEntry Record(Guid? apiKeyId, Guid? organisationId, string action, string targetType, string? targetId,
        string summary, Instant now) => new()
    {
        Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
        At = now,
        ApiKeyId = apiKeyId,
        OrganisationId = organisationId,
        Action = Cut(action, MaxActionLength),
        TargetType = Cut(targetType, MaxTargetTypeLength),
        TargetId = targetId is null ? null : Cut(targetId, MaxTargetIdLength),
        Summary = Cut(summary, MaxSummaryLength),
    };

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
