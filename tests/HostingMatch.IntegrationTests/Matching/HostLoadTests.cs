using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace HostingMatch.IntegrationTests.Matching;

/// <summary>Host load from the database: the monthly limit and the recent nights counted from confirmed requests.</summary>
public sealed class HostLoadTests : OwnApiTest
{
    [Fact]
    public async Task AHostAtItsMonthlyLimitIsNotMatchedEvenForLastNightsHousehold()
    {
        var claire = await AddHost("claire-limit", latitude: 48.8530, maxNightsPerMonth: 1);
        var bruno = await AddHost("bruno-limit", latitude: 48.8000);
        Assert.Equal(1, (int)(await (await Client.GetAsync($"/api/v1/hosts/{claire}")).ReadObjectAsync())["maxNightsPerMonth"]!);
        var man = await AddRequest("2026-11-26", "M. B.");
        await ConfirmAt(await RunMatching("2026-11-26"), man, claire);

        // Registered again the next night: continuity would send him back to claire, but she has hosted her one night of November.
        var next = await (await Client.PostAsync($"/api/v1/requests/{man}/again", null)).ReadObjectAsync();
        var run = await RunMatching("2026-11-27");

        var proposal = Assert.Single(run["proposals"]!.AsArray())!;
        Assert.Equal((Guid)next["id"]!, (Guid)proposal["requestId"]!);
        Assert.Equal(bruno, (Guid)proposal["hostId"]!);
    }

    [Fact]
    public async Task OnANightWithItsTransportRegistered_TheNightPlanKeepsTheMonthlyLimitToo()
    {
        var claire = await AddHost("claire-rides", latitude: 48.8530, maxNightsPerMonth: 1);
        var bruno = await AddHost("bruno-rides", latitude: 48.8000);
        var man = await AddRequest("2026-11-26", "M. B.");
        await ConfirmAt(await RunMatching("2026-11-26"), man, claire);
        var car = await Client.PostAsJsonAsync("/api/v1/nights/2026-11-27/vehicles", new
        {
            kind = "car", label = "Voiture de Léa", driverFirstName = "Léa", driverPhone = "+33698765432", seats = 3,
            availableFrom = "20:30", availableUntil = "23:59",
        });
        Assert.Equal(HttpStatusCode.Created, car.StatusCode);

        var next = await (await Client.PostAsync($"/api/v1/requests/{man}/again", null)).ReadObjectAsync();
        var run = await RunMatching("2026-11-27");

        var proposal = Assert.Single(run["proposals"]!.AsArray())!;
        Assert.Equal((Guid)next["id"]!, (Guid)proposal["requestId"]!);
        Assert.Equal(bruno, (Guid)proposal["hostId"]!);
        Assert.Equal("vehicle", (string?)proposal["ride"]!["way"]);
    }

    [Fact]
    public async Task TheHostWhoHostedLessRecentlyIsChosenOverANearerOne()
    {
        var claire = await AddHost("claire-load", latitude: 48.8530);
        var bruno = await AddHost("bruno-load", latitude: 48.8000);
        var first = await AddRequest("2026-11-26", "M. A.");
        await ConfirmAt(await RunMatching("2026-11-26"), first, claire);

        await AddRequest("2026-11-28", "M. C.");
        var run = await RunMatching("2026-11-28");

        Assert.Equal(bruno, (Guid)Assert.Single(run["proposals"]!.AsArray())!["hostId"]!);
        Assert.Equal(0, (int)run["summary"]!["recentHostNights"]!);
    }

    [Fact]
    public async Task AMonthlyLimitOutsideOneTo31IsRefusedNamingTheField()
    {
        var body = Builders.Host("zoe-load", beds: 1, accepts: ["men"]);
        body["maxNightsPerMonth"] = 0;

        var response = await Client.PostAsJsonAsync("/api/v1/hosts", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("maxNightsPerMonth", (await response.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
    }

    private async Task ConfirmAt(JsonObject run, Guid request, Guid host)
    {
        Assert.Equal(host, (Guid)Assert.Single(run["proposals"]!.AsArray())!["hostId"]!);
        await using var db = Api.Database.NewContext();
        (await db.Requests.SingleAsync(r => r.Id == request)).Confirm(ApiFactory.DefaultNow);
        await db.SaveChangesAsync();
    }

    private async Task<Guid> AddHost(string code, double latitude, int? maxNightsPerMonth = null)
    {
        var body = Builders.Host(code, beds: 1, accepts: ["men"]);
        body["latitude"] = latitude;
        body["weeklyDays"] = new JsonArray("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
        body["maxNightsPerMonth"] = maxNightsPerMonth;
        var response = await Client.PostAsJsonAsync("/api/v1/hosts", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (Guid)(await response.ReadObjectAsync())["id"]!;
    }

    private async Task<Guid> AddRequest(string night, string alias)
    {
        var response = await Client.PostAsJsonAsync($"/api/v1/nights/{night}/requests", new { alias, members = new[] { new { age = 40, sex = "male" } } });
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
