using System.Net;
using HostingMatch.IntegrationTests.Support;

namespace HostingMatch.IntegrationTests.Security;

/// <summary>The Api with a small limit: 5 calls a minute per key, 3 without one.</summary>
public sealed class SmallRateLimitApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["RateLimits:PermitLimit"] = "5",
        ["RateLimits:AnonymousPermitLimit"] = "3",
        ["RateLimits:WindowSeconds"] = "60",
    };
}

public sealed class RateLimitTests(SmallRateLimitApiFactory api) : IClassFixture<SmallRateLimitApiFactory>
{
    [Fact]
    public async Task ABurstOverAKeysLimitAnswers429WithRetryAfterAndOtherKeysGoOn()
    {
        var (partner, _) = await api.CreatePartnerAsync("Bursty org");
        var (calm, _) = await api.CreatePartnerAsync("Calm org");

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++)
        {
            responses.Add(await partner.GetAsync("/api/v1/referrals"));
        }

        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var rejected = responses.Last();
        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.True(rejected.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("urn:hostingmatch:problem:too-many-requests", (string?)(await rejected.ReadObjectAsync())["type"]);
        Assert.Equal(HttpStatusCode.OK, (await calm.GetAsync("/api/v1/referrals")).StatusCode);
    }

    [Fact]
    public async Task CallsWithoutAKeyShareTheirAddressesSmallerBudget()
    {
        var anonymous = api.CreateAnonymousClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await anonymous.GetAsync("/api/v1/referrals")).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        // The probes are never limited.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
    }
}
