using System.Net;
using System.Net.Http.Json;
using HostingMatch.IntegrationTests.Support;
using NodaTime;

namespace HostingMatch.IntegrationTests.Referrals;

/// <summary>Which nights a partner may refer for: tonight in Paris and the 7 after it (the clock says 2026-11-26, 18:00).</summary>
public sealed class ReferralNightTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("2026-11-26")]
    [InlineData("2026-11-30")]
    [InlineData("2026-12-03")]
    public async Task ReferringForTonightOrUpToSevenNightsAheadAnswers201(string night)
    {
        var (partner, _) = await api.CreatePartnerAsync($"In range {night}");

        var response = await partner.PostAsJsonAsync("/api/v1/referrals", Builders.Referral(night: night));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(night, (string?)(await response.ReadObjectAsync())["night"]);
    }

    [Theory]
    [InlineData("2026-11-25")]
    [InlineData("2025-11-26")]
    [InlineData("2026-12-04")]
    [InlineData("2027-11-26")]
    public async Task ReferringForAPastNightOrMoreThanSevenNightsAheadAnswers400OnNightWithTheAllowedRange(string night)
    {
        var (partner, _) = await api.CreatePartnerAsync($"Out of range {night}");

        var response = await partner.PostAsJsonAsync("/api/v1/referrals", Builders.Referral(night: night));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.Equal("urn:hostingmatch:problem:validation", (string?)problem["type"]);
        var error = (string?)problem["errors"]!["night"]!.AsArray().Single();
        Assert.Contains("tonight (2026-11-26)", error);
        Assert.Contains("until 2026-12-03", error);
        Assert.Empty((await (await partner.GetAsync("/api/v1/referrals")).ReadObjectAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task BeforeNoonTonightIsStillLastEveningsNight()
    {
        var (partner, _) = await api.CreatePartnerAsync("Early morning partner");
        // 09:00 in Paris on the 27th: the night of the 26th is still under way.
        api.Clock.Reset(Instant.FromUtc(2026, 11, 27, 8, 0));
        try
        {
            Assert.Equal(HttpStatusCode.Created,
                (await partner.PostAsJsonAsync("/api/v1/referrals", Builders.Referral(night: "2026-11-26"))).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest,
                (await partner.PostAsJsonAsync("/api/v1/referrals", Builders.Referral(night: "2026-12-04"))).StatusCode);

            // At noon the night of the 27th begins: the 26th is past.
            api.Clock.Reset(Instant.FromUtc(2026, 11, 27, 11, 0));
            Assert.Equal(HttpStatusCode.BadRequest,
                (await partner.PostAsJsonAsync("/api/v1/referrals", Builders.Referral(night: "2026-11-26"))).StatusCode);
            Assert.Equal(HttpStatusCode.Created,
                (await partner.PostAsJsonAsync("/api/v1/referrals", Builders.Referral(night: "2026-12-04"))).StatusCode);
        }
        finally
        {
            api.Clock.Reset(ApiFactory.DefaultNow);
        }
    }
}
