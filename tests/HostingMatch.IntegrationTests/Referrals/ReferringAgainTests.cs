using System.Net;
using System.Net.Http.Json;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace HostingMatch.IntegrationTests.Referrals;

/// <summary>A partner refers the same household the next night: its waiting counts, and a retry creates nothing.</summary>
public sealed class ReferringAgainTests : OwnApiTest
{
    [Fact]
    public async Task ReferringAgainKeepsTheHouseholdCountsItsWaitingNightAndIsSafeToRetry()
    {
        var (partner, organisationId) = await Api.CreatePartnerAsync("Maraude Nord");
        var coordinators = Client;
        var first = await (await partner.PostAsJsonAsync("/api/v1/referrals", Builders.Referral("Famille P."))).ReadObjectAsync();
        // No host tonight: the family is left without a place.
        Assert.Single((await (await coordinators.PostAsync("/api/v1/nights/2026-11-26/matching", null)).ReadObjectAsync())["unplaced"]!.AsArray());

        var again = await partner.PostAsync($"/api/v1/referrals/{first["id"]}/again", null);

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var next = await again.ReadObjectAsync();
        Assert.Equal("2026-11-27", (string?)next["night"]);
        Assert.Equal("waiting", (string?)next["status"]);
        Assert.Equal("Inès, maraude Nord", (string?)next["referrer"]!["name"]);
        Assert.Equal($"/api/v1/referrals/{next["id"]}", again.Headers.Location!.OriginalString);
        var request = await (await coordinators.GetAsync($"/api/v1/requests/{next["id"]}")).ReadObjectAsync();
        var earlier = await (await coordinators.GetAsync($"/api/v1/requests/{first["id"]}")).ReadObjectAsync();
        Assert.Equal((string?)earlier["householdId"], (string?)request["householdId"]);
        Assert.Equal(1, (int)request["nightsWithoutShelter"]!);
        Assert.Equal(organisationId.ToString(), (string?)request["referredBy"]);

        // A retry (the answer was lost) answers the same referral and creates nothing.
        var retry = await partner.PostAsync($"/api/v1/referrals/{first["id"]}/again", null);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal((string?)next["id"], (string?)(await retry.ReadObjectAsync())["id"]);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        await using var db = Api.Database.NewContext();
        Assert.Equal(2, await db.Referrals.CountAsync(r => r.OrganisationId == organisationId));
    }

    [Fact]
    public async Task AnotherPartnersReferralAClosedNightAnUnknownFieldAndACoordinatorsOwnRequestAreRefused()
    {
        var (partner, _) = await Api.CreatePartnerAsync("Maraude Nord");
        var (other, _) = await Api.CreatePartnerAsync("Maraude Sud");
        var first = await (await partner.PostAsJsonAsync("/api/v1/referrals", Builders.Referral("Famille P."))).ReadObjectAsync();
        var id = (string)first["id"]!;

        var byOther = await other.PostAsync($"/api/v1/referrals/{id}/again", null);
        var farAhead = await partner.PostAsJsonAsync($"/api/v1/referrals/{id}/again", new { night = "2026-12-20" });
        var unknownField = await partner.PostAsJsonAsync($"/api/v1/referrals/{id}/again", new { nigth = "2026-11-27" });
        // The coordinators registered the same household for the 28th themselves: the partner is told, not duplicated.
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync($"/api/v1/requests/{id}/again", new { night = "2026-11-28" })).StatusCode);
        var taken = await partner.PostAsJsonAsync($"/api/v1/referrals/{id}/again", new { night = "2026-11-28" });

        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, farAhead.StatusCode);
        Assert.NotNull((await farAhead.ReadObjectAsync())["errors"]!["night"]);
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("already-registered", (string?)(await taken.ReadObjectAsync())["code"]);
    }
}
