using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Requests;
using HostingMatch.Domain.Sms;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.IntegrationTests.Matching;

/// <summary>Each test gets its own database: a night's matching sees every host and request in it.</summary>
public sealed class NightlyMatchingTests : OwnApiTest
{
    private const string Night = "2026-11-26";
    private async Task<Guid> AddHost(string code, int beds, string[] accepts, bool minorsCertified = false, double latitude = 48.8530)
    {
        var body = Builders.Host(code, beds, accepts, minorsCertified);
        body["latitude"] = latitude;
        var response = await Client.PostAsJsonAsync("/api/v1/hosts", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (Guid)(await response.ReadObjectAsync())["id"]!;
    }

    private async Task<Guid> AddRequest(string alias, params (int Age, string Sex)[] members)
    {
        var response = await Client.PostAsJsonAsync($"/api/v1/nights/{Night}/requests", new
        {
            alias,
            members = members.Select(m => new { age = m.Age, sex = m.Sex }),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (Guid)(await response.ReadObjectAsync())["id"]!;
    }

    private async Task<JsonObject> RunMatching()
    {
        var response = await Client.PostAsync($"/api/v1/nights/{Night}/matching", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadObjectAsync();
    }

    [Fact]
    public async Task RunningTheMatchingProposesCertifiedHostsToMinorsAndExplainsWhoIsLeft()
    {
        var certified = await AddHost("cert", 2, ["minor", "men"], minorsCertified: true);
        await AddHost("plain", 2, ["minor", "men"]);
        var minor = await AddRequest("Mineur A.", (15, "male"));
        await AddRequest("M. B.", (40, "male"));
        var tooBig = await AddRequest("Groupe C.", (30, "male"), (31, "male"), (32, "male"));

        var run = await RunMatching();

        Assert.True((bool)run["optimal"]!);
        var proposals = run["proposals"]!.AsArray();
        Assert.Equal(certified, (Guid)proposals.Single(p => (Guid)p!["requestId"]! == minor)!["hostId"]!);
        Assert.Equal(2, proposals.Count);
        var left = run["unplaced"]!.AsArray().Single()!;
        Assert.Equal(tooBig, (Guid)left["requestId"]!);
        Assert.Equal("too-large", (string?)left["reason"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)left["detail"]));

        var requests = await (await Client.GetAsync($"/api/v1/nights/{Night}/requests")).ReadArrayAsync();
        Assert.Equal("proposed", (string?)requests.Single(r => (Guid)r!["id"]! == minor)!["status"]);
        Assert.Equal("unplaced", (string?)requests.Single(r => (Guid)r!["id"]! == tooBig)!["status"]);
        Assert.Equal("too-large", (string?)requests.Single(r => (Guid)r!["id"]! == tooBig)!["unplacedReason"]);
    }

    [Fact]
    public async Task ARerunNeverMovesAConfirmedPlacementAndCountsItsBeds()
    {
        var host = await AddHost("only", 3, ["family", "women"]);
        var first = await AddRequest("Famille D.", (30, "female"), (5, "male"));
        await RunMatching();
        await using (var db = Api.Database.NewContext())
        {
            var request = await db.Requests.SingleAsync(r => r.Id == first);
            request.Confirm(ApiFactory.DefaultNow);
            await db.SaveChangesAsync();
        }

        // A second family arrives; the only host's single household slot is taken by the confirmed one.
        var second = await AddRequest("Famille E.", (25, "female"), (2, "female"));
        var run = await RunMatching();

        Assert.Equal(1, (int)run["keptPlacements"]!);
        Assert.Empty(run["proposals"]!.AsArray());
        var left = run["unplaced"]!.AsArray().Single()!;
        Assert.Equal(second, (Guid)left["requestId"]!);

        // The spec's no-compatible-host and too-large count every bed free: the host would take this family on an
        // empty night, so it is outranked, by a placement kept from earlier, and the stored reason says so too.
        Assert.Equal("outranked", (string?)left["reason"]);
        Assert.Contains("already placed", (string?)left["detail"]);
        await using var check = Api.Database.NewContext();
        Assert.Equal("outranked", (await check.Requests.SingleAsync(r => r.Id == second)).UnplacedReason);
        var confirmed = await check.Requests.SingleAsync(r => r.Id == first);
        Assert.Equal(RequestStatus.Confirmed, confirmed.Status);
        Assert.Equal(host, confirmed.HostId);
    }

    [Fact]
    public async Task AHostWhoDeclinedAHouseholdIsNotProposedItAgainTonight()
    {
        var near = await AddHost("near", 2, ["men"], latitude: 48.8900);
        var far = await AddHost("far", 2, ["men"], latitude: 48.8300);
        var man = await AddRequest("M. F.", (40, "male"));
        var firstRun = await RunMatching();
        Assert.Equal(near, (Guid)firstRun["proposals"]!.AsArray().Single()!["hostId"]!);

        await using (var db = Api.Database.NewContext())
        {
            var request = await db.Requests.SingleAsync(r => r.Id == man);
            var offer = Offer.Create(new LocalDate(2026, 11, 26), man, request.HouseholdId, near, ApiFactory.DefaultNow, Duration.FromMinutes(20));
            offer.Decline(ApiFactory.DefaultNow);
            db.Offers.Add(offer);
            request.ReturnToPool(ApiFactory.DefaultNow);
            await db.SaveChangesAsync();
        }

        var rerun = await RunMatching();
        Assert.Equal(far, (Guid)rerun["proposals"]!.AsArray().Single()!["hostId"]!);
    }

    [Theory]
    [InlineData("declined", true)]
    [InlineData("expired", true)]
    [InlineData("expired, its SMS never sent", false)]
    [InlineData("expired, its SMS undelivered", false)]
    public async Task AHostWhoSaidNoOrDidNotAnswerTonightIsOfferedNobodyElseTonight(string how, bool outTonight)
    {
        var near = await AddHost("near", 2, ["men"], latitude: 48.8900);
        var far = await AddHost("far", 2, ["men"], latitude: 48.8300);
        var first = await AddRequest("M. F.", (40, "male"));
        Assert.Equal(near, (Guid)(await RunMatching())["proposals"]!.AsArray().Single()!["hostId"]!);
        await using (var db = Api.Database.NewContext())
        {
            var request = await db.Requests.SingleAsync(r => r.Id == first);
            var offer = Offer.Create(new LocalDate(2026, 11, 26), first, request.HouseholdId, near, ApiFactory.DefaultNow, Duration.FromMinutes(20));
            if (how == "declined")
            {
                offer.Decline(ApiFactory.DefaultNow);
            }
            else
            {
                offer.Expire(ApiFactory.DefaultNow.Plus(Duration.FromMinutes(21)));
            }

            var sms = OutboundSms.Create("+33600000001", "Bonsoir ...", SmsKind.Offer, near, offer.Id, ApiFactory.DefaultNow);
            if (how != "expired, its SMS never sent")
            {
                sms.MarkSent("SM" + Guid.NewGuid().ToString("N"), how == "expired, its SMS undelivered" ? "undelivered" : "delivered", ApiFactory.DefaultNow);
            }

            db.OutboundSms.Add(sms);
            db.Offers.Add(offer);
            request.ReturnToPool(ApiFactory.DefaultNow);
            await db.SaveChangesAsync();
        }

        // Another man arrives: a host who said no (or nothing) tonight is not asked again, for anyone; one whose offer
        // never reached him is, for the newcomer (not for the first man: that offer was his).
        var second = await AddRequest("M. H.", (30, "male"));
        var rerun = await RunMatching();

        var proposals = rerun["proposals"]!.AsArray();
        if (outTonight)
        {
            Assert.All(proposals, p => Assert.Equal(far, (Guid)p!["hostId"]!));
            var left = Assert.Single(rerun["unplaced"]!.AsArray())!;
            Assert.Contains((Guid)left["requestId"]!, new[] { first, second });
            Assert.Equal("outranked", (string?)left["reason"]);
        }
        else
        {
            Assert.Equal(near, (Guid)proposals.Single(p => (Guid)p!["requestId"]! == second)!["hostId"]!);
            Assert.Equal(far, (Guid)proposals.Single(p => (Guid)p!["requestId"]! == first)!["hostId"]!);
        }
    }

    [Fact]
    public async Task PressingRunWhileARunHoldsTheNightGives409()
    {
        await AddHost("h", 2, ["men"]);
        await AddRequest("M. G.", (40, "male"));

        await using (await Api.Database.HoldMatchingLockAsync(new DateOnly(2026, 11, 26)))
        {
            var response = await Client.PostAsync($"/api/v1/nights/{Night}/matching", null);
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("matching-in-progress", (string?)(await response.ReadObjectAsync())["code"]);
        }

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/v1/nights/{Night}/matching", null)).StatusCode);
    }

    [Fact]
    public async Task PressingRunWhileAShortRunHoldsTheNightWaitsForItThenRuns()
    {
        // Often the offer worker's automatic re-match: it lasts milliseconds, the coordinator should not see a 409 for it.
        await AddHost("h", 2, ["men"]);
        await AddRequest("M. G.", (40, "male"));

        Task<HttpResponseMessage> pressed;
        await using (await Api.Database.HoldMatchingLockAsync(new DateOnly(2026, 11, 26)))
        {
            pressed = Client.PostAsync($"/api/v1/nights/{Night}/matching", null);
            await Task.Delay(TimeSpan.FromMilliseconds(600));
            Assert.False(pressed.IsCompleted);
        }

        var response = await pressed;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single((await response.ReadObjectAsync())["proposals"]!.AsArray());
    }

    [Fact]
    public async Task TwoRunsPressedAtOnceNeverBothWriteProposals()
    {
        for (var i = 0; i < 6; i++)
        {
            await AddHost($"p{i}", 2, ["men"], latitude: 48.84 + (i * 0.01));
            await AddRequest($"M. {i}", (40 + i, "male"));
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Client.PostAsync($"/api/v1/nights/{Night}/matching", null)));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        await using var db = Api.Database.NewContext();
        Assert.All(await db.Requests.ToListAsync(), r => Assert.Equal(RequestStatus.Proposed, r.Status));
    }
}
