using HostingMatch.Domain.Access;
using HostingMatch.Domain.Organisations;
using NodaTime;

namespace HostingMatch.Application.Access;

public sealed record OrganisationResponse(Guid Id, string Name, Instant CreatedAt);

/// <summary>A key as admins see it: never its text nor its hash.</summary>
public sealed record ApiKeyResponse(Guid Id, Guid OrganisationId, string Role, string Prefix, Instant CreatedAt, Instant? ExpiresAt,
    Instant? RevokedAt, bool Active);

/// <summary>A key just issued, with its text: shown this once, never stored.</summary>
public sealed record IssuedApiKeyResponse(Guid Id, Guid OrganisationId, string Role, string Prefix, Instant CreatedAt, Instant? ExpiresAt,
    string Key);

/// <summary>Who is calling, once their key is checked; <paramref name="ExpiresAt"/> lets a cache of checked keys honour the expiry to the instant.</summary>
public sealed record AuthenticatedKey(Guid KeyId, Guid OrganisationId, Role Role, Instant? ExpiresAt = null);

internal static class AccessProjection
{
    public static OrganisationResponse ToResponse(this Organisation o) => new(o.Id, o.Name, o.CreatedAt);

    public static ApiKeyResponse ToResponse(this ApiKey k, Instant now) =>
        new(k.Id, k.OrganisationId, k.Role.ToWire(), k.Prefix, k.CreatedAt, k.ExpiresAt, k.RevokedAt, k.IsActiveAt(now));
}
