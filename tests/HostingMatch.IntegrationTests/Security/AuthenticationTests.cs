using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace HostingMatch.IntegrationTests.Security;

public sealed class AuthenticationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static TheoryData<string, string> ProtectedEndpoints => new()
    {
        { "GET", "/api/v1/hosts" },
        { "GET", "/api/v1/nights/2026-11-26/requests" },
        { "GET", "/api/v1/nights/2026-11-26/summary" },
        { "GET", "/api/v1/referrals" },
        { "POST", "/api/v1/referrals" },
        { "GET", "/api/v1/admin/keys" },
        { "GET", "/api/v1/admin/audit" },
        { "GET", "/api/v1/not-a-route" },
    };

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task CallingWithoutAKeyAnswers401ProblemDetailsWithABearerChallenge(string method, string path)
    {
        var response = await api.CreateAnonymousClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? JsonContent.Create(Builders.Referral()) : null,
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("urn:hostingmatch:problem:unauthorized", (string?)(await response.ReadObjectAsync())["type"]);
    }

    [Theory]
    [InlineData("hm_abcdefgh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-key")]
    [InlineData("")]
    public async Task AnUnknownOrMalformedKeyAnswers401(string key)
    {
        var client = api.CreateAnonymousClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bearer {key}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/hosts")).StatusCode);
    }

    [Fact]
    public async Task AKeyWithOneCharacterChangedAnswers401()
    {
        var key = await api.IssueKeyAsync("Tamper org", "coordinator");
        var last = key.Key[^1] == 'A' ? 'B' : 'A';
        var tampered = key.Key[..^1] + last;
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient(key.Key).GetAsync("/api/v1/hosts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient(tampered).GetAsync("/api/v1/hosts")).StatusCode);
    }

    [Theory]
    [InlineData("partner", "GET", "/api/v1/hosts")]
    [InlineData("partner", "GET", "/api/v1/nights/2026-11-26/requests")]
    [InlineData("partner", "GET", "/api/v1/admin/organisations")]
    [InlineData("coordinator", "GET", "/api/v1/admin/organisations")]
    [InlineData("coordinator", "GET", "/api/v1/admin/audit")]
    [InlineData("coordinator", "GET", "/api/v1/referrals")]
    [InlineData("admin", "GET", "/api/v1/referrals")]
    public async Task AKeyOfTheWrongRoleAnswers403ProblemDetails(string role, string method, string path)
    {
        var client = await api.CreateClientAsync(role);
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("urn:hostingmatch:problem:forbidden", (string?)(await response.ReadObjectAsync())["type"]);
    }

    [Fact]
    public async Task AnAdminMayDoWhatACoordinatorDoes()
    {
        var admin = api.CreateClient(api.Admin.Key);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/hosts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/nights/2026-11-26/summary")).StatusCode);
    }

    [Fact]
    public async Task TheProbesTheContractAndTheDocsNeedNoKey()
    {
        var anonymous = api.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/docs/v1")).StatusCode);
    }

    [Fact]
    public async Task ARevokedKeyAnswers401AtOnce()
    {
        var key = await api.IssueKeyAsync("Revoked org", "partner");
        var partner = api.CreateClient(key.Key);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync("/api/v1/referrals")).StatusCode);

        var revoke = await api.CreateClient(api.Admin.Key).PostAsync($"/api/v1/admin/keys/{key.Id}/revoke", null);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.False((bool)(await revoke.ReadObjectAsync())["active"]!);

        Assert.Equal(HttpStatusCode.Unauthorized, (await partner.GetAsync("/api/v1/referrals")).StatusCode);
    }

    [Fact]
    public async Task KeysAreStoredOnlyAsTheirHash()
    {
        var key = await api.IssueKeyAsync("Hash org", "partner");

        await using var db = api.Database.NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM api_keys WHERE id = @id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "id";
        parameter.Value = key.Id;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var secretPart = key.Key[(key.Prefix.Length + 1)..];
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var value = reader.GetValue(i);
            var text = value is byte[] bytes ? Encoding.UTF8.GetString(bytes) + Convert.ToBase64String(bytes) : value.ToString()!;
            Assert.DoesNotContain(secretPart, text);
            Assert.NotEqual(key.Key, text);
        }

        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(key.Key)), (byte[])reader["secret_hash"]);
        Assert.Equal(key.Prefix, (string)reader["prefix"]);
    }

    [Fact]
    public async Task ResponsesCarryTheSecurityHeadersAndNoCorsForUnknownOrigins()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/hosts");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());

        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/hosts");
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        var answer = await api.CreateAnonymousClient().SendAsync(preflight);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task ABodyOverTheLimitAnswers413ProblemDetails()
    {
        var (partner, _) = await api.CreatePartnerAsync("Big body org");
        var body = Builders.Referral();
        body["notes"] = new string('x', 70 * 1024);

        var response = await partner.PostAsJsonAsync("/api/v1/referrals", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("urn:hostingmatch:problem:payload-too-large", (string?)(await response.ReadObjectAsync())["type"]);
    }
}

public sealed class KeyExpiryTests(ApiFactory api) : KeyExpiryTestsBase<ApiFactory>(api), IClassFixture<ApiFactory>;

/// <summary>The expiry holds to the instant whatever the cache of checked keys (<c>CheckedKeysTests</c>) believes.</summary>
public abstract class KeyExpiryTestsBase<TFactory>(TFactory api) where TFactory : ApiFactory
{
    protected TFactory Api => api;

    [Fact]
    public async Task AKeyPastItsExpiryAnswers401()
    {
        var (key, partner) = await CheckedKeysTests.PartnerAsync(api, "Expiring org", expiresInDays: 30);

        api.Clock.AdvanceDays(29);
        Assert.Equal(HttpStatusCode.OK, await CheckedKeysTests.ReferralsAsync(partner));

        api.Clock.AdvanceDays(1);
        Assert.Equal(HttpStatusCode.Unauthorized, await CheckedKeysTests.ReferralsAsync(partner));
    }
}

public sealed class FallbackPolicyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task RoutingsOwnAnswersReachAPartnerAsTheyAreButNeverAnAnonymousCaller()
    {
        var (partner, _) = await api.CreatePartnerAsync("Lost partner");

        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync("/api/v1/no-such-thing")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await partner.PutAsync("/api/v1/referrals", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateAnonymousClient().GetAsync("/api/v1/no-such-thing")).StatusCode);
    }
}
