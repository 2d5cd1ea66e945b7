using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.IntegrationTests.Stays;

/// <summary>A partner refers a guest for stays and follows it, over real HTTP and PostgreSQL; it never sees a host.</summary>
public sealed class StaysReferralTests : OwnApiTest
{
    // A host whose every identifying value is distinctive, so that any leak shows up in a plain text search.
    private const string HostName = "Zéphyrine Quillebœuf";
    private const string HostAddress = "77 impasse des Hortensias-Bleus, 35000 Rennes";
    private const string HostPhone = "+33639980177";
    private const string HostCode = "k-zq-77";

    public static JsonObject Referral(string alias = "K. (16 ans)") => new()
    {
        ["alias"] = alias,
        ["members"] = new JsonArray(new JsonObject { ["age"] = 35, ["sex"] = "female" }, new JsonObject { ["age"] = 8, ["sex"] = "male" }),
        ["needFrom"] = "2026-11-20",
        ["regions"] = new JsonArray("Bretagne"),
        ["languages"] = new JsonArray("ps", "fr"),
        ["notes"] = "Waiting for a court decision.",
    };

    public static Task<HttpResponseMessage> PostAsync(HttpClient partner, JsonObject body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/stays/referrals") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return partner.SendAsync(request);
    }

    private async Task<JsonObject> FollowAsync(HttpClient partner, Guid id)
    {
        var response = await partner.GetAsync($"/api/v1/stays/referrals/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        foreach (var secret in new[] { HostName, "Zéphyrine", HostAddress, "Hortensias", HostPhone, "639980177", HostCode, "hostId", "latitude" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }

        return JsonNode.Parse(text)!.AsObject();
    }

    [Fact]
    public async Task APartnerRefersAGuestForStaysAndFollowsItFromWaitingToHostedToEndedWithoutEverSeeingTheHost()
    {
        Api.Clock.Reset(Instant.FromUtc(2026, 11, 19, 17, 0));
        var host = Builders.StaysHost(HostCode, "2026-11-01", "2026-12-10");
        host["displayName"] = HostName;
        host["address"] = HostAddress;
        host["phone"] = HostPhone;
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync("/api/v1/hosts", host)).StatusCode);
        var (partner, organisationId) = await Api.CreatePartnerAsync("Maraude Nord");

        var created = await PostAsync(partner, Referral(), "stays-key-1");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var referral = await created.ReadObjectAsync();
        var id = referral["id"]!.GetValue<Guid>();
        Assert.Equal($"/api/v1/stays/referrals/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("waiting", (string?)referral["status"]);
        Assert.Equal(["bretagne"], referral["regions"]!.AsArray().Select(r => (string?)r));
        Assert.Empty(referral["uncoveredNights"]!.AsArray());

        // Idempotent like a night's referral: the same key and body answer the first result; another body is refused.
        var retry = await PostAsync(partner, Referral(), "stays-key-1");
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(id, (await retry.ReadObjectAsync())["id"]!.GetValue<Guid>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(partner, Referral("Someone else"), "stays-key-1")).StatusCode);
        await using (var db = Api.Database.NewContext())
        {
            Assert.Equal(1, await db.StayGuests.CountAsync());
        }

        // The coordinators see the guest, referred by the partner, waiting at the base; they plan it.
        var guest = await (await Client.GetAsync($"/api/v1/stays/guests/{id}")).ReadObjectAsync();
        Assert.Equal(organisationId, guest["referredBy"]!.GetValue<Guid>());
        Assert.Equal("Porte de la Chapelle", (string?)guest["waitingAt"]);
        var plan = await (await Client.PostAsJsonAsync("/api/v1/stays/plan", new JsonObject { ["until"] = "2026-12-18" })).ReadObjectAsync();
        var stay = Assert.Single(plan["stays"]!.AsArray())!;
        var waiting = await FollowAsync(partner, id);
        Assert.Equal("waiting", (string?)waiting["status"]);
        Assert.Null(waiting["hosted"]);
        var uncovered = Assert.Single(waiting["uncoveredNights"]!.AsArray())!;
        Assert.Equal("2026-12-10", (string?)uncovered["from"]);
        Assert.Equal("2026-12-18", (string?)uncovered["until"]);

        var stayId = stay["stayId"]!.GetValue<Guid>();
        await Client.PutAsJsonAsync($"/api/v1/stays/{stayId}/status", new JsonObject { ["status"] = "confirmed" });
        Api.Clock.Reset(Instant.FromUtc(2026, 11, 22, 17, 0));
        await Client.PutAsJsonAsync($"/api/v1/stays/{stayId}/status", new JsonObject { ["status"] = "ongoing" });
        var hosted = await FollowAsync(partner, id);
        Assert.Equal("hosted", (string?)hosted["status"]);
        Assert.Equal("bretagne", (string?)hosted["hosted"]!["region"]);
        Assert.Equal("2026-11-20", (string?)hosted["hosted"]!["since"]);
        Assert.Single(hosted["uncoveredNights"]!.AsArray());
        Assert.Null(hosted["ended"]);

        Assert.Equal(HttpStatusCode.OK,
            (await Client.PostAsJsonAsync($"/api/v1/stays/guests/{id}/end", new JsonObject { ["outcome"] = "recognised-minor", ["note"] = "Judge's decision." })).StatusCode);
        var ended = await FollowAsync(partner, id);
        Assert.Equal("ended", (string?)ended["status"]);
        Assert.Equal("recognised-minor", (string?)ended["ended"]!["outcome"]);
        Assert.Equal("2026-11-23", (string?)ended["ended"]!["on"]);
        Assert.Empty(ended["uncoveredNights"]!.AsArray());
        Assert.DoesNotContain("Judge", ended.ToJsonString());
    }
}

