using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HostingMatch.IntegrationTests.Support;

namespace HostingMatch.IntegrationTests.Security;

public sealed class AuditTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task EveryCoordinatorChangeAndPersonalDataReadLeavesAnAuditEntryWithWhoWhatAndWhen()
    {
        var coordinator = api.CreateClient();
        var host = await (await coordinator.PostAsJsonAsync("/api/v1/hosts", Builders.Host("h-audit"))).ReadObjectAsync();
        var hostId = (string)host["id"]!;
        var etag = (await coordinator.GetAsync($"/api/v1/hosts/{hostId}")).Headers.ETag!;
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/hosts/{hostId}") { Content = JsonContent.Create(Builders.Host("h-audit", beds: 2)) };
        put.Headers.IfMatch.Add(etag);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.SendAsync(put)).StatusCode);
        await coordinator.PutAsJsonAsync($"/api/v1/hosts/{hostId}/availability/2026-11-26", new { available = false });
        await coordinator.GetAsync("/api/v1/hosts");
        var request = await (await coordinator.PostAsJsonAsync("/api/v1/nights/2026-11-26/requests", Builders.Family("Famille Audit."))).ReadObjectAsync();
        await coordinator.GetAsync($"/api/v1/requests/{request["id"]}");
        await coordinator.GetAsync("/api/v1/nights/2026-11-26/requests");

        var log = await ReadLogAsync($"keyId={api.Coordinator.Id}&pageSize=200");

        void Has(string action, string targetType, string? targetId = null) =>
            Assert.True(log.Any( e => (string?)e!["action"] == action && (string?)e!["targetType"] == targetType
                                      && (targetId is null || (string?)e!["targetId"] == targetId)
                                      && (string?)e!["organisationId"] == api.Coordinator.OrganisationId.ToString()
                                      && (string?)e!["at"] == "2026-11-26T17:00:00Z"), $"{action} {targetType} {targetId} not in {log.ToJsonString()}");
        Has("POST /api/v1/hosts", "hosts", hostId);
        Has("GET /api/v1/hosts/{id:guid}", "hosts", hostId);
        Has("PUT /api/v1/hosts/{id:guid}", "hosts", hostId);
        Has("PUT /api/v1/hosts/{id:guid}/availability/{night}", "hosts", hostId);
        Has("GET /api/v1/hosts", "hosts");
        Has("POST /api/v1/nights/{night}/requests", "requests", (string)request["id"]!);
        Has("GET /api/v1/requests/{id:guid}", "requests", (string)request["id"]!);
        Has("GET /api/v1/nights/{night}/requests", "requests", "2026-11-26");
    }

    [Fact]
    public async Task AdminChangesToOrganisationsAndKeysAreAuditedAndTheLogIsFilteredAndPaged()
    {
        var admin = api.CreateClient(api.Admin.Key);
        var organisation = await (await admin.PostAsJsonAsync("/api/v1/admin/organisations", new { name = "Audited partner" })).ReadObjectAsync();
        var issued = await admin.PostAsJsonAsync("/api/v1/admin/keys", new { organisationId = (string)organisation["id"]!, role = "partner", expiresInDays = 90 });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var key = await issued.ReadObjectAsync();
        Assert.StartsWith("hm_", (string?)key["key"]);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/admin/keys/{key["id"]}/revoke", null)).StatusCode);
        var keys = await (await admin.GetAsync($"/api/v1/admin/keys?organisationId={organisation["id"]}")).ReadArrayAsync();
        Assert.DoesNotContain("\"key\"", keys.ToJsonString());
        Assert.False((bool)keys.Single()!["active"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/v1/admin/organisations", new { name = "Audited partner" })).StatusCode);

        var log = await ReadLogAsync($"keyId={api.Admin.Id}&action=POST%20/api/v1/admin&pageSize=200");
        Assert.Contains(log, e => (string?)e!["action"] == "POST /api/v1/admin/organisations" && (string?)e!["targetId"] == (string?)organisation["id"]);
        Assert.Contains(log, e => (string?)e!["action"] == "POST /api/v1/admin/keys" && (string?)e!["targetId"] == (string?)key["id"]);
        Assert.Contains(log, e => (string?)e!["action"] == "POST /api/v1/admin/keys/{id:guid}/revoke" && (string?)e!["targetId"] == (string?)key["id"]);
        Assert.All(log, e => Assert.StartsWith("POST /api/v1/admin", (string?)e!["action"]));
        Assert.DoesNotContain((string)key["key"]!, log.ToJsonString());

        var page = await (await admin.GetAsync("/api/v1/admin/audit?pageSize=1&page=2")).ReadObjectAsync();
        Assert.Single(page["items"]!.AsArray());
        Assert.True((int)page["total"]! >= 3);
        var future = await (await admin.GetAsync("/api/v1/admin/audit?from=2030-01-01T00:00:00Z")).ReadObjectAsync();
        Assert.Equal(0, (int)future["total"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/admin/audit?from=yesterday")).StatusCode);
    }

    private async Task<JsonArray> ReadLogAsync(string query)
    {
        var response = await api.CreateClient(api.Admin.Key).GetAsync($"/api/v1/admin/audit?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadObjectAsync())["items"]!.AsArray();
    }
}

public sealed class AuditAtomicityTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AChangeThatFailsLeavesNeitherTheChangeNorAnEntry()
    {
        var coordinator = api.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync("/api/v1/hosts", Builders.Host("h-twice"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PostAsJsonAsync("/api/v1/hosts", Builders.Host("h-twice"))).StatusCode);

        var log = await (await api.CreateClient(api.Admin.Key).GetAsync("/api/v1/admin/audit?action=POST%20/api/v1/hosts")).ReadObjectAsync();
        Assert.Equal(1, (int)log["total"]!);
    }
}
