using NodaTime;

namespace HostingMatch.Domain.Referrals;

/// <summary>
/// What a POST with an <c>Idempotency-Key</c> produced, so a retry gets the same answer instead of a duplicate:
/// the organisation and key (unique together), the hash of the request that was sent, and the result.
/// A record answers retries for <see cref="Lifetime"/>; after that the same key is a new request.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int MaxKeyLength = 100;

    /// <summary>
    /// How long a key answers retries. A client retries within minutes; a day is ample, and keeping records forever
    /// would grow the table with every referral.
    /// </summary>
    public static readonly Duration Lifetime = Duration.FromHours(24);

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

    /// <summary>Records created at or before this instant have expired at <paramref name="now"/>.</summary>
    public static Instant ExpiredUpTo(Instant now) => now - Lifetime;

    /// <summary>True when <paramref name="requestHash"/> is the request first sent under this key.</summary>
    public bool IsSameRequest(string requestHash) => string.Equals(RequestHash, requestHash, StringComparison.Ordinal);
}
