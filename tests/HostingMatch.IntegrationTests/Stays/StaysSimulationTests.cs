using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HostingMatch.IntegrationTests.Support;

namespace HostingMatch.IntegrationTests.Stays;

/// <summary><c>POST /api/v1/simulations/stays</c>: a stays file in, the spec's plan out, nothing stored.</summary>
public sealed class StaysSimulationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    /// <summary>The shared sample, as copied beside the unit tests (the shared folder is not beside every checkout).</summary>
    private static readonly string Sample = Path.Combine(Paths.RepoRoot, "tests", "HostingMatch.UnitTests", "Stays", "Samples", "stays-sample.json");

    private Task<HttpResponseMessage> Simulate(string json) =>
        client.PostAsync("/api/v1/simulations/stays", new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task TheSampleProgrammeGetsAnOptimalPlanInTheSpecsShapeWithTheSamplesLevels()
    {
        var response = await Simulate(await File.ReadAllTextAsync(Sample));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = await response.ReadObjectAsync();
        Assert.Equal(["planFrom", "planUntil", "optimal", "stays", "uncovered", "summary"], plan.Select(p => p.Key));
        Assert.True((bool)plan["optimal"]!);
        Assert.Equal(["guestId", "hostId", "from", "until", "people", "tier", "continuesCurrent", "journeyMinutes"],
            plan["stays"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal(["guestId", "from", "until", "reason", "detail"], plan["uncovered"]![0]!.AsObject().Select(p => p.Key));
        var summary = plan["summary"]!;
        Assert.Equal([121L, 0, 0], summary["personNightsCovered"]!.AsArray().Select(n => (long)n!));
        Assert.Equal(2, (int)summary["moves"]!);
        Assert.Equal(1359, (int)summary["journeyMinutes"]!);
    }

    [Fact]
    public async Task AnInvalidStaysFileGets400WithOneErrorPerProblemAtItsPath()
    {
        const string stays = """
            { "planFrom": "2027-03-01", "planUntil": "2027-02-01",
              "hosts": [ { "id": "k-1", "region": "nord", "latitude": 50.6, "longitude": 3.0, "beds": -1, "accepts": ["minor"],
                           "minorsCertified": true, "agreementValidFrom": "2026-01-01", "agreementValidUntil": "2028-01-01",
                           "available": [ { "from": "2027-03-01", "until": "2027-04-01" } ] } ],
              "guests": [ { "id": "g-1", "members": [ { "age": 16, "sex": "boy" } ], "needFrom": "2027-03-01", "latitude": 48.9, "longitude": 2.3 } ] }
            """;

        var response = await Simulate(stays);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.Equal("The stays file is invalid; nothing was planned.", (string?)problem["title"]);
        var errors = problem["errors"]!.AsObject().Select(e => e.Key).ToArray();
        Assert.Equal(3, errors.Length);
        Assert.Contains("$.planUntil", errors);
        Assert.Contains("$.hosts[0].beds", errors);
        Assert.Contains("$.guests[0].members[0].sex", errors);
        Assert.Equal(400, (int)problem["status"]!);
    }

    /// <summary>
    /// 500 guests and 500 hosts who could all take them, over a year: 350 KB, well under the body limit, but the planner's
    /// set-up (every guest's nights at every host, every guest's own best chain) runs outside its clock and took minutes and
    /// gigabytes for 3,000 and 3,000, holding the only solver slot. Refused at once instead, saying how to plan it.
    /// </summary>
    [Fact]
    public async Task AProgrammeTooLargeToPlanWithinTheLimitGets400AtOnce()
    {
        var host = JsonNode.Parse("""
            { "region": "nord", "latitude": 50.6, "longitude": 3.0, "beds": 2, "accepts": ["men"], "minorsCertified": false,
              "agreementValidFrom": "2027-01-01", "agreementValidUntil": "2028-12-31", "available": [ { "from": "2027-03-01", "until": "2028-03-01" } ] }
            """)!.AsObject();
        var guest = JsonNode.Parse("""{ "members": [ { "age": 30, "sex": "male" } ], "needFrom": "2027-03-01", "latitude": 48.9, "longitude": 2.3 }""")!.AsObject();
        JsonArray Many(JsonObject item, string prefix) => [.. Enumerable.Range(0, 500).Select(i =>
        {
            var copy = item.DeepClone().AsObject();
            copy["id"] = $"{prefix}-{i}";
            return (JsonNode)copy;
        })];
        var stays = new JsonObject { ["planFrom"] = "2027-03-01", ["planUntil"] = "2028-03-01", ["hosts"] = Many(host, "k"), ["guests"] = Many(guest, "g") };

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var response = await client.PostAsync("/api/v1/simulations/stays", new StringContent(stays.ToJsonString(), Encoding.UTF8, "application/json"),
            patience.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.ReadObjectAsync())["errors"]!.AsObject());
        Assert.Equal("$", error.Key);
        Assert.Equal("the programme is too large to plan here: 500 guests × 500 hosts × 366 nights is 91,500,000 guest-host-nights, "
            + "over 50,000,000; plan it with the command line (hostingmatch stays)", (string?)error.Value![0]);
    }

    /// <summary>
    /// 200,000 empty guests (0.6 MB) are a million problems: answered one by one they made a ProblemDetails of tens of
    /// megabytes (a 3.9 MB file, 250 MB and 1.2 GB of memory), built for a caller who reads the first few. The first 100 are
    /// listed, with how many there are, as for a hosts spreadsheet.
    /// </summary>
    [Fact]
    public async Task AFileOfAMillionProblemsGets400WithTheFirstHundredAndTheirCount()
    {
        var stays = """{ "planFrom": "2027-03-01", "planUntil": "2027-03-29", "hosts": [], "guests": [""" + string.Join(",", Enumerable.Repeat("{}", 200_000)) + "] }";

        var response = await Simulate(stays);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(text.Length < 64 * 1024, $"{text.Length} characters");
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(1_000_000, (int)problem["errorCount"]!);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(100, errors.Sum(e => e.Value!.AsArray().Count));
        Assert.Equal("is required", (string?)errors["$.guests[0].id"]![0]);
        Assert.True(errors.ContainsKey("$.guests[19].longitude"));
    }

    [Fact]
    public async Task NotJsonAtAllGets400SayingSo()
    {
        var response = await Simulate("{ \"planFrom\": ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ReadObjectAsync())["errors"]!.AsObject());
    }

    [Fact]
    public async Task WithoutAKeyTheSimulationIsRefused()
    {
        using var anonymous = api.CreateAnonymousClient();
        var response = await anonymous.PostAsync("/api/v1/simulations/stays", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task APartnersKeyIsForbiddenTheSimulation()
    {
        var (partner, _) = await api.CreatePartnerAsync("Stays partner");
        var response = await partner.PostAsync("/api/v1/simulations/stays", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
