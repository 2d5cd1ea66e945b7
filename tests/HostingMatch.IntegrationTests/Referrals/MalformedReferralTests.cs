using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HostingMatch.IntegrationTests.Support;

namespace HostingMatch.IntegrationTests.Referrals;

/// <summary>
/// Whatever a partner's program sends, a bad body gets a 400 ProblemDetails, never a 500, and creates nothing; where
/// one field is to blame, the problem's <c>errors</c> names it (the JSON reader writes <c>$.members[0].age</c>, the
/// validator <c>members[0].age</c>: both name the field). Null where no single field is to blame (not JSON, not an object).
/// </summary>
public sealed class MalformedReferralTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static string With(Action<JsonObject> change)
    {
        var body = Builders.Referral();
        change(body);
        return body.ToJsonString();
    }

    private static JsonArray Members(int count) =>
        new(Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject { ["age"] = 20 + i % 40, ["sex"] = "male" }).ToArray());

    public static TheoryData<string, string, string?> Bodies => new()
    {
        { "invalid JSON", """{"night": "2026-11-26", "alias": """, null },
        { "not JSON at all", "night=2026-11-26&alias=x", null },
        { "empty body", "", null },
        { "JSON null", "null", null },
        { "an array instead of the object", "[" + Builders.Referral().ToJsonString() + "]", null },
        { "a string instead of the object", "\"referral\"", null },
        { "a number instead of the object", "42", null },
        { "empty object", "{}", null },
        { "missing night", With(b => b.Remove("night")), "night" },
        { "missing alias", With(b => b.Remove("alias")), "alias" },
        { "missing members", With(b => b.Remove("members")), "members" },
        { "missing referrer", With(b => b.Remove("referrer")), "referrer" },
        { "night null", With(b => b["night"] = null), "night" },
        { "night in the wrong format", With(b => b["night"] = "26/11/2026"), "night" },
        { "night not a date", With(b => b["night"] = "2026-02-30"), "night" },
        { "night a number", With(b => b["night"] = 20261126), "night" },
        { "alias empty", With(b => b["alias"] = ""), "alias" },
        { "alias a number", With(b => b["alias"] = 12), "alias" },
        { "alias huge", With(b => b["alias"] = new string('a', 5000)), "alias" },
        { "members empty", With(b => b["members"] = new JsonArray()), "members" },
        { "members an object", With(b => b["members"] = new JsonObject { ["age"] = 30, ["sex"] = "female" }), "members" },
        { "members with a null", With(b => b["members"] = new JsonArray((JsonNode?)null)), "members[0]" },
        { "100 members", With(b => b["members"] = Members(100)), "members" },
        { "21 members", With(b => b["members"] = Members(21)), "members" },
        { "negative age", With(b => b["members"]![0]!["age"] = -1), "members[0].age" },
        { "age 500", With(b => b["members"]![0]!["age"] = 500), "members[0].age" },
        { "age a string", With(b => b["members"]![0]!["age"] = "thirty"), "members[0].age" },
        { "age a number in a string", With(b => b["members"]![0]!["age"] = "31"), "members[0].age" },
        { "age a fraction", With(b => b["members"]![0]!["age"] = 3.5), "members[0].age" },
        { "age beyond int", With(b => b["members"]![0]!["age"] = 1e12), "members[0].age" },
        { "age missing", With(b => b["members"]![0]!.AsObject().Remove("age")), "members[0].age" },
        { "unknown sex", With(b => b["members"]![0]!["sex"] = "unknown"), "members[0].sex" },
        { "sex a number", With(b => b["members"]![0]!["sex"] = 1), "members[0].sex" },
        { "sex in capitals", With(b => b["members"]![0]!["sex"] = "FEMALE"), "members[0].sex" },
        { "member an array", With(b => b["members"]![0] = new JsonArray(31, "female")), "members[0]" },
        { "vulnerable a string", With(b => b["vulnerable"] = "yes"), "vulnerable" },
        { "wheelchair a number", With(b => b["needsWheelchairAccess"] = 1), "needsWheelchairAccess" },
        { "languages a string", With(b => b["languages"] = "ps"), "languages" },
        { "a language a number", With(b => b["languages"] = new JsonArray(1)), "languages[0]" },
        { "a language huge", With(b => b["languages"] = new JsonArray(new string('p', 200))), "languages[0]" },
        { "eleven languages", With(b => b["languages"] = new JsonArray(Enumerable.Range(0, 11).Select(i => (JsonNode)$"l{i}").ToArray())), "languages" },
        { "referrer a string", With(b => b["referrer"] = "Inès"), "referrer" },
        { "referrer an array", With(b => b["referrer"] = new JsonArray("Inès", "+33612345678")), "referrer" },
        { "referrer without a phone", With(b => b["referrer"]!.AsObject().Remove("phone")), "referrer.phone" },
        { "referrer phone not E.164", With(b => b["referrer"]!["phone"] = "06 12 34 56 78"), "referrer.phone" },
        { "referrer phone a number", With(b => b["referrer"]!["phone"] = 33612345678), "referrer.phone" },
        { "referrer name huge", With(b => b["referrer"]!["name"] = new string('n', 1000)), "referrer.name" },
        { "notes huge", With(b => b["notes"] = new string('n', 20_000)), "notes" },
        { "notes an object", With(b => b["notes"] = new JsonObject()), "notes" },
        { "a nationality field (we keep none)", With(b => b["nationality"] = "AF"), "nationality" },
        { "a legal status field (we keep none)", With(b => b["legalStatus"] = "asylum seeker"), "legalStatus" },
        { "deeply nested junk", Builders.Referral().ToJsonString().Replace("\"Arrived today.\"", new string('[', 200) + new string(']', 200)), null },
        { "a member with a nationality field (we keep none)", With(b => b["members"]![0]!["nationality"] = "AF"), "members[0].nationality" },
        { "a referrer with an unknown field", With(b => b["referrer"]!["organisation"] = "Maraude Nord"), "referrer.organisation" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task AMalformedReferralAnswers400ProblemDetailsNamingTheFieldAndCreatesNothing(string why, string body, string? field)
    {
        var (partner, organisationId) = await api.CreatePartnerAsync($"Malformed {why}");

        var response = await partner.PostAsync("/api/v1/referrals", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.ReadObjectAsync();
        Assert.StartsWith("urn:hostingmatch:problem:", (string?)problem["type"]);
        Assert.DoesNotContain("   at ", (string?)problem["detail"] ?? string.Empty);
        if (field is not null)
        {
            // One spelling whether the JSON reader or the validator refused it: members[0].age, never $.members[0].age.
            var named = problem["errors"]?.AsObject().Select(e => e.Key).ToList() ?? [];
            Assert.True(named.Contains(field), $"{why}: errors name [{string.Join(", ", named)}], not {field}");
        }

        await using var db = api.Database.NewContext();
        Assert.False(db.Referrals.Any(r => r.OrganisationId == organisationId));
    }

    [Fact]
    public void TheTableHasAtLeastThirtyBodies() => Assert.True(Bodies.Count() >= 30);
}

public sealed class ReferralMediaTypeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ABodyThatIsNotJsonAnswers415ProblemDetails()
    {
        var (partner, _) = await api.CreatePartnerAsync("Plain text org");

        var response = await partner.PostAsync("/api/v1/referrals", new StringContent("night=2026-11-26", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("urn:hostingmatch:problem:unsupported-media-type", (string?)(await response.ReadObjectAsync())["type"]);
    }
}
