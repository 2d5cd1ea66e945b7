using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace HostingMatch.IntegrationTests.Console;

/// <summary>The console's session over plain HTTP: what its cookie opens, and what it does not.</summary>
public sealed class ConsoleSessionTests() : OwnApiTest<ApiFactory>(new ApiFactory())
{
    private readonly CookieContainer cookies = new();
    private HttpClient browser = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // A client that behaves like the browser: it keeps cookies and sends no Authorization header.
        browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = Api.CreateClient().BaseAddress };
    }

    public override async Task DisposeAsync()
    {
        browser.Dispose();
        await base.DisposeAsync();
    }

    private async Task<string> SignInAsync(string key)
    {
        var signIn = await browser.PostAsJsonAsync("/console/session", new { key });
        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        var session = await (await browser.GetAsync("/console/session")).ReadObjectAsync();
        return (string)session["csrfToken"]!;
    }

    [Fact]
    public async Task TheSessionCookieIsHttpOnlyAndSameSiteStrict()
    {
        var signIn = await browser.PostAsJsonAsync("/console/session", new { key = Api.Coordinator.Key });

        var setCookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("hm_console=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheSessionTellsTheNightItsEndAndTheRole()
    {
        await SignInAsync(Api.Coordinator.Key);

        var session = await (await browser.GetAsync("/console/session")).ReadObjectAsync();

        Assert.Equal("coordinator", (string?)session["role"]);
        Assert.Equal("2026-11-26", (string?)session["night"]);
        Assert.Equal("2026-11-27T05:00:00Z", (string?)session["expiresAt"]);
    }

    [Fact]
    public async Task AChangeWithTheCookieButWithoutTheTokenIsRefusedAndChangesNothing()
    {
        await SignInAsync(Api.Coordinator.Key);

        var response = await browser.PostAsJsonAsync("/api/v1/nights/2026-11-26/requests", Builders.Family());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("urn:hostingmatch:problem:csrf", (string?)(await response.ReadObjectAsync())["type"]);
        Assert.Empty(await (await Api.CreateClient().GetAsync("/api/v1/nights/2026-11-26/requests")).ReadArrayAsync());
    }

    [Fact]
    public async Task AChangeWithTheCookieAndTheTokenIsMadeAndAudited()
    {
        var token = await SignInAsync(Api.Coordinator.Key);

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/nights/2026-11-26/requests") { Content = JsonContent.Create(Builders.Family()) };
        request.Headers.Add("X-CSRF-TOKEN", token);
        var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var audit = await (await Api.CreateClient(Api.Admin.Key).GetAsync("/api/v1/admin/audit")).ReadObjectAsync();
        Assert.Contains(audit["items"]!.AsArray(), e => (string?)e!["action"] == "POST /api/v1/nights/{night}/requests"
                                                       && (string?)e["apiKeyId"] == Api.Coordinator.Id.ToString());
    }

    [Fact]
    public async Task TheKeysThatSealTheSessionAreKeptInTheDatabaseSoARestartKeepsCoordinatorsSignedIn()
    {
        await SignInAsync(Api.Coordinator.Key);

        await using var db = Api.Database.NewContext();
        Assert.NotEmpty(await db.DataProtectionKeys.AsNoTracking().ToListAsync());
    }

    [Fact]
    public async Task SigningInIsAudited()
    {
        await SignInAsync(Api.Coordinator.Key);

        var audit = await (await Api.CreateClient(Api.Admin.Key).GetAsync("/api/v1/admin/audit")).ReadObjectAsync();
        Assert.Contains(audit["items"]!.AsArray(), e => (string?)e!["action"] == "POST /console/session"
                                                       && (string?)e["apiKeyId"] == Api.Coordinator.Id.ToString());
    }

    [Fact]
    public async Task AForgedTokenIsRefused()
    {
        await SignInAsync(Api.Coordinator.Key);

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/nights/2026-11-26/requests") { Content = JsonContent.Create(Builders.Family()) };
        request.Headers.Add("X-CSRF-TOKEN", "CfDJ8forged");
        var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("urn:hostingmatch:problem:csrf", (string?)(await response.ReadObjectAsync())["type"]);
        Assert.Empty(await (await Api.CreateClient().GetAsync("/api/v1/nights/2026-11-26/requests")).ReadArrayAsync());
    }

    [Fact]
    public async Task AnAdminSignedInToTheConsoleCannotUseTheAdminEndpointsWithTheCookie()
    {
        await SignInAsync(Api.Admin.Key);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/nights/2026-11-26/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/admin/organisations")).StatusCode);
    }

    [Fact]
    public async Task ThePartnersEndpointsDoNotTakeTheConsolesCookie()
    {
        await SignInAsync(Api.Coordinator.Key);

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/referrals")).StatusCode);
    }

    [Fact]
    public async Task WithoutASessionTheDataIsClosedButThePageIsServed()
    {
        var page = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());

        var data = await browser.GetAsync("/api/v1/nights/2026-11-26/requests");
        Assert.Equal(HttpStatusCode.Unauthorized, data.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/console/session")).StatusCode);
    }

    [Fact]
    public async Task ASignInWithAnEmptyOrWrongKeySaysSoWithoutTellingWhich()
    {
        var empty = await browser.PostAsJsonAsync("/console/session", new { key = "" });
        var wrong = await browser.PostAsJsonAsync("/console/session", new { key = Api.Coordinator.Key + "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal((string?)(await empty.ReadObjectAsync())["title"], (string?)(await wrong.ReadObjectAsync())["title"]);
    }

    [Fact]
    public async Task AfterSigningOutEvenACopyOfTheCookieNoLongerWorks()
    {
        await SignInAsync(Api.Coordinator.Key);
        var copy = cookies.GetCookieHeader(browser.BaseAddress!);

        var signOut = await browser.DeleteAsync("/console/session");

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal("\"cookies\"", signOut.Headers.GetValues("Clear-Site-Data").Single());
        using var replay = new HttpClient { BaseAddress = browser.BaseAddress };
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/nights/2026-11-26/summary");
        request.Headers.Add("Cookie", copy);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task PutsAndDeletesWithTheCookieNeedTheTokenToo()
    {
        await SignInAsync(Api.Coordinator.Key);
        var host = await (await Api.CreateClient().PostAsJsonAsync("/api/v1/hosts", Builders.Host())).ReadObjectAsync();

        var put = await browser.PutAsJsonAsync($"/api/v1/hosts/{(string)host["id"]!}/availability/2026-11-26", new { available = false });
        var delete = await browser.DeleteAsync($"/api/v1/referrals/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        var after = await (await Api.CreateClient().GetAsync($"/api/v1/hosts/{(string)host["id"]!}")).ReadObjectAsync();
        Assert.Empty(after["exceptions"]!.AsArray());
    }

    [Fact]
    public async Task ABearerKeyWinsOverTheCookie()
    {
        await SignInAsync(Api.Coordinator.Key);
        var partner = await Api.IssueKeyAsync("Maraude Nord", "partner");

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/nights/2026-11-26/requests");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", partner.Key);

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task TheConsolesReadsAreNotAuditedOneByOneButItsSignInAndChangesAre()
    {
        var token = await SignInAsync(Api.Coordinator.Key);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/nights/2026-11-26/requests")).StatusCode);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/nights/2026-11-26/requests") { Content = JsonContent.Create(Builders.Family()) };
        request.Headers.Add("X-CSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.Created, (await browser.SendAsync(request)).StatusCode);

        var actions = (await (await Api.CreateClient(Api.Admin.Key).GetAsync("/api/v1/admin/audit")).ReadObjectAsync())["items"]!.AsArray()
            .Where(e => (string?)e!["apiKeyId"] == Api.Coordinator.Id.ToString()).Select(e => (string)e!["action"]!).ToList();
        Assert.Contains("POST /console/session", actions);
        Assert.Contains("POST /api/v1/nights/{night}/requests", actions);
        Assert.DoesNotContain("GET /api/v1/nights/{night}/requests", actions);
    }

    [Fact]
    public async Task AKeyFromThePagesAddressIsRefusedUnlessTheServerTakesThem()
    {
        var response = await browser.PostAsJsonAsync("/console/session", new { key = Api.Coordinator.Key, fromAddress = true });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(cookies.GetAllCookies(), c => c.Name == "hm_console");
    }
}
