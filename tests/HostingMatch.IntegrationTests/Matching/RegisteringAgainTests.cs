using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace HostingMatch.IntegrationTests.Matching;

/// <summary>A household that needs a bed again the next night: the same household, so continuity and waiting count.</summary>
public sealed class RegisteringAgainTests : OwnApiTest
{
    private const string Night = "2026-11-26";
    private const string NextNight = "2026-11-27";
    [Fact]
    public async Task AHouseholdPlacedLastNightGoesBackToItsHostRatherThanANearerOne()
    {
        var claire = await AddHost("claire", latitude: 48.8530);
        var man = await AddRequest(Night, "M. B.", nightsWithoutShelter: 2);
        Assert.Equal(claire, (Guid)(await RunMatching(Night))["proposals"]![0]!["hostId"]!);
        await using (var db = Api.Database.NewContext())
        {
            (await db.Requests.SingleAsync(r => r.Id == man)).Confirm(ApiFactory.DefaultNow);
            await db.SaveChangesAsync();
        }

        // A host much nearer the base joins the next night: on travel alone, the matching would choose him.
        var bruno = await AddHost("bruno", latitude: 48.8950);
        var again = await Client.PostAsync($"/api/v1/requests/{man}/again", null);

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var next = await again.ReadObjectAsync();
        Assert.Equal(NextNight, (string?)next["night"]);
        Assert.Equal(0, (int)next["nightsWithoutShelter"]!);
        Assert.Equal($"/api/v1/requests/{next["id"]}", again.Headers.Location!.ToString());
        var run = await RunMatching(NextNight);
        var proposal = Assert.Single(run["proposals"]!.AsArray())!;
        Assert.Equal((Guid)next["id"]!, (Guid)proposal["requestId"]!);
        Assert.Equal(claire, (Guid)proposal["hostId"]!);
        Assert.Equal(1, (int)run["summary"]!["continuityPlacements"]!);

        // Typed in as a new household instead, the same man would go to the nearer host: the link is what matters.
        await AddRequest("2026-11-28", "M. B.");
        Assert.Equal(bruno, (Guid)(await RunMatching("2026-11-28"))["proposals"]![0]!["hostId"]!);
    }

    [Fact]
    public async Task AHouseholdLeftWithoutAPlaceHasWaitedOneNightMoreAndGoesFirst()
    {
        var waiting = await AddRequest(Night, "M. A.", nightsWithoutShelter: 2);
        Assert.Single((await RunMatching(Night))["unplaced"]!.AsArray());

        var next = await (await Client.PostAsync($"/api/v1/requests/{waiting}/again", null)).ReadObjectAsync();
        var later = await (await Client.PostAsJsonAsync($"/api/v1/requests/{waiting}/again", new { night = "2026-11-29" })).ReadObjectAsync();

        Assert.Equal(3, (int)next["nightsWithoutShelter"]!);
        Assert.Equal(5, (int)later["nightsWithoutShelter"]!);
        Assert.Equal((Guid)next["householdId"]!, (Guid)later["householdId"]!);

        // One bed the next night, two men: the one who has waited longer gets it (objective level 4).
        await AddHost("claire", latitude: 48.8530);
        await AddRequest(NextNight, "M. C.");
        var run = await RunMatching(NextNight);
        Assert.Equal((Guid)next["id"]!, (Guid)Assert.Single(run["proposals"]!.AsArray())!["requestId"]!);
    }

    [Fact]
    public async Task ASecondRequestTheSameNightAnEarlierNightAnUnknownRequestAndABadBodyAreRefused()
    {
        var man = await AddRequest(Night, "M. B.");
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsync($"/api/v1/requests/{man}/again", null)).StatusCode);

        var twice = await Client.PostAsync($"/api/v1/requests/{man}/again", null);
        var sameNight = await Client.PostAsJsonAsync($"/api/v1/requests/{man}/again", new { night = Night });
        var notADate = await Client.PostAsJsonAsync($"/api/v1/requests/{man}/again", new { night = "27/11/2026" });
        var unknownField = await Client.PostAsJsonAsync($"/api/v1/requests/{man}/again", new { nigth = NextNight });
        var unknown = await Client.PostAsync($"/api/v1/requests/{Guid.NewGuid()}/again", null);

        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("already-registered", (string?)(await twice.ReadObjectAsync())["code"]);
        Assert.Equal(HttpStatusCode.BadRequest, sameNight.StatusCode);
        Assert.Contains("must be after 2026-11-26", (string?)(await sameNight.ReadObjectAsync())["errors"]!["night"]![0]);
        Assert.Equal(HttpStatusCode.BadRequest, notADate.StatusCode);
        Assert.NotNull((await notADate.ReadObjectAsync())["errors"]!["night"]);
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await using var db = Api.Database.NewContext();
        Assert.Equal(2, await db.Requests.CountAsync());
    }

    private async Task<Guid> AddHost(string code, double latitude)
    {
        var body = Builders.Host(code, beds: 1, accepts: ["men"]);
        body["latitude"] = latitude;
        body["weeklyDays"] = new JsonArray("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
        var response = await Client.PostAsJsonAsync("/api/v1/hosts", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (Guid)(await response.ReadObjectAsync())["id"]!;
    }

    private async Task<Guid> AddRequest(string night, string alias, int nightsWithoutShelter = 0)
    {
        var response = await Client.PostAsJsonAsync($"/api/v1/nights/{night}/requests", new
        {
            alias,
            members = new[] { new { age = 40, sex = "male" } },
            nightsWithoutShelter,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (Guid)(await response.ReadObjectAsync())["id"]!;
    }

    private async Task<JsonObject> RunMatching(string night)
    {
        var response = await Client.PostAsync($"/api/v1/nights/{night}/matching", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadObjectAsync();
    }
}
