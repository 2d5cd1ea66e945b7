using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HostingMatch.IntegrationTests.Support;

namespace HostingMatch.IntegrationTests.Stays;

/// <summary>A stays programme over HTTP: Breton hosts, guests waiting at Porte de la Chapelle, planning and statuses.</summary>
public static class StaysBuilders
{
    /// <summary>A Breton host offering stays to families from 1 November to the morning of <paramref name="until"/>.</summary>
    public static JsonObject StaysHost(string code, double longitude, string until = "2027-01-10", int maxNightsPerGuest = 28)
    {
        var host = Builders.StaysHost(code, "2026-11-01", until, longitude: longitude);
        host["maxNightsPerGuest"] = maxNightsPerGuest;
        return host;
    }

    /// <summary>A Breton stays host with a name and a phone, for the SMS conversation.</summary>
    public static JsonObject StaysHost(string code, double longitude, string displayName, string phone)
    {
        var host = StaysHost(code, longitude);
        host["displayName"] = displayName;
        host["phone"] = phone;
        return host;
    }

    /// <summary>A mother and her son of 8 (or the members given) needing stays in Bretagne from <paramref name="needFrom"/>.</summary>
    public static JsonObject Guest(string alias, string needFrom, JsonArray? members = null) => new()
    {
        ["alias"] = alias,
        ["members"] = members ?? new JsonArray(new JsonObject { ["age"] = 35, ["sex"] = "female" }, new JsonObject { ["age"] = 8, ["sex"] = "male" }),
        ["needFrom"] = needFrom,
        ["regions"] = new JsonArray("Bretagne"),
        ["waitingAt"] = "Porte de la Chapelle",
        ["latitude"] = 48.8986,
        ["longitude"] = 2.3592,
    };

    /// <summary>Posts and returns the new resource's id.</summary>
    public static async Task<Guid> CreateAsync(this HttpClient client, string path, JsonObject body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadObjectAsync())["id"]!.GetValue<Guid>();
    }

    public static async Task<JsonObject> PlanStaysAsync(this HttpClient client, string until, string? from = null, string? region = null)
    {
        var body = new JsonObject { ["until"] = until };
        if (from is not null)
        {
            body["from"] = from;
        }

        if (region is not null)
        {
            body["region"] = region;
        }

        var response = await client.PostAsJsonAsync("/api/v1/stays/plan", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadObjectAsync();
    }

    public static async Task SetStayStatusAsync(this HttpClient client, Guid stay, string status)
    {
        var response = await client.PutAsJsonAsync($"/api/v1/stays/{stay}/status", new JsonObject { ["status"] = status });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static IEnumerable<JsonNode> StaysOf(JsonObject plan, Guid guest) =>
        plan["stays"]!.AsArray().Where(s => s!["guestId"]!.GetValue<Guid>() == guest).Select(s => s!);
}
