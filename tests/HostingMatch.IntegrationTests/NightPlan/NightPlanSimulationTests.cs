using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HostingMatch.IntegrationTests.Support;

namespace HostingMatch.IntegrationTests.NightPlan;

/// <summary><c>POST /api/v1/simulations/night-plan</c>: a night file with its transport in, the night plan out, nothing stored.</summary>
public sealed class NightPlanSimulationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    private Task<HttpResponseMessage> Simulate(string json) =>
        client.PostAsync("/api/v1/simulations/night-plan", new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task TheSampleNightGetsAPlanWithARideOnEveryPlacementAndEveryHouseholdOnce()
    {
        var night = await File.ReadAllTextAsync(Path.Combine(Paths.SharedSamples, "night-plan-sample.json"));

        var response = await Simulate(night);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = await response.ReadObjectAsync();
        Assert.Equal(["night", "optimal", "placements", "unplaced", "trips", "summary"], plan.Select(p => p.Key));
        foreach (var placement in plan["placements"]!.AsArray())
        {
            var way = (string?)placement!["ride"]!["way"];
            Assert.Contains(way, new[] { "vehicle", "host-fetches", "public-transport" });
            Assert.NotNull((string?)placement["ride"]!["arriveAt"]);
        }

        var households = JsonNode.Parse(night)!["households"]!.AsArray().Select(h => (string)h!["id"]!).Order();
        var planned = plan["placements"]!.AsArray().Select(p => (string)p!["householdId"]!)
            .Concat(plan["unplaced"]!.AsArray().Select(u => (string)u!["householdId"]!)).Order();
        Assert.Equal(households, planned);

        var summary = plan["summary"]!;
        var placed = summary["peoplePlaced"]!.AsArray().Select(n => (int)n!).ToArray();
        var sequential = summary["sequentialPeoplePlaced"]!.AsArray().Select(n => (int)n!).ToArray();
        var bound = summary["upperBound"]!.AsArray().Select(n => (int)n!).ToArray();
        Assert.True(Compare(placed, sequential) >= 0, "the night plan brings fewer than the sequential plan");
        Assert.True(Compare(bound, placed) >= 0, "the bound is below the plan");
    }

    [Fact]
    public async Task AnInvalidNightGets400WithOneErrorPerProblemAtItsPath()
    {
        var night = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Paths.SharedSamples, "night-plan-sample.json")))!;
        night["transport"]!["vehicles"]![0]!["seats"] = 0;
        night["transport"]!["firstDeparture"] = "8:30 pm";
        night["hosts"]![0]!["arrivalFrom"] = "23:00";
        night["hosts"]![0]!["arrivalUntil"] = "21:00";
        night["households"]![0]!["members"] = new JsonArray();

        var response = await Simulate(night.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.Equal("The night file is invalid; nothing was planned.", (string?)problem["title"]);
        var errors = problem["errors"]!.AsObject().Select(e => e.Key).ToArray();
        Assert.Contains("$.transport.vehicles[0].seats", errors);
        Assert.Contains("$.transport.firstDeparture", errors);
        Assert.Contains("$.hosts[0].arrivalFrom", errors);
        Assert.Contains("$.households[0].members", errors);
    }

    [Fact]
    public async Task ANightWithoutTransportGets400NamingTheField()
    {
        var night = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Paths.SharedSamples, "night-paris-sample.json")))!;

        var response = await Simulate(night.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["$.transport"], (await response.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
    }

    [Theory]
    [InlineData("transport.vehicles", "")]
    [InlineData("hosts", "   ")]
    [InlineData("households", "")]
    [InlineData("households", "hh\n$.transport.fake: injected")]
    public async Task AnEmptyBlankOrTwoLineIdGets400WithOneErrorNamingIt(string list, string id)
    {
        var night = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Paths.SharedSamples, "night-plan-sample.json")))!;
        var items = list.Split('.').Aggregate(night, (node, step) => node[step]!);
        // The last item: no other item of the file names it (a household's lastHostId names a host).
        var last = items.AsArray()[^1]!;
        last["id"] = id;
        foreach (var household in night["households"]!.AsArray().Where(h => (string?)h!["lastHostId"] is not null))
        {
            household!.AsObject().Remove("lastHostId");
        }

        var response = await Simulate(night.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.Equal([$"$.{list}[{items.AsArray().Count - 1}].id"], errors.Select(e => e.Key));
        Assert.Single(errors.Single().Value!.AsArray());
    }

    [Fact]
    public async Task ANightOnTheCalendarsLastDayGets400NamingTheNightNotA500()
    {
        // Its times after midnight would fall in the year 10000, which the calendar does not hold.
        var night = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Paths.SharedSamples, "night-plan-sample.json")))!;
        night["night"] = "9999-12-31";

        var response = await Simulate(night.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["$.night"], (await response.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task AHundredThousandVehiclesGet400AtOnceNotTheSolverSlotForMinutes()
    {
        var night = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Paths.SharedSamples, "night-plan-sample.json")))!;
        night["transport"]!["vehicles"] = new JsonArray(Enumerable.Range(0, 100_000).Select(i => (JsonNode)new JsonObject { ["id"] = $"v-{i}" }).ToArray());
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var response = await Simulate(night.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["$.transport.vehicles"], (await response.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
        Assert.True(clock.Elapsed < NightPlanEndpointsTimeLimit, $"refused after {clock.Elapsed}");
    }

    private static readonly TimeSpan NightPlanEndpointsTimeLimit = HostingMatch.Api.Endpoints.NightPlanEndpoints.TimeLimit;

    [Fact]
    public async Task ABodyThatIsNotUtf8Gets400NotAPlanForAnIdNobodyWrote()
    {
        var night = await File.ReadAllBytesAsync(Path.Combine(Paths.SharedSamples, "night-plan-sample.json"));
        night[night.AsSpan().IndexOf("\"van-1\""u8) + 4] = 0xFF;
        using var body = new ByteArrayContent(night);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await client.PostAsync("/api/v1/simulations/night-plan", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["$"], (await response.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task APartnerKeyMayNotPlanANight()
    {
        var partner = await api.CreateClientAsync("partner");

        var response = await partner.PostAsync("/api/v1/simulations/night-plan", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static int Compare(int[] a, int[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }

        return 0;
    }
}
