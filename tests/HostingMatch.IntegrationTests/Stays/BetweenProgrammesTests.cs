using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HostingMatch.Domain.Requests;
using HostingMatch.Domain.Stays;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace HostingMatch.IntegrationTests.Stays;

/// <summary>
/// Between the programmes, over real HTTP and PostgreSQL: a stays guest's uncovered nights become one-night requests of
/// its household, once, when it waits within reach of the base; a one-night household moves into the stays programme as
/// itself; a household in an agreed stay is never matched for one night.
/// </summary>
public sealed class BetweenProgrammesTests : OwnApiTest
{
    private static readonly Instant Tonight = Instant.FromUtc(2026, 11, 26, 17, 0);

    private static JsonObject Guest(string alias, string region, double latitude = 48.8986, double longitude = 2.3592) =>
        Guest(alias, [region], latitude, longitude);

    private static JsonObject Guest(string alias, string[] regions, double latitude = 48.8986, double longitude = 2.3592) => new()
    {
        ["alias"] = alias,
        ["members"] = new JsonArray(new JsonObject { ["age"] = 35, ["sex"] = "female" }, new JsonObject { ["age"] = 8, ["sex"] = "male" }),
        ["needFrom"] = "2026-11-26",
        ["regions"] = new JsonArray(regions.Select(r => (JsonNode)r).ToArray()),
        ["waitingAt"] = "Porte de la Chapelle",
        ["latitude"] = latitude,
        ["longitude"] = longitude,
    };

