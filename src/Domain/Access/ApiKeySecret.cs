using System.Security.Cryptography;
using System.Text;

namespace HostingMatch.Domain.Access;

/// <summary>
/// The text of an API key: <c>hm_</c>, an 8-character public prefix used to find the key, <c>_</c>, then
/// 43 characters of base64url carrying 256 random bits. Only the SHA-256 of the whole text is kept:
/// with 256 bits of randomness a salt or a slow hash adds nothing, and look-up stays one indexed read.
/// </summary>
public static class ApiKeySecret
{
    public const string Scheme = "hm_";
    public const int PrefixLength = 11; // "hm_" + 8
    private const int SecretBytes = 32;
    private const string PrefixAlphabet = "abcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>A new key: the text to show once, its public prefix and the hash to store.</summary>
    public static (string Key, string Prefix, byte[] Hash) Generate()
    {
        var prefix = Scheme + RandomNumberGenerator.GetString(PrefixAlphabet, PrefixLength - Scheme.Length);
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        var key = $"{prefix}_{secret}";
        return (key, prefix, Hash(key));
    }

    /// <summary>The SHA-256 of the key's text.</summary>
    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The public prefix of a well-formed key, else null (nothing to look up).</summary>
    public static string? PrefixOf(string? key)
    {
        if (key is null || key.Length != PrefixLength + 1 + 43 || !key.StartsWith(Scheme, StringComparison.Ordinal)
            || key[PrefixLength] != '_')
        {
            return null;
        }

        return key[..PrefixLength];
    }

    /// <summary>True when <paramref name="key"/> hashes to <paramref name="storedHash"/>; compares in constant time.</summary>
    public static bool Verify(string key, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(key), storedHash);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