/// <summary>What a partner may not do with stays referrals, on one shared Api.</summary>
public sealed class StaysReferralBoundaryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task PartnerBReadingPartnerAsGuestGets404AsForOneThatDoesNotExist()
    {
        var (a, _) = await api.CreatePartnerAsync("Stays partner A");
        var (b, _) = await api.CreatePartnerAsync("Stays partner B");
        var created = await StaysReferralTests.PostAsync(a, StaysReferralTests.Referral("A's guest"));
        var id = (await created.ReadObjectAsync())["id"]!.GetValue<Guid>();

        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/stays/referrals/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/stays/referrals/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/api/v1/stays/referrals/{id}")).StatusCode);
        // A guest a coordinator registered is no partner's.
        var own = await (await api.CreateClient().PostAsJsonAsync("/api/v1/stays/guests", new JsonObject
        {
            ["alias"] = "Coordinators' guest", ["members"] = new JsonArray(new JsonObject { ["age"] = 30, ["sex"] = "male" }),
            ["needFrom"] = "2026-11-27", ["waitingAt"] = "Base", ["latitude"] = 48.9, ["longitude"] = 2.36,
        })).ReadObjectAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/v1/stays/referrals/{own["id"]}")).StatusCode);
    }

    /// <summary>
    /// A coordinator may register a guest as referred by a partner (referredBy): it is still the coordinators' record, with
    /// their notes ("violent incident at host k-12"), and the partner's key answered it, notes and all. 404 as for any guest
    /// the coordinators registered; the partner follows the guests it referred itself.
    /// </summary>
    [Fact]
    public async Task AGuestTheCoordinatorsRegisteredAsReferredByAPartnerIsNotThatPartnersToRead()
    {
        var (partner, organisationId) = await api.CreatePartnerAsync("Stays partner C");
        var registered = await (await api.CreateClient().PostAsJsonAsync("/api/v1/stays/guests", new JsonObject
        {
            ["alias"] = "Coordinators' guest", ["members"] = new JsonArray(new JsonObject { ["age"] = 30, ["sex"] = "male" }),
            ["needFrom"] = "2026-11-27", ["waitingAt"] = "Base", ["latitude"] = 48.9, ["longitude"] = 2.36,
            ["referredBy"] = organisationId, ["notes"] = "Coordinators only: violent incident at host k-12.",
        })).ReadObjectAsync();
        Assert.Equal(organisationId, registered["referredBy"]!.GetValue<Guid>());

        var read = await partner.GetAsync($"/api/v1/stays/referrals/{registered["id"]}");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.DoesNotContain("violent", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var referred = await StaysReferralTests.PostAsync(partner, StaysReferralTests.Referral("C's guest"));
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/v1/stays/referrals/{(await referred.ReadObjectAsync())["id"]}")).StatusCode);
    }

    [Fact]
    public async Task OnlyPartnersReferForStays()
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/v1/stays/referrals", StaysReferralTests.Referral());
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static string With(Action<JsonObject> change)
    {
        var body = StaysReferralTests.Referral();
        change(body);
        return body.ToJsonString();
    }

    public static TheoryData<string, string, string> Bodies() => new()
    {
        { "no needFrom", With(b => b.Remove("needFrom")), "needFrom" },
        { "no members", With(b => b.Remove("members")), "members" },
        { "no alias", With(b => b.Remove("alias")), "alias" },
        { "needUntil before needFrom", With(b => b["needUntil"] = "2026-11-19"), "needUntil" },
        { "a bad region", With(b => b["regions"] = new JsonArray("Bretagne!")), "regions[0]" },
        { "eleven regions", With(b => b["regions"] = new JsonArray(Enumerable.Range(0, 11).Select(i => (JsonNode)$"r{i}").ToArray())), "regions" },
        { "a NUL in the alias", With(b => b["alias"] = "K.\u0000"), "alias" },
        { "an overlong alias", With(b => b["alias"] = new string('a', 5000)), "alias" },
        { "overlong notes", With(b => b["notes"] = new string('n', 20_000)), "notes" },
        { "a latitude without longitude", With(b => b["latitude"] = 48.9), "longitude" },
        { "a latitude out of range", With(b => { b["latitude"] = 91; b["longitude"] = 2.3; }), "latitude" },
        { "an unknown field", With(b => b["nationality"] = "x"), "nationality" },
        { "a date not YYYY-MM-DD", With(b => b["needFrom"] = "20/11/2026"), "needFrom" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task AMalformedStaysReferralAnswers400NamingTheFieldAndCreatesNothing(string why, string body, string field)
    {
        var (partner, organisationId) = await api.CreatePartnerAsync($"Malformed stays {why}");

        var response = await partner.PostAsync("/api/v1/stays/referrals", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var named = (await response.ReadObjectAsync())["errors"]?.AsObject().Select(e => e.Key).ToList() ?? [];
        Assert.True(named.Contains(field), $"{why}: errors name [{string.Join(", ", named)}], not {field}");
        await using var db = api.Database.NewContext();
        Assert.False(await db.Households.AnyAsync(h => h.ReferredBy == organisationId));
    }
}