    private async Task<JsonObject> PostAsync(string path, JsonNode body)
    {
        var response = await Client.PostAsJsonAsync(path, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadObjectAsync();
    }

    private async Task PlanAsync(string? region = null)
    {
        var body = new JsonObject { ["from"] = "2026-11-26", ["until"] = "2026-12-10" };
        if (region is not null)
        {
            body["region"] = region;
        }

        var response = await Client.PostAsJsonAsync("/api/v1/stays/plan", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<List<ShelterRequest>> RequestsOfAsync(JsonObject guest) => RequestsOfAsync(guest["householdId"]!.GetValue<Guid>());

    private async Task<List<ShelterRequest>> RequestsOfAsync(Guid household)
    {
        await using var db = Api.Database.NewContext();
        return await db.Requests.AsNoTracking().Where(r => r.HouseholdId == household).OrderBy(r => r.Night).ToListAsync();
    }

    [Fact]
    public async Task UncoveredNightsOfGuestsWaitingNearTheBaseBecomeOneNightRequestsOfTheSameHouseholdOnceWithTheirNightsWithoutShelter()
    {
        Api.Clock.Reset(Tonight);
        var paris = await PostAsync("/api/v1/stays/guests", Guest("Famille P.", "ile-de-france"));
        var faraway = await PostAsync("/api/v1/stays/guests", Guest("Famille R.", "ile-de-france", 48.11, -1.68));
        // Waiting at the base for a stay in Bretagne: the one-night programme's until a stay starts (before, nobody's).
        var breton = await PostAsync("/api/v1/stays/guests", Guest("Famille B.", "bretagne"));
        var inRennes = await PostAsync("/api/v1/stays/guests", Guest("Famille J.", "bretagne", 48.11, -1.68));

        await PlanAsync();

        // Tonight and the 7 nights the one-night programme takes, nothing after: 26 November to 3 December.
        var requests = await RequestsOfAsync(paris);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => new LocalDate(2026, 11, 26).PlusDays(i)), requests.Select(r => r.Night));
        Assert.Equal(Enumerable.Range(0, 8), requests.Select(r => r.NightsWithoutShelter));
        Assert.All(requests, r => Assert.Equal(RequestStatus.Waiting, r.Status));
        Assert.Equal(requests.Select(r => r.Night), (await RequestsOfAsync(breton)).Select(r => r.Night));
        Assert.Empty(await RequestsOfAsync(faraway));
        Assert.Empty(await RequestsOfAsync(inRennes));

        // The night coordinators see it among tonight's requests, as its own household.
        var tonight = await (await Client.GetAsync("/api/v1/nights/2026-11-26/requests")).ReadArrayAsync();
        var seen = Assert.Single(tonight, r => (string?)r!["alias"] == "Famille P.")!;
        Assert.Equal(paris["householdId"]!.GetValue<Guid>(), seen["householdId"]!.GetValue<Guid>());

        // Planning again registers nothing twice.
        await PlanAsync();
        Assert.Equal(requests.Select(r => r.Id), (await RequestsOfAsync(paris)).Select(r => r.Id));
    }

    [Fact]
    public async Task AOneNightHouseholdMovesIntoTheStaysProgrammeAsItself_TheNightsItWaitedCarried()
    {
        // Famille T. had waited two nights without shelter when it asked, in vain, for last night.
        Api.Clock.Reset(Tonight - Duration.FromDays(1));
        var family = Builders.Family("Famille T.");
        family["nightsWithoutShelter"] = 2;
        var request = await PostAsync("/api/v1/nights/2026-11-25/requests", family);
        var household = request["householdId"]!.GetValue<Guid>();
        Api.Clock.Reset(Tonight);
        var need = new JsonObject
        {
            ["householdId"] = household, ["needFrom"] = "2026-11-26", ["regions"] = new JsonArray("bretagne"),
            ["waitingAt"] = "Porte de la Chapelle", ["latitude"] = 48.8986, ["longitude"] = 2.3592,
        };

        var guest = await PostAsync("/api/v1/stays/guests", need);
        Assert.Equal(household, guest["householdId"]!.GetValue<Guid>());
        Assert.Equal("Famille T.", (string?)guest["alias"]);

        // No stay host anywhere: tonight and the next nights are the same household's, the nights it waited carried.
        await PlanAsync();
        var requests = await RequestsOfAsync(guest);
        Assert.Equal(Enumerable.Range(0, 9).Select(i => new LocalDate(2026, 11, 25).PlusDays(i)), requests.Select(r => r.Night));
        Assert.Equal(request["id"]!.GetValue<Guid>(), requests[0].Id);
        Assert.Equal(2, requests[0].NightsWithoutShelter);
        Assert.Equal(Enumerable.Range(3, 8), requests.Skip(1).Select(r => r.NightsWithoutShelter));

        // Once is enough; the household's own fields are not typed again; an unknown household is named.
        var twice = await Client.PostAsJsonAsync("/api/v1/stays/guests", need);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("guest-already-registered", (string?)(await twice.ReadObjectAsync())["code"]);
        var retyped = (JsonObject)need.DeepClone();
        retyped["alias"] = "Famille X.";
        retyped["vulnerable"] = true;
        var refused = await Client.PostAsJsonAsync("/api/v1/stays/guests", retyped);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["alias", "vulnerable"], (await refused.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).Order());
        var unknown = (JsonObject)need.DeepClone();
        unknown["householdId"] = Guid.NewGuid();
        var missing = await Client.PostAsJsonAsync("/api/v1/stays/guests", unknown);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(["householdId"], (await missing.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task APartnersReferralThatLeftOutWhereTheGuestWaitsIsTakenInOnlyWhenItMayStayInIleDeFrance()
    {
        Api.Clock.Reset(Tonight);
        var (partner, _) = await Api.CreatePartnerAsync("Maraude Nord");
        async Task<Guid> ReferAsync(string region, bool located)
        {
            var body = StaysReferralTests.Referral($"K. ({region}{(located ? ", at the base" : "")})");
            body["regions"] = new JsonArray(region);
            if (located)
            {
                (body["waitingAt"], body["latitude"], body["longitude"]) = ("Porte de la Chapelle", 48.8986, 2.3592);
            }

            var created = await StaysReferralTests.PostAsync(partner, body);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.ReadObjectAsync())["id"]!.GetValue<Guid>();
            await using var db = Api.Database.NewContext();
            return (await db.StayGuests.SingleAsync(g => g.Id == id)).HouseholdId;
        }

        // Referred for Bretagne without a place: perhaps in Rennes, not taken to Paris. Said to be at the base, or may
        // stay in Île-de-France (the base a fair guess): the one-night programme's until a stay starts.
        var unknown = await ReferAsync("bretagne", located: false);
        var atTheBase = await ReferAsync("bretagne", located: true);
        var parisian = await ReferAsync("ile-de-france", located: false);
        await PlanAsync();
        Assert.Empty(await RequestsOfAsync(unknown));
        Assert.Equal(8, (await RequestsOfAsync(atTheBase)).Count);
        Assert.Equal(8, (await RequestsOfAsync(parisian)).Count);
    }

    [Fact]
    public async Task AMovedHouseholdsOwnRequestsAreWithdrawnForItsAgreedStayWhereverItWaits_AndItsExitLeavesThePartnersReferralsAlone()
    {
        Api.Clock.Reset(Tonight);
        var (partner, _) = await Api.CreatePartnerAsync("Maraude Nord");
        var first = await (await partner.PostAsJsonAsync("/api/v1/referrals", Builders.Referral("Famille P."))).ReadObjectAsync();
        Assert.Single((await (await Client.PostAsync("/api/v1/nights/2026-11-26/matching", null)).ReadObjectAsync())["unplaced"]!.AsArray());
        var second = await (await partner.PostAsync($"/api/v1/referrals/{first["id"]}/again", null)).ReadObjectAsync();
        await partner.PostAsync($"/api/v1/referrals/{second["id"]}/again", null);
        var household = (await (await Client.GetAsync($"/api/v1/requests/{first["id"]}")).ReadObjectAsync())["householdId"]!.GetValue<Guid>();

        // Moved into the stays programme while it waits in Rennes (no one-night nights registered for it), with a stay agreed
        // in Bretagne for the 26th and the 27th.
        var guest = await PostAsync("/api/v1/stays/guests", new JsonObject
        {
            ["householdId"] = household, ["needFrom"] = "2026-11-26", ["regions"] = new JsonArray("bretagne"),
            ["waitingAt"] = "Rennes", ["latitude"] = 48.11, ["longitude"] = -1.68,
        });
        var stayHostId = (await PostAsync("/api/v1/hosts", Builders.StaysHost("k-1", "2026-11-26", "2026-11-30", "bretagne", 48.11, -1.68)))["id"]!
            .GetValue<Guid>();
        await using (var db = Api.Database.NewContext())
        {
            var stay = Stay.Propose(guest["id"]!.GetValue<Guid>(), stayHostId,
                NightPeriod.Create(new LocalDate(2026, 11, 26), new LocalDate(2026, 11, 28)), 0, null, Tonight);
            stay.Confirm(Tonight);
            db.Stays.Add(stay);
            await db.SaveChangesAsync();
        }

        await PlanAsync();
        Assert.Equal([RequestStatus.Cancelled, RequestStatus.Cancelled, RequestStatus.Waiting], (await RequestsOfAsync(guest)).Select(r => r.Status));

        // Its exit from the 28th leaves the partner's referral for that night waiting: the partner's to withdraw.
        var ended = await Client.PostAsJsonAsync($"/api/v1/stays/guests/{guest["id"]}/end", new JsonObject { ["outcome"] = "other", ["until"] = "2026-11-28" });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(RequestStatus.Waiting, (await RequestsOfAsync(guest))[2].Status);

        // And it cannot come back as itself: the refusal says so.
        var again = await Client.PostAsJsonAsync("/api/v1/stays/guests", new JsonObject
        {
            ["householdId"] = household, ["needFrom"] = "2026-11-28", ["waitingAt"] = "Rennes", ["latitude"] = 48.11, ["longitude"] = -1.68,
        });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("left the stays programme", (string?)(await again.ReadObjectAsync())["title"]);
    }

    [Theory]
    [InlineData("ase-place", true)]
    [InlineData("recognised-minor", true)]
    [InlineData("left-without-news", true)]
    [InlineData("not-recognised", false)]
    [InlineData("adult-orientation", false)]
    [InlineData("other", false)]
    public async Task AnExitWithdrawsTheOneNightRequestsOnlyWhenTheHouseholdHasARoofOrLeft(string outcome, bool withdrawn)
    {
        Api.Clock.Reset(Tonight);
        var guest = await PostAsync("/api/v1/stays/guests", Guest("Famille P.", "ile-de-france"));
        await PlanAsync();
        var ended = await Client.PostAsJsonAsync($"/api/v1/stays/guests/{guest["id"]}/end", new JsonObject { ["outcome"] = outcome, ["until"] = "2026-11-28" });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);

        // The nights before the exit's morning are untouched; from it on, withdrawn or still the night coordinators'.
        var requests = await RequestsOfAsync(guest);
        Assert.Equal(8, requests.Count);
        Assert.All(requests.Take(2), r => Assert.Equal(RequestStatus.Waiting, r.Status));
        Assert.All(requests.Skip(2), r => Assert.Equal(withdrawn ? RequestStatus.Cancelled : RequestStatus.Waiting, r.Status));
    }

    [Fact]
    public async Task ARegionsPlanSpeaksOnlyForTheGuestsItSawEveryHostOf()
    {
        Api.Clock.Reset(Tonight);
        var breton = await PostAsync("/api/v1/stays/guests", Guest("Famille B.", "bretagne"));
        var bretonOrNordiste = await PostAsync("/api/v1/stays/guests", Guest("Famille D.", ["bretagne", "nord"]));
        var parisian = await PostAsync("/api/v1/stays/guests", Guest("Famille P.", ["ile-de-france", "nord"]));

        // Bretagne's plan saw every host of the first; the second may be covered in Nord, which it did not see.
        await PlanAsync("bretagne");
        Assert.Equal(8, (await RequestsOfAsync(breton)).Count);
        Assert.Empty(await RequestsOfAsync(bretonOrNordiste));
        Assert.Empty(await RequestsOfAsync(parisian));

        // Île-de-France's plan speaks for a guest who may stay there, as before; the plan of all regions for everyone.
        await PlanAsync("ile-de-france");
        Assert.Empty(await RequestsOfAsync(bretonOrNordiste));
        Assert.Equal(8, (await RequestsOfAsync(parisian)).Count);
        await PlanAsync();
        Assert.Equal(8, (await RequestsOfAsync(bretonOrNordiste)).Count);
        Assert.Equal(8, (await RequestsOfAsync(breton)).Count);
    }

    [Fact]
    public async Task AsTheDaysPass_TheLatestPlansUncoveredNightsEnteringTheWeekAhead_BecomeRequests_WithoutAnotherPlan()
    {
        Api.Clock.Reset(Tonight);
        var paris = await PostAsync("/api/v1/stays/guests", Guest("Famille P.", "ile-de-france"));
        await PlanAsync();
        Assert.Equal(new LocalDate(2026, 12, 3), (await RequestsOfAsync(paris)).Max(r => r.Night));

        // Two days later, nobody planned again: the stays worker's round carries the 4th and the 5th.
        Api.Clock.Advance(Duration.FromDays(2));
        await using (var scope = Api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(new Application.Stays.SettleStays());
        }

        var requests = await RequestsOfAsync(paris);
        Assert.Equal(new LocalDate(2026, 12, 5), requests.Max(r => r.Night));
        Assert.Equal(requests.Count, requests.Select(r => r.Night).Distinct().Count());
    }

    [Fact]
    public async Task AHouseholdInAnAgreedStayIsNeverMatchedForOneNightAndItsRequestsForThoseNightsAreWithdrawn()
    {
        Api.Clock.Reset(Tonight);
        await PostAsync("/api/v1/hosts", Builders.Host("h-1"));
        var stayHost = Builders.StaysHost("k-1", "2026-11-26", "2026-11-29", "ile-de-france", 48.85, 2.35);
        var stayHostId = (await PostAsync("/api/v1/hosts", stayHost))["id"]!.GetValue<Guid>();
        var guest = await PostAsync("/api/v1/stays/guests", Guest("Famille P.", "ile-de-france"));
        await PlanAsync();
        var other = await PostAsync("/api/v1/nights/2026-11-26/requests", Builders.Family("Famille N."));

        // The coordinators agreed a stay from tonight to the morning of the 29th.
        await using (var db = Api.Database.NewContext())
        {
            var stay = Stay.Propose(guest["id"]!.GetValue<Guid>(), stayHostId,
                NightPeriod.Create(new LocalDate(2026, 11, 26), new LocalDate(2026, 11, 29)), 0, null, Tonight);
            stay.Confirm(Tonight);
            db.Stays.Add(stay);
            await db.SaveChangesAsync();
        }

        var tonightsRequest = (await RequestsOfAsync(guest))[0];
        var run = await (await Client.PostAsync("/api/v1/nights/2026-11-26/matching", null)).ReadObjectAsync();
        var proposed = Assert.Single(run["proposals"]!.AsArray())!;
        Assert.Equal((string?)other["id"], (string?)proposed["requestId"]);
        Assert.DoesNotContain(run["unplaced"]!.AsArray(), u => u!["requestId"]!.GetValue<Guid>() == tonightsRequest.Id);

        await PlanAsync();
        var requests = await RequestsOfAsync(guest);
        Assert.Equal([RequestStatus.Cancelled, RequestStatus.Cancelled, RequestStatus.Cancelled], requests.Take(3).Select(r => r.Status));
        Assert.All(requests.Skip(3), r => Assert.Equal(RequestStatus.Waiting, r.Status));
    }

    [Fact]
    public async Task WhenTheAgreedStayIsCalledOff_TheNightsItHadWithdrawnAreInTheOneNightPoolAgain_OtherCancellationsStayFinal()
    {
        Api.Clock.Reset(Tonight);
        var stayHostId = (await PostAsync("/api/v1/hosts", Builders.StaysHost("k-1", "2026-11-27", "2026-11-30", "ile-de-france", 48.85, 2.35)))["id"]!
            .GetValue<Guid>();
        var guest = await PostAsync("/api/v1/stays/guests", Guest("Famille P.", "ile-de-france"));
        await PlanAsync();

        // A stay agreed for the nights of the 27th and the 28th; a coordinator withdrew the request of the 2nd by hand.
        Guid stayId;
        await using (var db = Api.Database.NewContext())
        {
            var stay = Stay.Propose(guest["id"]!.GetValue<Guid>(), stayHostId,
                NightPeriod.Create(new LocalDate(2026, 11, 27), new LocalDate(2026, 11, 29)), 0, null, Tonight);
            stay.Confirm(Tonight);
            db.Stays.Add(stay);
            stayId = stay.Id;
            var household = guest["householdId"]!.GetValue<Guid>();
            (await db.Requests.SingleAsync(r => r.HouseholdId == household && r.Night == new LocalDate(2026, 12, 2))).Cancel(Tonight);
            await db.SaveChangesAsync();
        }

        await PlanAsync();
        var withdrawn = (await RequestsOfAsync(guest)).Where(r => r.Status == RequestStatus.Cancelled).ToList();
        Assert.Equal([new LocalDate(2026, 11, 27), new LocalDate(2026, 11, 28), new LocalDate(2026, 12, 2)], withdrawn.Select(r => r.Night));
        Assert.Equal([true, true, false], withdrawn.Select(r => r.WithdrawnForStay));

        // The host calls the stay off (ANNULE, the morning before): the next plan puts those two nights back in the pool.
        await using (var db = Api.Database.NewContext())
        {
            (await db.Stays.SingleAsync(s => s.Id == stayId)).CancelByHost(Tonight);
            await db.SaveChangesAsync();
        }

        await PlanAsync();
        var requests = (await RequestsOfAsync(guest)).ToDictionary(r => r.Night);
        Assert.Equal(RequestStatus.Waiting, requests[new LocalDate(2026, 11, 27)].Status);
        Assert.Equal(RequestStatus.Waiting, requests[new LocalDate(2026, 11, 28)].Status);
        Assert.False(requests[new LocalDate(2026, 11, 27)].WithdrawnForStay);
        // Tonight without shelter, then the 27th: its nights without shelter count tonight again.
        Assert.Equal(1, requests[new LocalDate(2026, 11, 27)].NightsWithoutShelter);
        Assert.Equal(RequestStatus.Cancelled, requests[new LocalDate(2026, 12, 2)].Status);
        Assert.Equal(8, requests.Count);

        // And the night coordinators see the household among the 27th's requests.
        var night = await (await Client.GetAsync("/api/v1/nights/2026-11-27/requests")).ReadArrayAsync();
        Assert.Contains(night, r => (string?)r!["alias"] == "Famille P." && (string?)r["status"] == "waiting");
    }
}
