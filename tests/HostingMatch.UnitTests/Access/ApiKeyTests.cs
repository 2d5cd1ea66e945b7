using System.Security.Cryptography;
using System.Text;
using HostingMatch.Domain.Access;
using HostingMatch.Domain.Common;
using NodaTime;

namespace HostingMatch.UnitTests.Access;

public sealed class ApiKeyTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 26, 17, 0);

    [Fact]
    public void Generate_GivesAPrefixedKeyWith256RandomBitsAndItsSha256()
    {
        var (key, prefix, hash) = ApiKeySecret.Generate();

        Assert.Matches("^hm_[a-z2-9]{8}_[A-Za-z0-9_-]{43}$", key);
        Assert.StartsWith(prefix + "_", key);
        Assert.Equal(32, Convert.FromBase64String(key[12..].Replace('-', '+').Replace('_', '/') + "=").Length);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(key)), hash);
    }

    [Fact]
    public void Generate_NeverRepeats()
    {
        var keys = Enumerable.Range(0, 1000).Select(_ => ApiKeySecret.Generate().Key).ToHashSet();
        Assert.Equal(1000, keys.Count);
    }

    [Fact]
    public void Verify_AcceptsTheKeyAndRefusesAnyOtherText()
    {
        var (key, _, hash) = ApiKeySecret.Generate();

        Assert.True(ApiKeySecret.Verify(key, hash));
        Assert.False(ApiKeySecret.Verify(key[..^1] + (key[^1] == 'a' ? 'b' : 'a'), hash));
        Assert.False(ApiKeySecret.Verify(key + "x", hash));
        Assert.False(ApiKeySecret.Verify("", hash));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hm_abcdefgh")]
    [InlineData("xx_abcdefgh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("hm_abcdefghXAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("hm_abcdefgh_AAAA")]
    public void PrefixOf_AMalformedKey_IsNull(string? key) => Assert.Null(ApiKeySecret.PrefixOf(key));

    [Fact]
    public void PrefixOf_AWellFormedKey_IsItsPublicPart()
    {
        var (key, prefix, _) = ApiKeySecret.Generate();
        Assert.Equal(prefix, ApiKeySecret.PrefixOf(key));
    }

    [Fact]
    public void IsActiveAt_WhenExpiredOrRevoked_IsFalse()
    {
        var (key, text) = ApiKey.Issue(Guid.NewGuid(), Role.Partner, Now, expiresInDays: 10);

        Assert.True(key.Accepts(text, Now));
        Assert.True(key.IsActiveAt(Now + Duration.FromDays(10) - Duration.Epsilon));
        Assert.False(key.IsActiveAt(Now + Duration.FromDays(10)));

        key.Revoke(Now + Duration.FromHours(1));
        key.Revoke(Now + Duration.FromHours(2));
        Assert.Equal(Now + Duration.FromHours(1), key.RevokedAt);
        Assert.True(key.IsActiveAt(Now));
        Assert.False(key.Accepts(text, Now + Duration.FromHours(1)));
    }

    [Fact]
    public void Issue_WithoutExpiry_NeverExpires()
    {
        var (key, _) = ApiKey.Issue(Guid.NewGuid(), Role.Admin, Now);
        Assert.True(key.IsActiveAt(Now + Duration.FromDays(36500)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(3651)]
    public void Issue_WithAnExpiryOutOfRange_Throws(int days) =>
        Assert.Equal("key-invalid", Assert.Throws<DomainException>(() => ApiKey.Issue(Guid.NewGuid(), Role.Partner, Now, days)).Code);
}

public sealed class RolesTests
{
    [Theory]
    [InlineData(Role.Partner, Role.Partner, true)]
    [InlineData(Role.Partner, Role.Coordinator, false)]
    [InlineData(Role.Partner, Role.Admin, false)]
    [InlineData(Role.Coordinator, Role.Coordinator, true)]
    [InlineData(Role.Coordinator, Role.Partner, false)]
    [InlineData(Role.Coordinator, Role.Admin, false)]
    [InlineData(Role.Admin, Role.Admin, true)]
    [InlineData(Role.Admin, Role.Coordinator, true)]
    [InlineData(Role.Admin, Role.Partner, false)]
    public void Satisfies_FollowsTheRoleRules(Role held, Role required, bool allowed) => Assert.Equal(allowed, held.Satisfies(required));

    [Theory]
    [InlineData("partner", Role.Partner)]
    [InlineData("coordinator", Role.Coordinator)]
    [InlineData("admin", Role.Admin)]
    public void TryParse_TheWireNames_RoundTrip(string text, Role role)
    {
        Assert.True(Roles.TryParse(text, out var parsed));
        Assert.Equal(role, parsed);
        Assert.Equal(text, parsed.ToWire());
    }

    [Theory]
    [InlineData("Admin")]
    [InlineData("root")]
    [InlineData(null)]
    public void TryParse_AnythingElse_IsFalse(string? text) => Assert.False(Roles.TryParse(text, out _));
}
