using System.Net;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.IntegrationTests.Referrals;

/// <summary>Idempotency keys answer retries for 24 hours. The referrals are for the 27th, still open a day later.</summary>
public sealed class IdempotencyExpiryTests(ApiFactory api) : IClassFixture<ApiFactory>, IDisposable
{
    private const string Night = "2026-11-27";

    public void Dispose() => api.Clock.Reset(ApiFactory.DefaultNow);

    [Fact]
    public async Task ARetryJustUnderTwentyFourHoursLaterIsStillAReplay()
    {
        var (partner, organisationId) = await api.CreatePartnerAsync("Retry within a day");
        var key = Guid.NewGuid().ToString();
        var first = await partner.PostReferralAsync(key, Builders.Referral("Famille J.", Night));

        api.Clock.Advance(Duration.FromHours(24) - Duration.FromSeconds(1));
        var retry = await partner.PostReferralAsync(key, Builders.Referral("Famille J.", Night));

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((string?)(await first.ReadObjectAsync())["id"], (string?)(await retry.ReadObjectAsync())["id"]);
        Assert.Equal(1, await CountReferralsAsync(organisationId));
    }

    [Fact]
    public async Task ARetryAfterTheNightHasClosedIsStillAReplayWithinTwentyFourHours()
    {
        var (partner, organisationId) = await api.CreatePartnerAsync("Retry after noon");
        var key = Guid.NewGuid().ToString();
        var first = await partner.PostReferralAsync(key, Builders.Referral("Famille M.", "2026-11-26"));

        // 14:00 in Paris the next day: tonight is the 27th, a new referral for the 26th is refused, the retry is not.
        api.Clock.Advance(Duration.FromHours(20));
        var retry = await partner.PostReferralAsync(key, Builders.Referral("Famille M.", "2026-11-26"));
        var late = await partner.PostReferralAsync(Guid.NewGuid().ToString(), Builders.Referral("Famille M.", "2026-11-26"));

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((string?)(await first.ReadObjectAsync())["id"], (string?)(await retry.ReadObjectAsync())["id"]);
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.NotNull((await late.ReadObjectAsync())["errors"]!["night"]);
        Assert.Equal(1, await CountReferralsAsync(organisationId));
    }

    [Fact]
    public async Task ARetryTwentyFourHoursLaterIsANewReferral()
    {
        var (partner, organisationId) = await api.CreatePartnerAsync("Retry after a day");
        var key = Guid.NewGuid().ToString();
        var first = await partner.PostReferralAsync(key, Builders.Referral("Famille K.", Night));

        api.Clock.Advance(Duration.FromHours(24));
        var again = await partner.PostReferralAsync(key, Builders.Referral("Famille K.", Night));

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.False(again.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual((string?)(await first.ReadObjectAsync())["id"], (string?)(await again.ReadObjectAsync())["id"]);
        Assert.Equal(2, await CountReferralsAsync(organisationId));
        // The new record now answers retries under that key.
        var retry = await partner.PostReferralAsync(key, Builders.Referral("Famille K.", Night));
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(2, await CountReferralsAsync(organisationId));
    }

    [Fact]
    public async Task AKeyReusedWithAnotherBodyAfterTwentyFourHoursIsNotRefused()
    {
        var (partner, organisationId) = await api.CreatePartnerAsync("Reuse after a day");
        var key = Guid.NewGuid().ToString();
        await partner.PostReferralAsync(key, Builders.Referral("Famille L.", Night));

        api.Clock.Advance(Duration.FromHours(25));
        var other = await partner.PostReferralAsync(key, Builders.Referral("Famille M.", Night));

        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.Equal("Famille M.", (string?)(await other.ReadObjectAsync())["alias"]);
        Assert.Equal(2, await CountReferralsAsync(organisationId));
    }

    [Fact]
    public async Task ExpiredRecordsAreDeletedWhenTheOrganisationNextUsesAKey()
    {
        var (partner, organisationId) = await api.CreatePartnerAsync("Cleanup org");
        var (other, otherId) = await api.CreatePartnerAsync("Cleanup other org");
        await partner.PostReferralAsync("old-1", Builders.Referral("Famille N.", Night));
        await partner.PostReferralAsync("old-2", Builders.Referral("Famille O.", Night));
        await other.PostReferralAsync("old-3", Builders.Referral("Famille P.", Night));
        api.Clock.Advance(Duration.FromHours(12));
        await partner.PostReferralAsync("recent", Builders.Referral("Famille Q.", Night));

        api.Clock.Advance(Duration.FromHours(13));
        await partner.PostReferralAsync("new", Builders.Referral("Famille R.", Night));

        await using var db = api.Database.NewContext();
        Assert.Equal(["new", "recent"], await db.IdempotencyRecords.Where(i => i.OrganisationId == organisationId)
            .OrderBy(i => i.Key).Select(i => i.Key).ToListAsync());
        // Another organisation's records go when it next sends a key, not before.
        Assert.Equal(1, await db.IdempotencyRecords.CountAsync(i => i.OrganisationId == otherId));
    }

    private async Task<int> CountReferralsAsync(Guid organisationId)
    {
        await using var db = api.Database.NewContext();
        return await db.Referrals.CountAsync(r => r.OrganisationId == organisationId);
    }
}
