using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using HostingMatch.IntegrationTests.Support;

namespace HostingMatch.IntegrationTests.Hosts;

/// <summary>Issue 13, items 2 and 3: a hopeless spreadsheet is answered briefly; an empty availability body changes nothing.</summary>
public sealed class HostHardeningTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    [Theory]
    [InlineData("{}", "available")]
    [InlineData("""{"availabel": false}""", "availabel")]
    public async Task AnAvailabilityBodyWithoutAvailableAnswers400AndKeepsTheException(string body, string field)
    {
        var created = await (await client.PostAsJsonAsync("/api/v1/hosts", Builders.Host($"h-av{field.Length}{body.Length}"))).ReadObjectAsync();
        var id = (string)created["id"]!;
        // 2026-11-26 is a Thursday, in the pattern: the exception says no.
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/hosts/{id}/availability/2026-11-26", new { available = false })).StatusCode);

        var response = await client.PutAsync($"/api/v1/hosts/{id}/availability/2026-11-26", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), errors.ToJsonString());
        var host = await (await client.GetAsync($"/api/v1/hosts/{id}")).ReadObjectAsync();
        var exception = Assert.Single(host["exceptions"]!.AsArray());
        Assert.False((bool)exception!["available"]!);
    }

    [Fact]
    public async Task AnAvailabilityOfNullStillGoesBackToTheWeeklyPattern()
    {
        var created = await (await client.PostAsJsonAsync("/api/v1/hosts", Builders.Host("h-avnull"))).ReadObjectAsync();
        var id = (string)created["id"]!;
        await client.PutAsJsonAsync($"/api/v1/hosts/{id}/availability/2026-11-26", new { available = false });

        var response = await client.PutAsync($"/api/v1/hosts/{id}/availability/2026-11-26", new StringContent("""{"available": null}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await response.ReadObjectAsync())["exceptions"]!.AsArray());
    }

    [Fact]
    public async Task AHopelessSpreadsheetIsAnsweredWithTheFirstHundredProblemsAndTheCount()
    {
        // Near 2 MB: a header, then about 150,000 rows that are all wrong (the probe sent a million: 858 MB back, 66 s).
        var csv = new StringBuilder("code;nom;téléphone;latitude;longitude;adresse;lits;accepte;convention signée;convention début;convention fin\n");
        for (var i = 0; csv.Length < 1_900_000; i++)
        {
            csv.Append(i).Append(";;x;;;;;;;;\n");
        }

        var clock = Stopwatch.StartNew();
        var response = await client.PostAsync("/api/v1/hosts/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True(body.Length < 100_000, $"{body.Length} bytes answered");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{clock.Elapsed}");
        var report = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        Assert.Equal(100, report["errors"]!.AsArray().Count);
        Assert.True((int)report["errorCount"]! >= 1000);
        Assert.True((int?)report["stoppedAtLine"] < 200, report["stoppedAtLine"]?.ToJsonString());
    }
}
