using HostingMatch.Domain.Common;
using NodaTime;

namespace HostingMatch.Domain.Access;

/// <summary>
/// A coordinator's sign-in to the web console with a key: the browser holds only this session's id (in its cookie).
/// It ends at <see cref="ExpiresAt"/> (one shift), when the coordinator signs out, or when its key stops working;
/// an ended session never works again, even from a copy of the cookie.
/// </summary>
public sealed class ConsoleSession
{
    private ConsoleSession()
    {
    }

    public Guid Id { get; private set; }
    public Guid ApiKeyId { get; private set; }
    public Instant StartedAt { get; private set; }
    public Instant ExpiresAt { get; private set; }
    public Instant? EndedAt { get; private set; }

    /// <summary>Opens a session for <paramref name="length"/> from <paramref name="now"/>.</summary>
    /// <exception cref="DomainException"><c>session-invalid</c> when the length is not positive.</exception>
    public static ConsoleSession Start(Guid apiKeyId, Instant now, Duration length)
    {
        if (length <= Duration.Zero)
        {
            throw new DomainException("session-invalid", "A console session lasts a positive time.");
        }

        return new ConsoleSession
        {
            Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
            ApiKeyId = apiKeyId,
            StartedAt = now,
            ExpiresAt = now + length,
        };
    }

    /// <summary>Signs out. Ending twice keeps the first instant.</summary>
    public void End(Instant now) => EndedAt ??= now;

    /// <summary>True when the session has neither ended nor expired at <paramref name="now"/>.</summary>
    public bool IsActiveAt(Instant now) => EndedAt is null && now < ExpiresAt;
}
