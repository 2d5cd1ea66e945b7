using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HostingMatch.IntegrationTests.Support;

namespace HostingMatch.IntegrationTests.Hosts;

/// <summary>The hosts' new fields for the stays programme, through the host endpoints and the spreadsheet.</summary>
public sealed class HostStaysFieldsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Header = "code;nom;téléphone;latitude;longitude;adresse;lits;accepte;certifié mineurs;convention signée;convention début;" +
                                  "convention fin;programmes;région;séjours;nuits max;certifié jusqu'au\n";

    private readonly HttpClient client = api.CreateClient();

    private Task<HttpResponseMessage> Import(string csv) =>
        client.PostAsync("/api/v1/hosts/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private async Task<JsonObject> HostByCodeAsync(string code) =>
        (await (await client.GetAsync($"/api/v1/hosts?search={code}")).ReadArrayAsync()).Single(h => (string?)h!["host"]!["code"] == code)!["host"]!.AsObject();

    [Fact]
    public async Task PostingAStaysHostThenReadingItReturnsTheStaysFields()
    {
        var body = Builders.Host("h-stay", accepts: ["minor"], minorsCertified: true);
        body["programmes"] = new JsonArray("one-night", "stays");
        body["region"] = "Île-de-France";
        body["staysAvailable"] = new JsonArray(
            new JsonObject { ["from"] = "2027-04-10", ["until"] = "2027-05-01" },
            new JsonObject { ["from"] = "2027-03-01", ["until"] = "2027-04-01" });
        body["maxNightsPerGuest"] = 21;
        body["certifiedUntil"] = "2027-03-15";

        var created = await client.PostAsJsonAsync("/api/v1/hosts", body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadObjectAsync())["id"]!.GetValue<Guid>();
        var host = await (await client.GetAsync($"/api/v1/hosts/{id}")).ReadObjectAsync();
        Assert.Equal(["one-night", "stays"], host["programmes"]!.AsArray().Select(p => (string)p!));
        Assert.Equal("ile-de-france", (string?)host["region"]);
        Assert.Equal(21, (int)host["maxNightsPerGuest"]!);
        Assert.Equal("2027-03-15", (string?)host["certifiedUntil"]);
        var periods = host["staysAvailable"]!.AsArray();
        Assert.Equal(["2027-03-01/2027-04-01", "2027-04-10/2027-05-01"], periods.Select(p => $"{p!["from"]}/{p["until"]}"));
    }

    [Fact]
    public async Task AHostPostedWithoutTheNewFieldsIsAOneNightHostInIleDeFrance()
    {
        var created = await client.PostAsJsonAsync("/api/v1/hosts", Builders.Host("h-plain"));
        var host = await created.ReadObjectAsync();
        Assert.Equal(["one-night"], host["programmes"]!.AsArray().Select(p => (string)p!));
        Assert.Equal("ile-de-france", (string?)host["region"]);
        Assert.Equal(28, (int)host["maxNightsPerGuest"]!);
        Assert.Empty(host["staysAvailable"]!.AsArray());
        Assert.Null(host["certifiedUntil"]);
    }

    [Fact]
    public async Task PostingBadStaysFieldsReturnsProblemDetailsWithEachField()
    {
        var body = Builders.Host("h-bad-stay");
        body["programmes"] = new JsonArray("weekends");
        body["region"] = "bre/tagne";
        body["staysAvailable"] = new JsonArray(
            new JsonObject { ["from"] = "2027-03-01", ["until"] = "2027-04-01" },
            new JsonObject { ["from"] = "2027-03-20", ["until"] = "2027-03-10" },
            new JsonObject { ["from"] = "2027-03-31", ["until"] = "2027-04-10" });
        body["maxNightsPerGuest"] = 0;
        body["certifiedUntil"] = "2027-03-15";

        var response = await client.PostAsJsonAsync("/api/v1/hosts", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("programmes[0]", errors);
        Assert.Contains("region", errors);
        Assert.Contains("staysAvailable", errors);
        Assert.Contains("staysAvailable[1].until", errors);
        Assert.Contains("maxNightsPerGuest", errors);
        Assert.Contains("certifiedUntil", errors);
    }

    [Fact]
    public async Task TheSpreadsheetsStaysColumnsAreReadWithTheLastNightIncluded()
    {
        var csv = Header +
                  "st-1;Ann;0611111111;48,11;-1,67;1 rue A, Rennes;2;mineurs;oui;2026-01-01;2026-01-01;2027-12-31;séjours;Bretagne;" +
                  "\"01/03/2027-31/03/2027; 10/04/2027-30/04/2027\";21;30/06/2027\n" +
                  "st-2;Bob;0611111112;48,86;2,36;1 rue B, Paris;4;famille;non;2026-01-01;2026-01-01;2027-12-31;nuit séjours;;" +
                  "2027-03-01 - 2027-03-14;;\n" +
                  "st-3;Cat;0611111113;48,87;2,37;1 rue C, Paris;1;femmes;non;2026-01-01;2026-01-01;2027-12-31;;;;;\n";

        var response = await Import(csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ann = await HostByCodeAsync("st-1");
        Assert.Equal(["stays"], ann["programmes"]!.AsArray().Select(p => (string)p!));
        Assert.Equal("bretagne", (string?)ann["region"]);
        Assert.Equal(["2027-03-01/2027-04-01", "2027-04-10/2027-05-01"],
            ann["staysAvailable"]!.AsArray().Select(p => $"{p!["from"]}/{p["until"]}"));
        Assert.Equal(21, (int)ann["maxNightsPerGuest"]!);
        Assert.Equal("2027-06-30", (string?)ann["certifiedUntil"]);
        var bob = await HostByCodeAsync("st-2");
        Assert.Equal(["one-night", "stays"], bob["programmes"]!.AsArray().Select(p => (string)p!));
        Assert.Equal("ile-de-france", (string?)bob["region"]);
        Assert.Equal("2027-03-15", (string?)bob["staysAvailable"]![0]!["until"]);
        var cat = await HostByCodeAsync("st-3");
        Assert.Equal(["one-night"], cat["programmes"]!.AsArray().Select(p => (string)p!));
    }

    [Fact]
    public async Task BadStaysCellsImportNothingAndSayWhichLineAndColumn()
    {
        var csv = Header +
                  "sb-1;Ann;0611111111;48,11;-1,67;1 rue A;2;mineurs;oui;2026-01-01;2026-01-01;2027-12-31;weekends;Bretagne;;;\n" +
                  "sb-2;Bob;0611111112;48,11;-1,67;1 rue B;2;mineurs;oui;2026-01-01;2026-01-01;2027-12-31;séjours;Bretagne;" +
                  "\"31/03/2027-01/03/2027; mars\";zéro;demain\n" +
                  "sb-3;Cat;0611111113;48,11;-1,67;1 rue C;2;mineurs;non;2026-01-01;2026-01-01;2027-12-31;séjours;Bre/tagne;" +
                  "\"01/03/2027-31/03/2027; 15/03/2027-20/03/2027\";0;30/06/2027\n" +
                  "sb-4;Dan;0611111114;48,11;-1,67;1 rue D;2;mineurs;oui;2026-01-01;2026-01-01;2027-12-31;nuit;;01/03/2027-31/03/2027;;\n";

        var response = await Import(csv);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsArray()
            .Select(e => ((int)e!["line"]!, (string?)e["column"])).ToList();
        Assert.Contains((2, "programmes"), errors);
        Assert.Contains((3, "séjours"), errors);
        Assert.Contains((3, "nuits max"), errors);
        Assert.Contains((3, "certifié jusqu'au"), errors);
        Assert.Contains((4, "région"), errors);
        Assert.Contains((4, "séjours"), errors);
        Assert.Contains((4, "nuits max"), errors);
        Assert.Contains((4, "certifié jusqu'au"), errors);
        Assert.Contains((5, "séjours"), errors);
        Assert.Empty(await (await client.GetAsync("/api/v1/hosts?search=sb-")).ReadArrayAsync());
    }
}
