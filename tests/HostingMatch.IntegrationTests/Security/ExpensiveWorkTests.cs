using System.Net;
using System.Net.Http.Json;
using System.Text;
using HostingMatch.Api.Infrastructure;
using HostingMatch.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace HostingMatch.IntegrationTests.Security;

/// <summary>The Api with a small per-organisation referral limit.</summary>
public sealed class SmallReferralLimitApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Referrals:MaxPerOrganisationPerNight"] = "3",
    };
}

/// <summary>Issue 13, item 5: expensive work is bounded (solves at once, referrals per night, readiness queries).</summary>
public sealed class ExpensiveWorkTests(SmallReferralLimitApiFactory api) : IClassFixture<SmallReferralLimitApiFactory>
{
    [Fact]
    public async Task ASimulationWhileEverySolverIsBusyAnswers503WithRetryAfter()
    {
        var night = await File.ReadAllTextAsync(Path.Combine(Paths.SharedSamples, "night-tight-sample.json"));
        var client = api.CreateClient();
        HttpResponseMessage busy;
        // Hold the only slot, as a long solve would.
        using (api.Services.GetRequiredService<SolverGate>().TryEnter() ?? throw new InvalidOperationException("the slot was taken"))
        {
            busy = await client.PostAsync("/api/v1/simulations/matching", new StringContent(night, Encoding.UTF8, "application/json"));
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.True(busy.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("urn:hostingmatch:problem:unavailable", (string?)(await busy.ReadObjectAsync())["type"]);
        // The slot back, the same file is solved.
        var solved = await client.PostAsync("/api/v1/simulations/matching", new StringContent(night, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, solved.StatusCode);
    }

    [Fact]
    public async Task TwoSimulationsAtOnceNeverBothSolve()
    {
        var night = await File.ReadAllTextAsync(Path.Combine(Paths.SharedSamples, "night-paris-sample.json"));
        var client = api.CreateClient();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            (await client.PostAsync("/api/v1/simulations/matching", new StringContent(night, Encoding.UTF8, "application/json"))).StatusCode));

        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{s}"));
    }

    [Fact]
    public async Task APartnerOverItsNightlyReferralLimitGets429AndOtherNightsAndPartnersGoOn()
    {
        var (partner, _) = await api.CreatePartnerAsync("Prolific org");
        var (other, _) = await api.CreatePartnerAsync("Other org");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await partner.PostAsJsonAsync("/api/v1/referrals", Builders.Referral($"Famille {i}"))).StatusCode);
        }

        var over = await partner.PostAsJsonAsync("/api/v1/referrals", Builders.Referral("Famille 4"));

        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        var problem = await over.ReadObjectAsync();
        Assert.Equal("urn:hostingmatch:problem:referral-limit", (string?)problem["type"]);
        Assert.Contains("3 households for the night of 2026-11-26", (string?)problem["title"]);
        Assert.Equal(HttpStatusCode.Created, (await partner.PostAsJsonAsync("/api/v1/referrals", Builders.Referral("Famille 5", "2026-11-27"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync("/api/v1/referrals", Builders.Referral("Famille 6"))).StatusCode);
    }

    [Fact]
    public async Task ReadinessIsAnsweredFromItsLastCheckForASecond()
    {
        var client = api.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await api.Database.SetReachableAsync(false);
        try
        {
            // Within the second: the last answer, without asking the database.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            api.Clock.Advance(CachedReadiness.Freshness + Duration.FromMilliseconds(1));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            await api.Database.SetReachableAsync(true);
        }

        api.Clock.Advance(CachedReadiness.Freshness + Duration.FromMilliseconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
