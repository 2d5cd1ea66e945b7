using System.Net;
using HostingMatch.Application.Access;
using HostingMatch.IntegrationTests.Support;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace HostingMatch.IntegrationTests.Security;

/// <summary>
/// Issue 13, item 8: a checked key is believed for <c>ApiKeys:CacheSeconds</c> (5 by default) instead of being looked up on every
/// call; the security bounds stay stated and tested: revoked through this Api, at once (<c>AuthenticationTests</c>, and below with
/// a cache time of days); revoked elsewhere (another instance, the command line), within the cache time; expired, at the instant,
/// even while believed (<see cref="KeyExpiryTestsBase{TFactory}"/>).
/// </summary>
public sealed class CheckedKeysTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AKeyRevokedElsewhereStopsWorkingWithinTheCacheTime()
    {
        var (key, partner) = await PartnerAsync(api, "Revoked elsewhere org");

        // As another Api instance would: through the use case, without this instance's endpoint.
        await using (var scope = api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RevokeApiKey(key.Id));
        }

        api.Clock.AdvanceSeconds(4);
        Assert.Equal(HttpStatusCode.OK, await ReferralsAsync(partner));

        api.Clock.AdvanceSeconds(1);
        Assert.Equal(HttpStatusCode.Unauthorized, await ReferralsAsync(partner));
    }

    [Fact]
    public async Task AWrongKeyWithAKnownPrefixIsNeverBelieved()
    {
        var (key, _) = await PartnerAsync(api, "Prefix org");

        var forged = key.Key[..^4] + (key.Key.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, await ReferralsAsync(api.CreateClient(forged)));
    }

    /// <summary>A new partner key, already used once (so believed from now on), and its client.</summary>
    internal static async Task<(IssuedApiKeyResponse Key, HttpClient Client)> PartnerAsync(ApiFactory api, string organisation, int? expiresInDays = null)
    {
        var key = await api.IssueKeyAsync(organisation, "partner", expiresInDays);
        var partner = api.CreateClient(key.Key);
        Assert.Equal(HttpStatusCode.OK, await ReferralsAsync(partner));
        return (key, partner);
    }

    internal static async Task<HttpStatusCode> ReferralsAsync(HttpClient client) => (await client.GetAsync("/api/v1/referrals")).StatusCode;
}

/// <summary>A cache time longer than a key's life.</summary>
public sealed class LongKeyCacheFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["ApiKeys:CacheSeconds"] = (60 * 24 * 3600).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class CheckedKeyExpiryTests(LongKeyCacheFactory api) : KeyExpiryTestsBase<LongKeyCacheFactory>(api), IClassFixture<LongKeyCacheFactory>
{
    [Fact]
    public async Task AKeyRevokedThroughThisApiStopsAtOnceWhateverTheCacheTime()
    {
        var (key, partner) = await CheckedKeysTests.PartnerAsync(Api, "Believed revoked org");

        Assert.Equal(HttpStatusCode.OK, (await Api.CreateClient(Api.Admin.Key).PostAsync($"/api/v1/admin/keys/{key.Id}/revoke", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await CheckedKeysTests.ReferralsAsync(partner));
    }
}
