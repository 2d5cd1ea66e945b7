using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HostingMatch.IntegrationTests.Support;

namespace HostingMatch.IntegrationTests.Matching;

/// <summary>
/// The nightly matching on a night whose transport is registered (transport.md): the night plan decides, so a household
/// is proposed only to a host a ride reaches tonight, and one that no ride could bring anywhere is left out with no-ride.
/// </summary>
public sealed class MatchingWithRidesTests : OwnApiTest
{
    private const string Night = "2026-11-26";

    private async Task AddHostAsync(string code, string[] accepts, string arrivalFrom, string arrivalUntil)
    {
        var host = Builders.Host(code, 3, accepts);
        host["arrivalFrom"] = arrivalFrom;
        host["arrivalUntil"] = arrivalUntil;
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync("/api/v1/hosts", host)).StatusCode);
    }

    [Fact]
    public async Task AHouseholdIsProposedOnlyWhereARideReachesAndOneNoRideCanBringIsLeftOutWithNoRide()
    {
        await AddHostAsync("h-home", ["family"], "20:00", "00:30");
        // Guests may only arrive before the car's shift starts, and the host does not fetch: no ride reaches it tonight.
        await AddHostAsync("h-early", ["men"], "19:00", "20:00");
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync($"/api/v1/nights/{Night}/requests", Builders.Family("Famille A."))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync($"/api/v1/nights/{Night}/requests", new JsonObject
        {
            ["alias"] = "M. C.",
            ["members"] = new JsonArray(new JsonObject { ["age"] = 40, ["sex"] = "male" }),
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync($"/api/v1/nights/{Night}/vehicles", new
        {
            kind = "car", label = "Voiture de Léa", driverFirstName = "Léa", driverPhone = "+33698765432", seats = 3,
            availableFrom = "21:00", availableUntil = "23:30",
        })).StatusCode);

        var run = await (await Client.PostAsync($"/api/v1/nights/{Night}/matching", null)).ReadObjectAsync();

        var proposal = Assert.Single(run["proposals"]!.AsArray())!;
        Assert.Equal("Famille A.", (string?)proposal["alias"]);
        Assert.Equal("h-home", (string?)proposal["hostCode"]);
        var left = Assert.Single(run["unplaced"]!.AsArray())!;
        Assert.Equal("M. C.", (string?)left["alias"]);
        Assert.Equal("no-ride", (string?)left["reason"]);

        var requests = await (await Client.GetAsync($"/api/v1/nights/{Night}/requests")).ReadArrayAsync();
        var stored = requests.Single(r => (string?)r!["alias"] == "M. C.")!;
        Assert.Equal("unplaced", (string?)stored["status"]);
        var summary = await (await Client.GetAsync($"/api/v1/nights/{Night}/summary")).ReadObjectAsync();
        Assert.Contains("no-ride", summary.ToJsonString());
    }
}
