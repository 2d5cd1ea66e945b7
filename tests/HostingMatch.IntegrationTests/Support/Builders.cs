using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HostingMatch.IntegrationTests.Support;

/// <summary>Test data as the Api's clients send it.</summary>
public static class Builders
{
    public static JsonObject Host(string code = "h-001", int beds = 3, string[]? accepts = null, bool minorsCertified = false) => new()
    {
        ["code"] = code,
        ["displayName"] = "Claire",
        ["phone"] = "+33612345678",
        ["language"] = "fr",
        ["latitude"] = 48.8530,
        ["longitude"] = 2.3499,
        ["address"] = "12 rue des Écoles, 75005 Paris",
        ["beds"] = beds,
        ["maxHouseholds"] = 1,
        ["accepts"] = new JsonArray((accepts ?? ["family", "women"]).Select(a => (JsonNode)a!).ToArray()),
        ["minorsCertified"] = minorsCertified,
        ["wheelchairAccessible"] = false,
        ["agreement"] = new JsonObject { ["signedOn"] = "2026-01-10", ["validFrom"] = "2026-01-15", ["validUntil"] = "2027-01-14" },
        ["weeklyDays"] = new JsonArray("monday", "thursday"),
        ["arrivalFrom"] = "20:00",
        ["arrivalUntil"] = "00:30",
    };

    /// <summary>A host of the stays programme only, in <paramref name="region"/> (Rennes by default), offering stays over <c>[from, until)</c>.</summary>
    public static JsonObject StaysHost(string code, string from, string until, string region = "bretagne", double latitude = 48.11,
        double longitude = -1.68)
    {
        var host = Host(code, beds: 2, accepts: ["family"]);
        host["latitude"] = latitude;
        host["longitude"] = longitude;
        host["programmes"] = new JsonArray("stays");
        host["region"] = region;
        host["staysAvailable"] = new JsonArray(new JsonObject { ["from"] = from, ["until"] = until });
        host["maxNightsPerGuest"] = 28;
        return host;
    }

    public static JsonObject Family(string alias = "Famille A.") => new()
    {
        ["alias"] = alias,
        ["members"] = new JsonArray(
            new JsonObject { ["age"] = 31, ["sex"] = "female" },
            new JsonObject { ["age"] = 6, ["sex"] = "male" }),
        ["languages"] = new JsonArray("ps", "fr"),
    };

    /// <summary>A partner's referral as the issue writes it.</summary>
    public static JsonObject Referral(string alias = "Famille A.", string night = "2026-11-26") => new()
    {
        ["night"] = night,
        ["alias"] = alias,
        ["members"] = new JsonArray(
            new JsonObject { ["age"] = 31, ["sex"] = "female" },
            new JsonObject { ["age"] = 6, ["sex"] = "male" }),
        ["vulnerable"] = false,
        ["needsWheelchairAccess"] = false,
        ["languages"] = new JsonArray("ps", "fr"),
        ["referrer"] = new JsonObject { ["name"] = "Inès, maraude Nord", ["phone"] = "+33698765432" },
        ["notes"] = "Arrived today.",
    };

    /// <summary>Posts a referral under an <c>Idempotency-Key</c>.</summary>
    public static Task<HttpResponseMessage> PostReferralAsync(this HttpClient client, string idempotencyKey, JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public static async Task<JsonArray> ReadArrayAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonArray>())!;

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
