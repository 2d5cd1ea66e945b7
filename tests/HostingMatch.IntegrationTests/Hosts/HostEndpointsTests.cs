using System.Text.Json.Nodes;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using HostingMatch.IntegrationTests.Support;

namespace HostingMatch.IntegrationTests.Hosts;

public sealed class HostEndpointsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    [Fact]
    public async Task PostingAHostThenReadingItReturnsEveryField()
    {
        var created = await client.PostAsJsonAsync("/api/v1/hosts", Builders.Host("h-rt", beds: 4, accepts: ["minor", "family"], minorsCertified: true));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadObjectAsync())["id"]!.GetValue<Guid>();
        Assert.Equal($"/api/v1/hosts/{id}", created.Headers.Location!.OriginalString);

        var read = await client.GetAsync($"/api/v1/hosts/{id}");
        var host = await read.ReadObjectAsync();
        Assert.Equal("h-rt", (string?)host["code"]);
        Assert.Equal("+33612345678", (string?)host["phone"]);
        Assert.Equal(4, (int)host["beds"]!);
        Assert.Equal(["family", "minor"], host["accepts"]!.AsArray().Select(a => (string)a!).Order());
        Assert.True((bool)host["minorsCertified"]!);
        Assert.Equal("2027-01-14", (string?)host["agreement"]!["validUntil"]);
        Assert.Equal(["monday", "thursday"], host["weeklyDays"]!.AsArray().Select(a => (string)a!));
        Assert.Equal("20:00", (string?)host["arrivalFrom"]);
        Assert.Equal("00:30", (string?)host["arrivalUntil"]);
        Assert.NotNull(read.Headers.ETag);
    }

    [Fact]
    public async Task PostingAHostWithBadFieldsReturnsProblemDetailsWithEachField()
    {
        var body = Builders.Host("h-bad");
        body["phone"] = "06 12";
        body["beds"] = -1;
        body["accepts"] = new System.Text.Json.Nodes.JsonArray("kids");
        body["agreement"]!["validUntil"] = "2025-01-01";

        var response = await client.PostAsJsonAsync("/api/v1/hosts", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.ReadObjectAsync();
        Assert.Equal("urn:hostingmatch:problem:validation", (string?)problem["type"]);
        var errors = problem["errors"]!.AsObject();
        Assert.Contains("phone", errors.Select(e => e.Key));
        Assert.Contains("beds", errors.Select(e => e.Key));
        Assert.Contains("accepts[0]", errors.Select(e => e.Key));
        Assert.Contains("agreement.validUntil", errors.Select(e => e.Key));
    }

    [Fact]
    public async Task AFieldIsNamedAsTheClientSentItOnCreateAndUpdateWhetherTheValidatorOrTheJsonReaderRefusesIt()
    {
        var created = await client.PostAsJsonAsync("/api/v1/hosts", Builders.Host("h-named"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var validated = Builders.Host("h-named-2");
        validated["beds"] = -1;
        validated["agreement"]!["validUntil"] = "2025-01-01";
        var typed = Builders.Host("h-named-3");
        typed["agreement"]!["validUntil"] = 20270114;
        Func<JsonObject, Task<HttpResponseMessage>>[] sends =
            [body => client.PostAsJsonAsync("/api/v1/hosts", body), body => client.PutAsJsonAsync(created.Headers.Location, body)];

        foreach (var send in sends)
        {
            foreach (var (body, fields) in new[] { (validated, new[] { "agreement.validUntil", "beds" }), (typed, ["agreement.validUntil"]) })
            {
                var response = await send(body);
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Equal(fields, (await response.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
            }
        }
    }

    [Fact]
    public async Task PostingUnreadableJsonReturns400WithThePath()
    {
        var response = await client.PostAsync("/api/v1/hosts",
            new StringContent("""{"code": "h-x", "beds": "three"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.Contains("beds", problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.DoesNotContain("System.", (string?)problem["detail"]);
    }

    [Fact]
    public async Task PostingTheSameCodeTwiceReturns409WithItsCode()
    {
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/hosts", Builders.Host("h-dup"))).StatusCode);
        var second = await client.PostAsJsonAsync("/api/v1/hosts", Builders.Host("h-dup"));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("host-code-taken", (string?)(await second.ReadObjectAsync())["code"]);
    }

    [Fact]
    public async Task GettingAnUnknownHostReturns404ProblemDetails()
    {
        var response = await client.GetAsync($"/api/v1/hosts/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("urn:hostingmatch:problem:not-found", (string?)(await response.ReadObjectAsync())["type"]);
    }

    [Fact]
    public async Task UpdatingWithAStaleVersionReturns409AndKeepsTheFirstChange()
    {
        var created = await (await client.PostAsJsonAsync("/api/v1/hosts", Builders.Host("h-cc"))).ReadObjectAsync();
        var id = (string)created["id"]!;
        var etag = (await client.GetAsync($"/api/v1/hosts/{id}")).Headers.ETag!;

        // Two coordinators read the same version; the first saves, the second must not overwrite.
        var first = Builders.Host("h-cc", beds: 5);
        var second = Builders.Host("h-cc", beds: 1);
        var firstResponse = await SendPut(id, first, etag);
        var secondResponse = await SendPut(id, second, etag);

        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondResponse.StatusCode);
        Assert.Equal("concurrency-conflict", (string?)(await secondResponse.ReadObjectAsync())["code"]);
        Assert.Equal(5, (int)(await (await client.GetAsync($"/api/v1/hosts/{id}")).ReadObjectAsync())["beds"]!);
    }

    [Fact]
    public async Task UpdatingAnUnknownHostReturns404()
    {
        var response = await client.PutAsJsonAsync($"/api/v1/hosts/{Guid.NewGuid()}", Builders.Host("h-none"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AOneNightExceptionOverridesTheWeeklyPattern()
    {
        var created = await (await client.PostAsJsonAsync("/api/v1/hosts", Builders.Host("h-av"))).ReadObjectAsync();
        var id = (string)created["id"]!;

        // 2026-11-26 is a Thursday (in the pattern); 2026-11-27 a Friday (not in it).
        Assert.Contains(await AvailableCodes("2026-11-26"), c => c == "h-av");
        Assert.DoesNotContain(await AvailableCodes("2026-11-27"), c => c == "h-av");

        await client.PutAsJsonAsync($"/api/v1/hosts/{id}/availability/2026-11-26", new { available = false });
        await client.PutAsJsonAsync($"/api/v1/hosts/{id}/availability/2026-11-27", new { available = true });

        Assert.DoesNotContain(await AvailableCodes("2026-11-26"), c => c == "h-av");
        Assert.Contains(await AvailableCodes("2026-11-27"), c => c == "h-av");
    }

    [Fact]
    public async Task TheListShowsEachHostExactlyAsReadingItAlone()
    {
        // The list reads hosts as columns and their owned lists apart (HostRows); one host is read whole. They must agree,
        // each host with its own exceptions and stay periods, none of another's.
        var both = Builders.Host("h-list-both", accepts: ["minor", "family"], minorsCertified: true);
        both["programmes"] = new JsonArray("one-night", "stays");
        both["staysAvailable"] = new JsonArray(
            new JsonObject { ["from"] = "2027-04-10", ["until"] = "2027-05-01" },
            new JsonObject { ["from"] = "2027-03-01", ["until"] = "2027-04-01" });
        var stays = Builders.StaysHost("h-list-stays", "2027-02-01", "2027-02-20");
        var plain = Builders.Host("h-list-plain");
        plain["weeklyDays"] = new JsonArray("sunday", "friday", "monday");
        var ids = new List<string>();
        foreach (var body in new[] { both, stays, plain })
        {
            ids.Add((string)(await (await client.PostAsJsonAsync("/api/v1/hosts", body)).ReadObjectAsync())["id"]!);
        }

        await client.PutAsJsonAsync($"/api/v1/hosts/{ids[0]}/availability/2026-11-27", new { available = true });
        await client.PutAsJsonAsync($"/api/v1/hosts/{ids[0]}/availability/2026-11-26", new { available = false });
        await client.PutAsJsonAsync($"/api/v1/hosts/{ids[2]}/availability/2026-11-30", new { available = false });

        var listed = (await (await client.GetAsync("/api/v1/hosts?search=h-list-")).ReadArrayAsync())
            .ToDictionary(h => (string)h!["host"]!["id"]!, h => h!["host"]!);
        Assert.Equal(ids.Order(), listed.Keys.Order());
        foreach (var id in ids)
        {
            var alone = await (await client.GetAsync($"/api/v1/hosts/{id}")).ReadObjectAsync();
            Assert.True(JsonNode.DeepEquals(alone, listed[id]), $"listed: {listed[id]}\nalone: {alone}");
        }

        Assert.Equal(["2026-11-26", "2026-11-27"], listed[ids[0]]["exceptions"]!.AsArray().Select(e => (string)e!["night"]!));
        Assert.Equal(2, listed[ids[0]]["staysAvailable"]!.AsArray().Count);
        Assert.Equal(["monday", "friday", "sunday"], listed[ids[2]]["weeklyDays"]!.AsArray().Select(d => (string)d!));
        // The one-night exception of 2026-11-27 (a Friday, outside the weekly pattern) makes the first host available.
        Assert.Contains("h-list-both", await AvailableCodes("2026-11-27"));
        Assert.DoesNotContain("h-list-both", await AvailableCodes("2026-11-26"));
        Assert.DoesNotContain("h-list-stays", await AvailableCodes("2026-11-26"));
        Assert.DoesNotContain("h-list-plain", await AvailableCodes("2026-11-30"));
    }

    [Fact]
    public async Task AnExpiredAgreementIsNeverAvailableAndIsFlagged()
    {
        var body = Builders.Host("h-exp");
        body["agreement"] = new System.Text.Json.Nodes.JsonObject { ["signedOn"] = "2025-01-01", ["validFrom"] = "2025-01-01", ["validUntil"] = "2026-11-25" };
        await client.PostAsJsonAsync("/api/v1/hosts", body);

        Assert.DoesNotContain(await AvailableCodes("2026-11-26"), c => c == "h-exp");
        var all = await (await client.GetAsync("/api/v1/hosts?search=h-exp")).ReadArrayAsync();
        Assert.True((bool)all.Single()!["agreementExpired"]!);
    }

    [Fact]
    public async Task ABadNightInTheQueryReturns400OnTheField()
    {
        var response = await client.GetAsync("/api/v1/hosts?availableOn=26/11/2026");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("night", (await response.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
    }

    private async Task<string[]> AvailableCodes(string night) =>
        (await (await client.GetAsync($"/api/v1/hosts?availableOn={night}")).ReadArrayAsync())
        .Select(h => (string)h!["host"]!["code"]!).ToArray();

    private Task<HttpResponseMessage> SendPut(string id, object body, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/hosts/{id}") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(etag);
        return client.SendAsync(request);
    }
}
