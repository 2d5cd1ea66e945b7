using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HostingMatch.IntegrationTests.Support;

namespace HostingMatch.IntegrationTests.Matching;

public sealed class SimulationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    private Task<HttpResponseMessage> Simulate(string json) =>
        client.PostAsync("/api/v1/simulations/matching", new StringContent(json, Encoding.UTF8, "application/json"));

    [Theory]
    [InlineData("night-paris-sample")]
    [InlineData("night-tight-sample")]
    public async Task SimulatingASampleNightReturnsAPlanAsGoodAsTheSamplesOptimalOne(string sample)
    {
        var night = await File.ReadAllTextAsync(Path.Combine(Paths.SharedSamples, $"{sample}.json"));
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Paths.SharedSamples, $"{sample}.plan.json")))!;

        var response = await Simulate(night);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = await response.ReadObjectAsync();
        Assert.True((bool)plan["optimal"]!);
        foreach (var level in new[] { "peoplePlaced", "waitingNightsPlaced", "continuityPlacements", "travelMinutes" })
        {
            Assert.Equal(expected["summary"]![level]!.ToJsonString(), plan["summary"]![level]!.ToJsonString());
        }

        var households = JsonNode.Parse(night)!["households"]!.AsArray().Count;
        Assert.Equal(households, plan["placements"]!.AsArray().Count + plan["unplaced"]!.AsArray().Count);
    }

    [Fact]
    public async Task SimulatingAnInvalidNightReturnsOneErrorPerProblemWithItsPath()
    {
        const string night = """
            { "night": "2026-11-26", "base": { "latitude": 48.9, "longitude": 2.36 },
              "hosts": [ { "id": "h1", "latitude": 95, "longitude": 2.3, "beds": -1, "accepts": ["kids"], "minorsCertified": false,
                           "availableTonight": true, "agreementValidFrom": "2026-01-01", "agreementValidUntil": "2027-01-01" } ],
              "households": [ { "id": "x", "members": [] } ] }
            """;

        var response = await Simulate(night);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).ToArray();
        Assert.Contains("$.hosts[0].latitude", errors);
        Assert.Contains("$.hosts[0].beds", errors);
        Assert.Contains("$.hosts[0].accepts[0]", errors);
        Assert.Contains("$.households[0].members", errors);
    }

    [Fact]
    public async Task SimulatingANightFileOverEightMegabytesReturns413()
    {
        // Like any client uploading a big file, wait for the server's go-ahead: it refuses before reading the body.
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/simulations/matching")
        {
            Content = new StringContent(new string(' ', (8 * 1024 * 1024) + 1), Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task ANightFileLargerThanTheApisDefaultBodyLimitIsStillSolved()
    {
        var night = await File.ReadAllTextAsync(Path.Combine(Paths.SharedSamples, "night-paris-sample.json"));
        var padded = night + new string(' ', 100 * 1024); // past the 64 KB every other endpoint allows

        var response = await Simulate(padded);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SimulatingInvalidJsonReturns400()
    {
        var response = await Simulate("{ \"night\": ");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
