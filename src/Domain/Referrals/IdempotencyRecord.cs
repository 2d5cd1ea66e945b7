using NodaTime;

namespace HostingMatch.Domain.Referrals;

/// <summary>
/// What a POST with an <c>Idempotency-Key</c> produced, so a retry gets the same answer instead of a duplicate:
/// the organisation and key (unique together), the hash of the request that was sent, and the result.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int MaxKeyLength = 100;

    private IdempotencyRecord()
    {
        Key = RequestHash = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Key { get; private set; }

    /// <summary>Hex SHA-256 of the request's content, to tell a retry from a different request under the same key.</summary>
    public string RequestHash { get; private set; }

    /// <summary>The status code answered the first time.</summary>
    public int ResponseStatus { get; private set; }

    /// <summary>The resource the first request created.</summary>
    public Guid ResourceId { get; private set; }

    public Instant CreatedAt { get; private set; }

    public static IdempotencyRecord Create(Guid organisationId, string key, string requestHash, int responseStatus, Guid resourceId,
        Instant now) => new()
    {
        Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
        OrganisationId = organisationId,
        Key = key,
        RequestHash = requestHash,
        ResponseStatus = responseStatus,
        ResourceId = resourceId,
        CreatedAt = now,
    };

    /// <summary>True when <paramref name="requestHash"/> is the request first sent under this key.</summary>
    public bool IsSameRequest(string requestHash) => string.Equals(RequestHash, requestHash, StringComparison.Ordinal);
}
