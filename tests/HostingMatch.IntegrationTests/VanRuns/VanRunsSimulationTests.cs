using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HostingMatch.IntegrationTests.Support;

namespace HostingMatch.IntegrationTests.VanRuns;

/// <summary><c>POST /api/v1/simulations/van-runs</c>: a runs file in, the spec's plan out, nothing stored.</summary>
public sealed class VanRunsSimulationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    private Task<HttpResponseMessage> Simulate(string json) =>
        client.PostAsync("/api/v1/simulations/van-runs", new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task TheSampleEveningGetsThePlanInTheSpecsShapeDeliveringAtLeastTheSamplesPeople()
    {
        var runs = await File.ReadAllTextAsync(Path.Combine(Paths.SharedSamples, "vans-sample.json"));
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Paths.SharedSamples, "vans-sample.plan.json")))!;

        var response = await Simulate(runs);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = await response.ReadObjectAsync();
        Assert.Equal(["night", "trips", "unserved", "summary"], plan.Select(p => p.Key));
        Assert.True((int)plan["summary"]!["peopleDelivered"]! >= (int)expected["summary"]!["peopleDelivered"]!);
        var trip = plan["trips"]![0]!;
        Assert.Equal(["vanId", "trip", "departAt", "returnAt", "passengers", "stops"], trip.AsObject().Select(p => p.Key));
        Assert.EndsWith("+01:00", (string?)trip["departAt"]);

        // Every stop of the file is on a trip or unserved, once.
        var hosts = JsonNode.Parse(runs)!["stops"]!.AsArray().Select(s => (string)s!["hostId"]!).Order();
        var planned = plan["trips"]!.AsArray().SelectMany(t => t!["stops"]!.AsArray().Select(s => (string)s!["hostId"]!))
            .Concat(plan["unserved"]!.AsArray().Select(u => (string)u!["hostId"]!)).Order();
        Assert.Equal(hosts, planned);
    }

    [Fact]
    public async Task AnInvalidRunsFileGets400WithOneErrorPerProblemAtItsPath()
    {
        const string runs = """
            { "night": "2026-11-26", "base": { "name": "B", "latitude": 48.8986, "longitude": 2.3592 },
              "vans": [ { "id": "van-1", "seats": 0 } ], "firstDeparture": "8:30 pm",
              "stops": [ { "hostId": "h-1", "latitude": 48.85, "longitude": 2.35, "households": [ { "id": "hh-1", "people": 2 } ] },
                         { "hostId": "h-2", "latitude": 48.86, "longitude": 2.34, "households": [ { "id": "hh-1", "people": 1 } ] } ] }
            """;

        var response = await Simulate(runs);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.Equal("The runs file is invalid; nothing was planned.", (string?)problem["title"]);
        var errors = problem["errors"]!.AsObject().Select(e => e.Key).ToArray();
        Assert.Contains("$.vans[0].seats", errors);
        Assert.Contains("$.firstDeparture", errors);
        Assert.Contains("$.stops[1].households[0].id", errors);
        Assert.Equal(400, (int)problem["status"]!);
    }

    [Fact]
    public async Task NotJsonAtAllGets400SayingSo()
    {
        var response = await Simulate("{ \"night\": ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ReadObjectAsync())["errors"]!.AsObject());
    }
}
