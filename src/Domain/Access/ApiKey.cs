using HostingMatch.Domain.Common;
using NodaTime;

namespace HostingMatch.Domain.Access;

/// <summary>
/// A key one organisation's member or system uses to call the Api. Only its public prefix and the hash of
/// its text are kept; the text itself is shown once when it is issued (<see cref="ApiKeySecret"/>).
/// </summary>
public sealed class ApiKey
{
    public const int MaxExpiryDays = 3650;

    private ApiKey()
    {
        Prefix = string.Empty;
        SecretHash = [];
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Role Role { get; private set; }

    /// <summary>The public part of the key (<c>hm_</c> and 8 characters), unique, used to find it.</summary>
    public string Prefix { get; private set; }

    /// <summary>SHA-256 of the whole key.</summary>
    public byte[] SecretHash { get; private set; }

    public Instant CreatedAt { get; private set; }
    public Instant? ExpiresAt { get; private set; }
    public Instant? RevokedAt { get; private set; }

    /// <summary>Issues a new key; returns it with the text to show once.</summary>
    /// <exception cref="DomainException"><c>key-invalid</c> when the expiry is not between 1 and <see cref="MaxExpiryDays"/> days.</exception>
    public static (ApiKey Key, string Text) Issue(Guid organisationId, Role role, Instant now, int? expiresInDays = null)
    {
        if (expiresInDays is < 1 or > MaxExpiryDays)
        {
            throw new DomainException("key-invalid", $"A key expires in 1 to {MaxExpiryDays} days.");
        }

        var (text, prefix, hash) = ApiKeySecret.Generate();
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
            OrganisationId = organisationId,
            Role = role,
            Prefix = prefix,
            SecretHash = hash,
            CreatedAt = now,
            ExpiresAt = expiresInDays is { } days ? now + Duration.FromDays(days) : null,
        };
        return (key, text);
    }

    /// <summary>Stops the key from working. Revoking twice keeps the first instant.</summary>
    public void Revoke(Instant now) => RevokedAt ??= now;

    /// <summary>True when the key is neither revoked nor expired at <paramref name="now"/>.</summary>
    public bool IsActiveAt(Instant now) =>
        (RevokedAt is null || RevokedAt > now) && (ExpiresAt is null || ExpiresAt > now);

    /// <summary>True when <paramref name="text"/> is this key and it is active at <paramref name="now"/>.</summary>
    public bool Accepts(string text, Instant now) => ApiKeySecret.Verify(text, SecretHash) && IsActiveAt(now);
}
