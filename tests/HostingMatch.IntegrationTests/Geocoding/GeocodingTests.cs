using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HostingMatch.IntegrationTests.Support;

namespace HostingMatch.IntegrationTests.Geocoding;

/// <summary>
/// Hosts given an address without coordinates, located by the fake BAN on 127.0.0.1 through the real HTTP API (the batch CSV
/// endpoint for imports, /search/ for one host). Each test uses its own host codes and addresses; the fake is switched back on
/// before each.
/// </summary>
public sealed class GeocodingTests : IClassFixture<GeocodingApiFactory>
{
    private const string Header = "code;nom;téléphone;adresse;lits;accepte;convention signée;convention début;convention fin\n";
    private readonly GeocodingApiFactory api;
    private readonly HttpClient client;

    public GeocodingTests(GeocodingApiFactory api)
    {
        this.api = api;
        api.Ban.Down = false;
        client = api.CreateClient();
    }

    private Task<HttpResponseMessage> Import(string csv) =>
        client.PostAsync("/api/v1/hosts/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private static string Row(string code, string address) => $"{code};Ann;0611111111;\"{address}\";2;femmes;2026-01-01;2026-01-01;2027-01-01\n";

    private async Task<JsonArray> Hosts(string search) => await (await client.GetAsync($"/api/v1/hosts?search={search}")).ReadArrayAsync();

    private static (double, double) PointOf(JsonNode host) => ((double)host["latitude"]!, (double)host["longitude"]!);

    [Fact]
    public async Task TheExampleSpreadsheetWithoutCoordinatesImportsWithEveryHostLocated()
    {
        api.Ban.Add("12 rue des Écoles, 75005 Paris", "12 Rue des Écoles 75005 Paris", 48.849148, 2.350262);
        api.Ban.Add("5 rue de Belleville, 75019 Paris", "5 Rue de Belleville 75019 Paris", 48.871965, 2.377085);
        api.Ban.Add("3 avenue Victor Hugo, 93400 Saint-Ouen", "3 Avenue Victor Hugo 93400 Saint-Ouen-sur-Seine", 48.909514, 2.332604, score: 0.91);
        var before = api.Ban.Requests;

        var response = await Import(await File.ReadAllTextAsync(Path.Combine(Paths.RepoRoot, "docs", "examples", "hosts-without-coordinates.csv")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadObjectAsync();
        Assert.Equal((3, 3), ((int)report["created"]!, (int)report["located"]!));
        Assert.Equal(before + 1, api.Ban.Requests); // one batch for the whole file
        var hosts = await Hosts("h-10");
        Assert.Equal((48.849148, 2.350262), PointOf(hosts.Single(h => (string?)h!["host"]!["code"] == "h-101")!["host"]!));
        Assert.Equal((48.871965, 2.377085), PointOf(hosts.Single(h => (string?)h!["host"]!["code"] == "h-102")!["host"]!));
        Assert.Equal((48.909514, 2.332604), PointOf(hosts.Single(h => (string?)h!["host"]!["code"] == "h-103")!["host"]!));
        // The address the coordinators typed stays theirs; only the point comes from the BAN.
        Assert.Equal("12 rue des Écoles, 75005 Paris", (string?)hosts.Single(h => (string?)h!["host"]!["code"] == "h-101")!["host"]!["address"]);
    }

    [Fact]
    public async Task ARowTheGeocoderCannotPlaceIsReportedWithItsLineAndNothingIsImported()
    {
        api.Ban.Add("1 rue Nulle, 75011 Paris", "1 Rue Nulle 75011 Paris", 48.86, 2.38);

        var response = await Import(Header + Row("unk-1", "1 rue Nulle, 75011 Paris") + Row("unk-2", "99 chemin de Nulle Part, 00000 Atlantide"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single((await response.ReadObjectAsync())["errors"]!.AsArray())!;
        Assert.Equal(3, (int)error["line"]!);
        Assert.Equal("adresse", (string?)error["column"]);
        Assert.Contains("could not be located", (string?)error["problem"]);
        Assert.Empty(await Hosts("unk-"));
    }

    [Fact]
    public async Task ALowScoreMatchIsFlaggedWithItsCandidateAndNeverUsed()
    {
        api.Ban.Add("8 bd du Port", "8 Boulevard du Port 80000 Amiens", 49.897443, 2.290084, score: 0.49);

        var response = await Import(Header + Row("low-1", "8 bd du Port"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single((await response.ReadObjectAsync())["errors"]!.AsArray())!;
        Assert.Equal(2, (int)error["line"]!);
        Assert.Contains("only found approximately (score 0.49 below 0.70)", (string?)error["problem"]);
        var candidate = error["candidate"]!;
        Assert.Equal("8 Boulevard du Port 80000 Amiens", (string?)candidate["label"]);
        Assert.Equal((49.897443, 2.290084, 0.49), ((double)candidate["latitude"]!, (double)candidate["longitude"]!, (double)candidate["score"]!));
        Assert.Empty(await Hosts("low-"));

        // The coordinator confirms by writing the candidate's point in the row: then it is used, as given.
        var confirmed = await Import("code;nom;téléphone;latitude;longitude;adresse;lits;accepte;convention signée;convention début;convention fin\n" +
                                     "low-1;Ann;0611111111;49.897443;2.290084;8 bd du Port;2;femmes;2026-01-01;2026-01-01;2027-01-01\n");
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal((49.897443, 2.290084), PointOf(Assert.Single(await Hosts("low-"))!["host"]!));
    }

    [Fact]
    public async Task AGeocoderThatIsDownImportsNothingAndSaysWhichRowsCouldNotBeLocated()
    {
        api.Ban.Add("2 rue A, 75001 Paris", "2 Rue A 75001 Paris", 48.86, 2.34);
        api.Ban.Down = true;
        var before = api.Ban.Requests;
        var csv = "code;nom;téléphone;latitude;longitude;adresse;lits;accepte;convention signée;convention début;convention fin\n" +
                  "down-1;Ann;0611111111;48.85;2.35;1 rue A, 75001 Paris;2;femmes;2026-01-01;2026-01-01;2027-01-01\n" +
                  "down-2;Bob;0611111112;;;2 rue A, 75001 Paris;2;femmes;2026-01-01;2026-01-01;2027-01-01\n" +
                  "down-3;Cat;0611111113;;;3 rue A, 75001 Paris;2;femmes;2026-01-01;2026-01-01;2027-01-01\n";

        var response = await Import(csv);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsArray();
        Assert.Equal(new[] { 3, 4 }, errors.Select(e => (int)e!["line"]!));
        Assert.All(errors, e => Assert.Contains("the address service did not answer (it answered 503); nothing was imported", (string?)e!["problem"]));
        Assert.True(api.Ban.Requests - before >= 2, "the resilience handler retries before giving up");
        Assert.Empty(await Hosts("down-"));

        // Back up: the same file imports whole.
        api.Ban.Down = false;
        api.Ban.Add("3 rue A, 75001 Paris", "3 Rue A 75001 Paris", 48.861, 2.341);
        Assert.Equal(HttpStatusCode.OK, (await Import(csv)).StatusCode);
        Assert.Equal(3, (await Hosts("down-")).Count);
    }

    [Fact]
    public async Task GivenCoordinatesAreKeptAsTheyAreAndTheirAddressIsNotLookedUp()
    {
        // The BAN would put this address elsewhere: the coordinator's point wins.
        api.Ban.Add("7 rue Kept, 75010 Paris", "7 Rue Kept 75010 Paris", 48.87, 2.36);
        api.Ban.Add("8 rue Kept, 75010 Paris", "8 Rue Kept 75010 Paris", 48.8712, 2.3613);
        var csv = "code;nom;téléphone;latitude;longitude;adresse;lits;accepte;convention signée;convention début;convention fin\n" +
                  "kept-1;Ann;0611111111;48,8765432;2,3456789;7 rue Kept, 75010 Paris;2;femmes;2026-01-01;2026-01-01;2027-01-01\n" +
                  "kept-2;Bob;0611111112;;;8 rue Kept, 75010 Paris;2;femmes;2026-01-01;2026-01-01;2027-01-01\n";

        var report = await (await Import(csv)).ReadObjectAsync();

        Assert.Equal((2, 1), ((int)report["created"]!, (int)report["located"]!));
        var hosts = await Hosts("kept-");
        Assert.Equal((48.8765432, 2.3456789), PointOf(hosts.Single(h => (string?)h!["host"]!["code"] == "kept-1")!["host"]!));
        Assert.Equal((48.8712, 2.3613), PointOf(hosts.Single(h => (string?)h!["host"]!["code"] == "kept-2")!["host"]!));
        Assert.DoesNotContain("7 rue Kept, 75010 Paris", api.Ban.Queries);
        Assert.Contains("8 rue Kept, 75010 Paris", api.Ban.Queries);
    }

    [Fact]
    public async Task AHostAddedWithoutCoordinatesIsLocatedWithTheSearchEndpoint()
    {
        api.Ban.Add("20 avenue de Ségur, 75007 Paris", "20 Avenue de Ségur 75007 Paris", 48.849563, 2.309506, score: 0.96);
        api.Ban.Add("Ségur", "Avenue de Ségur 75007 Paris", 48.85, 2.31, score: 0.52);
        JsonObject Host(string code, string address)
        {
            var host = Builders.Host(code);
            host.Remove("latitude");
            host.Remove("longitude");
            host["address"] = address;
            return host;
        }

        var created = await client.PostAsJsonAsync("/api/v1/hosts", Host("one-1", "20 avenue de Ségur, 75007 Paris"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal((48.849563, 2.309506), PointOf(await created.ReadObjectAsync()));
        Assert.Contains("20 avenue de Ségur, 75007 Paris", api.Ban.Queries);

        var vague = await client.PostAsJsonAsync("/api/v1/hosts", Host("one-2", "Ségur"));
        Assert.Equal(HttpStatusCode.Conflict, vague.StatusCode);
        var problem = await vague.ReadObjectAsync();
        Assert.Equal("address-to-confirm", (string?)problem["code"]);
        Assert.Contains("'Avenue de Ségur 75007 Paris' at 48.85, 2.31", (string?)problem["detail"] ?? (string?)problem["title"]);

        var nowhere = await client.PostAsJsonAsync("/api/v1/hosts", Host("one-3", "Nulle part"));
        Assert.Equal(HttpStatusCode.Conflict, nowhere.StatusCode);
        Assert.Equal("address-not-found", (string?)(await nowhere.ReadObjectAsync())["code"]);

        var halfTyped = Host("one-4", "20 avenue de Ségur, 75007 Paris");
        halfTyped["latitude"] = 48.85;
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/v1/hosts", halfTyped)).StatusCode);

        api.Ban.Down = true;
        var down = await client.PostAsJsonAsync("/api/v1/hosts", Host("one-5", "20 avenue de Ségur, 75007 Paris"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.True(down.Headers.Contains("Retry-After"));
        Assert.Equal(new[] { "one-1" }, (await Hosts("one-")).Select(h => (string?)h!["host"]!["code"]));
    }
}
