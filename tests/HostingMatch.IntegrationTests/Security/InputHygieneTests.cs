using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HostingMatch.IntegrationTests.Support;

namespace HostingMatch.IntegrationTests.Security;

/// <summary>
/// Issue 13, item 1: a NUL (which PostgreSQL refuses, 22021) or a lone surrogate in any text field is a 400 ProblemDetails
/// naming the field, never a 500, and stores nothing; invisible reordering characters are removed (item 6).
/// </summary>
public sealed class InputHygieneTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Nul = "\u0000";

    public static TheoryData<string, string, string, string> Bodies => new()
    {
        // what, role, route, field
        { "referral alias", "partner", "/api/v1/referrals", "alias" },
        { "referral referrer.name", "partner", "/api/v1/referrals", "referrer.name" },
        { "referral notes", "partner", "/api/v1/referrals", "notes" },
        { "request alias", "coordinator", "/api/v1/nights/2026-11-26/requests", "alias" },
        { "request notes", "coordinator", "/api/v1/nights/2026-11-26/requests", "notes" },
        { "host code", "coordinator", "/api/v1/hosts", "code" },
        { "host displayName", "coordinator", "/api/v1/hosts", "displayName" },
        { "host address", "coordinator", "/api/v1/hosts", "address" },
        { "host notes", "coordinator", "/api/v1/hosts", "notes" },
        { "organisation name", "admin", "/api/v1/admin/organisations", "name" },
    };

    private static JsonObject BodyFor(string route, string field, string value)
    {
        JsonObject body = route switch
        {
            "/api/v1/referrals" => Builders.Referral(),
            "/api/v1/hosts" => Builders.Host($"h-{Guid.NewGuid():N}"[..12]),
            "/api/v1/admin/organisations" => new JsonObject { ["name"] = "Org" },
            _ => Builders.Family(),
        };
        var path = field.Split('.');
        var target = path.Length == 2 ? body[path[0]]!.AsObject() : body;
        target[path[^1]] = value;
        return body;
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task ANulInATextFieldAnswers400NamingTheField(string what, string role, string route, string field)
    {
        var client = role == "admin" ? api.CreateClient(api.Admin.Key) : await api.CreateClientAsync(role);

        var response = await client.PostAsJsonAsync(route, BodyFor(route, field, $"Anna{Nul}B"));

        await AssertNamesAsync(response, field, what);
    }

    public static TheoryData<string, string, string, string, string, string> OneLineFields => new()
    {
        // what, role, route, field, value, the error's name (as its validator names it): names printed as they are into
        // SMS, run sheets and the command line's lines
        { "referral alias", "partner", "/api/v1/referrals", "alias", "Famille\nA.", "alias" },
        { "referral referrer.name", "partner", "/api/v1/referrals", "referrer.name", "Léa\tM.", "referrer.name" },
        { "request alias", "coordinator", "/api/v1/nights/2026-11-26/requests", "alias", "Famille A.\r\nOK: annulé", "alias" },
        { "host displayName", "coordinator", "/api/v1/hosts", "displayName", "Claire\u2028B.", "displayName" },
        { "host code with a line break", "coordinator", "/api/v1/hosts", "code", "h-lb\nOK: annulé", "code" },
        { "host code with a tab", "coordinator", "/api/v1/hosts", "code", "h-tab\t1", "code" },
    };

    [Theory]
    [MemberData(nameof(OneLineFields))]
    public async Task ALineBreakOrTabInAOneLineFieldAnswers400NamingTheField(string what, string role, string route, string field, string value,
        string named)
    {
        var client = await api.CreateClientAsync(role);

        var response = await client.PostAsJsonAsync(route, BodyFor(route, field, value));

        await AssertNamesAsync(response, named, what);
    }

    [Fact]
    public async Task ALoneSurrogateInABodyAnswers400NamingTheField()
    {
        var (partner, _) = await api.CreatePartnerAsync("Surrogate org");
        var body = Builders.Referral().ToJsonString().Replace("\"Famille A.\"", "\"Famille \\ud800\"");

        var response = await partner.PostAsync("/api/v1/referrals", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertNamesAsync(response, "alias", "lone surrogate");
    }

    [Theory]
    [InlineData("/api/v1/hosts?search=%00", "search")]
    [InlineData("/api/v1/admin/audit?action=%00", "action")]
    public async Task ANulInAQueryValueAnswers400NamingTheParameter(string url, string parameter)
    {
        var response = await api.CreateClient(api.Admin.Key).GetAsync(url);

        await AssertNamesAsync(response, parameter, url);
    }

    [Theory]
    [InlineData("/api/v1/simulations/matching", "night-paris-sample.json", "$.base.name")]
    [InlineData("/api/v1/simulations/van-runs", "vans-sample.json", "$.base.name")]
    public async Task ALoneSurrogateInASimulationFileAnswers400WithItsPath(string route, string sample, string path)
    {
        var file = (await File.ReadAllTextAsync(Path.Combine(Paths.SharedSamples, sample))).Replace("\"Porte de la Chapelle\"", "\"Porte \\ud800\"");

        var response = await api.CreateClient().PostAsync(route, new StringContent(file, Encoding.UTF8, "application/json"));

        await AssertNamesAsync(response, path, sample);
    }

    [Fact]
    public async Task ANulInACsvCellIsReportedOnItsLineAndColumnAndImportsNothing()
    {
        const string header = "code;nom;téléphone;latitude;longitude;adresse;lits;accepte;convention signée;convention début;convention fin\n";
        var csv = header + $"nul-1;Ann{Nul};0611111111;48,85;2,35;1 rue A;2;femmes;2026-01-01;2026-01-01;2027-01-01\n";

        var response = await api.CreateClient().PostAsync("/api/v1/hosts/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single((await response.ReadObjectAsync())["errors"]!.AsArray());
        Assert.Equal(2, (int)error!["line"]!);
        Assert.Equal("nom", (string?)error["column"]);
        Assert.Contains("control characters", (string?)error["problem"]);
        Assert.Empty(await (await api.CreateClient().GetAsync("/api/v1/hosts?search=nul-")).ReadArrayAsync());
    }

    [Theory]
    [InlineData("line-1", "\"Ann\nB.\"", "nom")]
    [InlineData("\"line\n2\"", "Ann", "code")]
    [InlineData("line\t3", "Ann", "code")]
    public async Task ALineBreakOrTabInACsvOneLineCellIsReportedOnItsLineAndColumnAndImportsNothing(string code, string name, string column)
    {
        const string header = "code;nom;téléphone;latitude;longitude;adresse;lits;accepte;convention signée;convention début;convention fin\n";
        var csv = header + $"{code};{name};0611111111;48,85;2,35;1 rue A;2;femmes;2026-01-01;2026-01-01;2027-01-01\n";

        var response = await api.CreateClient().PostAsync("/api/v1/hosts/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single((await response.ReadObjectAsync())["errors"]!.AsArray());
        Assert.Equal(column, (string?)error!["column"]);
        Assert.StartsWith("must be one line", (string?)error["problem"]);
        Assert.Empty(await (await api.CreateClient().GetAsync("/api/v1/hosts?search=line")).ReadArrayAsync());
    }

    [Fact]
    public async Task RightToLeftOverridesAndZeroWidthCharactersAreRemovedFromNames()
    {
        var client = api.CreateClient();
        var body = BodyFor("/api/v1/hosts", "displayName", "Cla\u202Eire\u200B\u2066 B.\u2069");

        var created = await client.PostAsJsonAsync("/api/v1/hosts", body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Claire B.", (string?)(await created.ReadObjectAsync())["displayName"]);
    }

    private static async Task AssertNamesAsync(HttpResponseMessage response, string field, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = JsonNode.Parse(text)!["errors"]?.AsObject().Select(e => e.Key).ToList() ?? [];
        Assert.True(errors.Contains(field), $"{what}: errors name [{string.Join(", ", errors)}], not {field}");
    }
}
