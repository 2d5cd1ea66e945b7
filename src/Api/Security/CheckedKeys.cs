using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using HostingMatch.Application.Access;
using NodaTime;

namespace HostingMatch.Api.Security;

/// <summary>Configuration section <c>ApiKeys</c>.</summary>
public sealed class ApiKeySettings
{
    /// <summary>
    /// How long a checked key is believed without asking the database again: the longest a revocation made elsewhere (another
    /// Api instance, the command line) takes to stop a key here. 0 asks the database on every call.
    /// </summary>
    public int CacheSeconds { get; set; } = 5;
}

/// <summary>
/// Keys checked in the last <see cref="ApiKeySettings.CacheSeconds"/>, so that a busy caller's key is looked up once every few
/// seconds rather than on every call (the look-up was a third of a partner's database round trips, docs/benchmarks.md).
/// Only keys that were accepted are kept, by the SHA-256 of their text (never the text). A key's expiry is checked on every
/// call; a key revoked through this Api is forgotten at once (<see cref="Forget"/>); one revoked elsewhere stops within the
/// cache time. Time is the application's <see cref="IClock"/>.
/// </summary>
public sealed class CheckedKeys(IClock clock, Microsoft.Extensions.Options.IOptions<ApiKeySettings> settings)
{
    /// <summary>Beyond this many keys the cache starts again empty: it never grows with what callers send.</summary>
    private const int MaxKeys = 10_000;

    private readonly ConcurrentDictionary<string, (AuthenticatedKey Key, Instant Until)> keys = new(StringComparer.Ordinal);
    private readonly Duration lifetime = Duration.FromSeconds(Math.Max(0, settings.Value.CacheSeconds));

    /// <summary>The holder of <paramref name="text"/>, from the cache or from <paramref name="check"/> (null: refused, not kept).</summary>
    public async ValueTask<AuthenticatedKey?> CheckAsync(string text, Func<string, ValueTask<AuthenticatedKey?>> check)
    {
        if (lifetime == Duration.Zero)
        {
            return await check(text);
        }

        var id = Id(text);
        var now = clock.GetCurrentInstant();
        if (keys.TryGetValue(id, out var cached) && now < cached.Until && (cached.Key.ExpiresAt is not { } expires || now < expires))
        {
            return cached.Key;
        }

        var checkedKey = await check(text);
        if (checkedKey is null)
        {
            keys.TryRemove(id, out _);
            return null;
        }

        if (keys.Count >= MaxKeys)
        {
            keys.Clear();
        }

        keys[id] = (checkedKey, now + lifetime);
        return checkedKey;
    }

    /// <summary>Stops trusting a key at once (it was just revoked).</summary>
    public void Forget(Guid keyId)
    {
        foreach (var (id, entry) in keys)
        {
            if (entry.Key.KeyId == keyId)
            {
                keys.TryRemove(id, out _);
            }
        }
    }

    private static string Id(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
