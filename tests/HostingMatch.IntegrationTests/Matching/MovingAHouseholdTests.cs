using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Requests;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.IntegrationTests.Matching;

/// <summary>A coordinator moves a household by hand to another host; each test gets its own database.</summary>
public sealed class MovingAHouseholdTests : OwnApiTest
{
    private const string Night = "2026-11-26";
    private async Task<Guid> AddHost(string code, int beds = 3, string[]? accepts = null, bool minorsCertified = false,
        Action<JsonObject>? change = null)
    {
        var body = Builders.Host(code, beds, accepts ?? ["family", "women"], minorsCertified);
        change?.Invoke(body);
        var response = await Client.PostAsJsonAsync("/api/v1/hosts", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (Guid)(await response.ReadObjectAsync())["id"]!;
    }

    private async Task<Guid> AddRequest(string alias, (int Age, string Sex)[] members, bool needsWheelchairAccess = false, string night = Night)
    {
        var response = await Client.PostAsJsonAsync($"/api/v1/nights/{night}/requests", new
        {
            alias,
            needsWheelchairAccess,
            members = members.Select(m => new { age = m.Age, sex = m.Sex }),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (Guid)(await response.ReadObjectAsync())["id"]!;
    }

    private Task<Guid> AddFamily(string alias, bool needsWheelchairAccess = false) =>
        AddRequest(alias, [(31, "female"), (6, "male")], needsWheelchairAccess);

    private Task<HttpResponseMessage> Move(Guid request, Guid host) =>
        Client.PostAsJsonAsync($"/api/v1/nights/{Night}/requests/{request}/placement", new { hostId = host });

    private async Task<JsonArray> Hosts(Guid request)
    {
        var response = await Client.GetAsync($"/api/v1/nights/{Night}/requests/{request}/hosts");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadArrayAsync();
    }

    private async Task<string> NightRequests() => await Client.GetStringAsync($"/api/v1/nights/{Night}/requests");

    private async Task AssertRefused(Guid request, Guid host, string code)
    {
        var before = await NightRequests();
        var response = await Move(request, host);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.Equal(code, (string?)problem["code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]));
        Assert.Equal(before, await NightRequests());
    }

    private async Task<Guid> AddOffer(Guid request, Guid host, Action<Offer> answer)
    {
        await using var db = Api.Database.NewContext();
        var stored = await db.Requests.SingleAsync(r => r.Id == request);
        var offer = Offer.Create(new LocalDate(2026, 11, 26), request, stored.HouseholdId, host, ApiFactory.DefaultNow, Duration.FromMinutes(20));
        answer(offer);
        db.Offers.Add(offer);
        await db.SaveChangesAsync();
        return offer.Id;
    }

    [Fact]
    public async Task MovingAWaitingHouseholdToACompatibleHostProposesItThere()
    {
        var host = await AddHost("h-ok");
        var family = await AddFamily("Famille A.");

        var response = await Move(family, host);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var proposal = await response.ReadObjectAsync();
        Assert.Equal(family, (Guid)proposal["requestId"]!);
        Assert.Equal(host, (Guid)proposal["hostId"]!);
        Assert.Equal("h-ok", (string?)proposal["hostCode"]);
        Assert.Equal("Claire", (string?)proposal["hostName"]);
        Assert.Equal(2, (int)proposal["people"]!);
        Assert.Equal(1, (int)proposal["tier"]!);
        Assert.Equal("Famille A.", (string?)proposal["alias"]);
        var listed = (await (await Client.GetAsync($"/api/v1/nights/{Night}/requests")).ReadArrayAsync()).Single()!;
        Assert.Equal("proposed", (string?)listed["status"]);
        Assert.Equal(host, (Guid)listed["hostId"]!);
    }

    [Fact]
    public async Task MovingAProposedHouseholdTakesItFromItsHostAndFreesTheBeds()
    {
        var near = await AddHost("near", change: h => h["latitude"] = 48.8900);
        var far = await AddHost("far", change: h => h["latitude"] = 48.8300);
        var family = await AddFamily("Famille B.");
        var run = await (await Client.PostAsync($"/api/v1/nights/{Night}/matching", null)).ReadObjectAsync();
        Assert.Equal(near, (Guid)run["proposals"]!.AsArray().Single()!["hostId"]!);

        Assert.Equal(HttpStatusCode.OK, (await Move(family, far)).StatusCode);

        var listed = (await (await Client.GetAsync($"/api/v1/nights/{Night}/requests")).ReadArrayAsync()).Single()!;
        Assert.Equal(far, (Guid)listed["hostId"]!);
        var hosts = await Hosts(family);
        var nearNow = hosts.Single(h => (string?)h!["code"] == "near")!;
        Assert.Equal(3, (int)nearNow["bedsFree"]!);
        Assert.Equal(1, (int)nearNow["householdsFree"]!);
        Assert.True((bool)nearNow["allowed"]!);
        Assert.Equal("same-host", (string?)hosts.Single(h => (string?)h!["code"] == "far")!["reasonCode"]);
    }

    [Fact]
    public async Task TheHostsListGivesEachHostTheFirstRuleItBreaksAndPostingAgreesWithIt()
    {
        static void Accessible(JsonObject h) => h["wheelchairAccessible"] = true;
        var family = await AddFamily("Famille C.", needsWheelchairAccess: true);
        var other = await AddFamily("Famille D.");
        var woman = await AddRequest("Mme E.", [(40, "female")]);
        var expected = new Dictionary<string, string?>
        {
            ["ok"] = null,
            ["away"] = "host-not-available",
            ["expired"] = "host-not-available",
            ["no-families"] = "category-not-accepted",
            ["steps"] = "no-wheelchair-access",
            ["far"] = "too-far",
            ["small"] = "not-enough-beds",
            ["full"] = "too-many-households",
            ["mixed"] = "mixed-categories",
            ["refused"] = "host-refused-tonight",
            ["current"] = "same-host",
        };
        var ids = new Dictionary<string, Guid>
        {
            ["ok"] = await AddHost("ok", change: Accessible),
            ["away"] = await AddHost("away", change: h => { Accessible(h); h["weeklyDays"] = new JsonArray("monday"); }),
            ["expired"] = await AddHost("expired", change: h =>
            {
                Accessible(h);
                h["agreement"] = new JsonObject { ["signedOn"] = "2025-10-01", ["validFrom"] = "2025-11-01", ["validUntil"] = "2026-11-25" };
            }),
            ["no-families"] = await AddHost("no-families", accepts: ["women"], change: Accessible),
            ["steps"] = await AddHost("steps"),
            ["far"] = await AddHost("far", change: h => { Accessible(h); h["latitude"] = 49.6; }),
            ["small"] = await AddHost("small", beds: 1, change: Accessible),
            ["full"] = await AddHost("full", beds: 5, change: Accessible),
            ["mixed"] = await AddHost("mixed", beds: 5, change: h => { Accessible(h); h["maxHouseholds"] = 2; }),
            ["refused"] = await AddHost("refused", change: Accessible),
            ["current"] = await AddHost("current", change: Accessible),
        };
        Assert.Equal(HttpStatusCode.OK, (await Move(other, ids["full"])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Move(woman, ids["mixed"])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Move(family, ids["current"])).StatusCode);
        await AddOffer(family, ids["refused"], o => o.Decline(ApiFactory.DefaultNow));

        var hosts = await Hosts(family);

        Assert.Equal(expected.Count, hosts.Count);
        foreach (var host in hosts.Select(h => h!.AsObject()))
        {
            var code = (string)host["code"]!;
            Assert.Equal(ids[code], (Guid)host["hostId"]!);
            Assert.Equal(expected[code], (string?)host["reasonCode"]);
            Assert.Equal(expected[code] is null, (bool)host["allowed"]!);
            Assert.Equal(expected[code] is null, host["reason"] is null);
            Assert.Equal("Claire", (string?)host["name"]);
            Assert.True((int)host["travelMinutes"]! > 0);
        }

        Assert.Equal("ok", (string?)hosts[0]!["code"]);
        Assert.Equal((3, 0), ((int)Host("full")["bedsFree"]!, (int)Host("full")["householdsFree"]!));
        Assert.Equal((4, 1), ((int)Host("mixed")["bedsFree"]!, (int)Host("mixed")["householdsFree"]!));
        Assert.Equal((3, 1), ((int)Host("current")["bedsFree"]!, (int)Host("current")["householdsFree"]!));

        // Every refused host refuses the move with its code and changes nothing; then the allowed one takes it.
        foreach (var host in hosts.Select(h => h!.AsObject()).Where(h => !(bool)h["allowed"]!))
        {
            await AssertRefused(family, (Guid)host["hostId"]!, (string)host["reasonCode"]!);
        }

        Assert.Equal(HttpStatusCode.OK, (await Move(family, ids["ok"])).StatusCode);

        JsonObject Host(string code) => hosts.Single(h => (string?)h!["code"] == code)!.AsObject();
    }

    [Fact]
    public async Task MovingAMinorToAnUncertifiedHostIsRefusedAndChangesNothing()
    {
        var plain = await AddHost("plain", accepts: ["minor"]);
        var certified = await AddHost("certified", accepts: ["minor"], minorsCertified: true);
        var minor = await AddRequest("Mineur F.", [(15, "male")]);

        await AssertRefused(minor, plain, "minors-need-certified-host");

        Assert.Equal(HttpStatusCode.OK, (await Move(minor, certified)).StatusCode);
    }

    [Fact]
    public async Task MovingAHouseholdWhoseOfferWentOutIsRefusedUntilTheOfferIsCancelled()
    {
        var first = await AddHost("first");
        var second = await AddHost("second");
        var family = await AddFamily("Famille G.");
        Assert.Equal(HttpStatusCode.OK, (await Move(family, first)).StatusCode);
        var offer = await AddOffer(family, first, _ => { });

        await AssertRefused(family, second, "offer-already-sent");
        Assert.True((bool)(await Hosts(family)).Single(h => (Guid)h!["hostId"]! == second)!["allowed"]!);

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/v1/offers/{offer}/cancel", null)).StatusCode);
        await AssertRefused(family, first, "host-refused-tonight");
        Assert.Equal(HttpStatusCode.OK, (await Move(family, second)).StatusCode);
    }

    [Fact]
    public async Task MovingAConfirmedOrCancelledHouseholdIsRefused()
    {
        var first = await AddHost("first");
        var second = await AddHost("second");
        var confirmed = await AddFamily("Famille H.");
        var cancelled = await AddFamily("Famille I.");
        Assert.Equal(HttpStatusCode.OK, (await Move(confirmed, first)).StatusCode);
        await using (var db = Api.Database.NewContext())
        {
            (await db.Requests.SingleAsync(r => r.Id == confirmed)).Confirm(ApiFactory.DefaultNow);
            (await db.Requests.SingleAsync(r => r.Id == cancelled)).Cancel(ApiFactory.DefaultNow);
            await db.SaveChangesAsync();
        }

        await AssertRefused(confirmed, second, "already-placed");
        await AssertRefused(cancelled, second, "request-cancelled");
    }

    [Fact]
    public async Task UnknownRequestsHostsAndRequestsOfAnotherNightGive404()
    {
        var host = await AddHost("h");
        var family = await AddFamily("Famille J.");
        var tomorrow = await AddRequest("Famille K.", [(31, "female"), (6, "male")], night: "2026-11-27");

        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/v1/nights/{Night}/requests/{Guid.NewGuid()}/hosts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/v1/nights/{Night}/requests/{tomorrow}/hosts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Move(Guid.NewGuid(), host)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Move(tomorrow, host)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Move(family, Guid.NewGuid())).StatusCode);
    }

    [Fact]
    public async Task MovingWithoutAHostIdGivesProblemDetailsOnTheField()
    {
        var family = await AddFamily("Famille L.");

        var response = await Client.PostAsJsonAsync($"/api/v1/nights/{Night}/requests/{family}/placement", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("hostId", (await response.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task MovingWhileARunHoldsTheNightGives409MatchingInProgress()
    {
        var host = await AddHost("h");
        var family = await AddFamily("Famille M.");
        await using var held = await Api.Database.HoldMatchingLockAsync(new DateOnly(2026, 11, 26));

        await AssertRefused(family, host, "matching-in-progress");
    }

    [Fact]
    public async Task TwoCoordinatorsMovingTwoHouseholdsToTheLastPlaceAtOnceNeverBothSucceed()
    {
        var host = await AddHost("last", beds: 5);
        var families = new[] { await AddFamily("Famille N."), await AddFamily("Famille O."), await AddFamily("Famille P.") };

        var responses = await Task.WhenAll(families.Select(f => Move(f, host)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        await using var db = Api.Database.NewContext();
        Assert.Single(await db.Requests.Where(r => r.Status == RequestStatus.Proposed).ToListAsync());
    }
}
