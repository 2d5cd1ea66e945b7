using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HostingMatch.Application.Sms;
using HostingMatch.Domain.Sms;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.IntegrationTests.Stays;

/// <summary>A guest's exit over real HTTP and PostgreSQL: its outcome, its stays cut or cancelled, their hosts told, the reports.</summary>
public sealed class StayExitTests : OwnApiTest
{
    /// <summary>A Breton host offering stays over <c>[from, until)</c>, with its own name, phone and language.</summary>
    private static JsonObject StaysHost(string code, string name, string phone, string language, string from, string until)
    {
        var host = Builders.StaysHost(code, from, until);
        host["displayName"] = name;
        host["phone"] = phone;
        host["language"] = language;
        return host;
    }

    private async Task<Guid> PostAsync(string path, JsonNode body)
    {
        var response = await Client.PostAsJsonAsync(path, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadObjectAsync())["id"]!.GetValue<Guid>();
    }

    private async Task SetStatusAsync(Guid stay, string status)
    {
        var response = await Client.PutAsJsonAsync($"/api/v1/stays/{stay}/status", new JsonObject { ["status"] = status });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>
    /// On 19 November Famille E. is planned from the 20th: Claire (French) until the morning of 4 December, then John
    /// (English) until the 18th. Both stays are agreed and the guest arrives at Claire's on the 20th.
    /// </summary>
    private async Task<(Guid Guest, Guid First, Guid Second)> ArrangeAsync()
    {
        Api.Clock.Reset(Instant.FromUtc(2026, 11, 19, 17, 0));
        await PostAsync("/api/v1/hosts", StaysHost("k-a", "Claire", "+33639980101", "fr", "2026-11-01", "2026-12-04"));
        await PostAsync("/api/v1/hosts", StaysHost("k-b", "John", "+33639980102", "en", "2026-12-04", "2027-01-10"));
        var guest = await PostAsync("/api/v1/stays/guests", new JsonObject
        {
            ["alias"] = "Famille E.",
            ["members"] = new JsonArray(new JsonObject { ["age"] = 35, ["sex"] = "female" }, new JsonObject { ["age"] = 8, ["sex"] = "male" }),
            ["needFrom"] = "2026-11-20",
            ["regions"] = new JsonArray("bretagne"),
            ["waitingAt"] = "Porte de la Chapelle",
            ["latitude"] = 48.8986,
            ["longitude"] = 2.3592,
        });
        var plan = await (await Client.PostAsJsonAsync("/api/v1/stays/plan", new JsonObject { ["until"] = "2026-12-18" })).ReadObjectAsync();
        var stays = plan["stays"]!.AsArray().Select(s => s!).OrderBy(s => (string?)s["from"]).ToList();
        Assert.Equal(2, stays.Count);
        Assert.Equal("2026-12-04", (string?)stays[0]["until"]);
        var (first, second) = (stays[0]["stayId"]!.GetValue<Guid>(), stays[1]["stayId"]!.GetValue<Guid>());
        await SetStatusAsync(first, "confirmed");
        await SetStatusAsync(second, "confirmed");
        Api.Clock.Reset(Instant.FromUtc(2026, 11, 20, 17, 0));
        await SetStatusAsync(first, "ongoing");
        return (guest, first, second);
    }

    private async Task<JsonObject> StayAsync(Guid id)
    {
        var all = await (await Client.GetAsync("/api/v1/stays")).ReadArrayAsync();
        return all.Concat(await (await Client.GetAsync("/api/v1/stays?status=cancelled")).ReadArrayAsync())
            .Single(s => s!["id"]!.GetValue<Guid>() == id)!.AsObject();
    }

    [Fact]
    public async Task AnExitCancelsTheStayNotBegunCutsTheOngoingOneAndTellsBothHostsInTheirLanguageWithoutNamingTheGuest()
    {
        var (guest, first, second) = await ArrangeAsync();
        Api.Clock.Reset(Instant.FromUtc(2026, 11, 26, 17, 0));

        var response = await Client.PostAsJsonAsync($"/api/v1/stays/guests/{guest}/end",
            new JsonObject { ["outcome"] = "ase-place", ["note"] = "Placé par l'ASE de Rennes." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ended = await response.ReadObjectAsync();
        Assert.Equal("ase-place", (string?)ended["outcome"]);
        Assert.Equal("Placé par l'ASE de Rennes.", (string?)ended["outcomeNote"]);
        Assert.Equal("2026-11-27", (string?)ended["needUntil"]);
        Assert.Equal("2026-11-26T17:00:00Z", (string?)ended["endedAt"]);

        var cut = await StayAsync(first);
        Assert.Equal("ongoing", (string?)cut["status"]);
        Assert.Equal("2026-11-27", (string?)cut["until"]);
        Assert.Equal("cancelled", (string?)(await StayAsync(second))["status"]);

        await using var db = Api.Database.NewContext();
        var sms = await db.OutboundSms.AsNoTracking().Where(m => m.Kind == SmsKind.StayNotice).OrderBy(m => m.To).ToListAsync();
        Assert.Equal(["+33639980101", "+33639980102"], sms.Select(m => m.To));
        Assert.Equal("Bonjour Claire, le séjour chez vous finit avant la date prévue : départ le matin du 27/11 (au lieu du 04/12). Merci pour votre accueil !",
            sms[0].Body);
        Assert.Equal("Hello John, the stay planned at your home from 4 Dec to 18 Dec is cancelled, it is no longer needed. Nobody will come, no need to reply. Thank you!",
            sms[1].Body);
        Assert.All(sms, m =>
        {
            Assert.DoesNotContain("Famille", m.Body, StringComparison.OrdinalIgnoreCase);
            Assert.True(SmsSegments.Measure(m.Body) is { IsGsm7: true, IsSingleSegment: true }, m.Body);
        });

        // The next plan re-uses the beds: the guest needs nothing after the morning of the 27th.
        var replan = await (await Client.PostAsJsonAsync("/api/v1/stays/plan", new JsonObject { ["until"] = "2026-12-18" })).ReadObjectAsync();
        Assert.DoesNotContain(replan["stays"]!.AsArray(), s => s!["guestId"]!.GetValue<Guid>() == guest && (string?)s["from"] != "2026-11-27" && !(bool)s["continuesCurrent"]!);
        Assert.DoesNotContain(replan["uncovered"]!.AsArray(), u => u!["guestId"]!.GetValue<Guid>() == guest);
    }

    [Fact]
    public async Task TheReportCountsTheExitsOfThePeriodByOutcome()
    {
        var (guest, _, _) = await ArrangeAsync();
        Api.Clock.Reset(Instant.FromUtc(2026, 11, 26, 17, 0));
        Assert.Equal(HttpStatusCode.OK,
            (await Client.PostAsJsonAsync($"/api/v1/stays/guests/{guest}/end", new JsonObject { ["outcome"] = "recognised-minor" })).StatusCode);

        var november = await (await Client.GetAsync("/api/v1/reports?from=2026-11-01&until=2026-11-30")).ReadObjectAsync();
        var exits = november["stays"]!["exitsByOutcome"]!.AsArray();
        Assert.Equal(["ase-place", "recognised-minor", "not-recognised", "adult-orientation", "left-without-news", "other"],
            exits.Select(c => (string?)c!["key"]));
        var recognised = exits.Single(c => (string?)c!["key"] == "recognised-minor")!;
        Assert.Equal(1, (int)recognised["households"]!);
        Assert.Equal(2, (int)recognised["people"]!);
        Assert.Equal(1, exits.Sum(c => (int)c!["households"]!));

        var december = await (await Client.GetAsync("/api/v1/reports?from=2026-12-01&until=2026-12-31")).ReadObjectAsync();
        Assert.All(december["stays"]!["exitsByOutcome"]!.AsArray(), c => Assert.Equal(0, (int)c!["households"]!));
        var csv = await (await Client.GetAsync("/api/v1/reports?from=2026-11-01&until=2026-11-30&format=csv")).Content.ReadAsStringAsync();
        Assert.Contains("stays;exits-by-outcome;recognised-minor;1;2", csv);
    }

    [Theory]
    [InlineData("{}", "outcome")]
    [InlineData("{\"outcome\":\"went-home\"}", "outcome")]
    [InlineData("{\"outcome\":\"other\",\"note\":\"bad\\u0000note\"}", "note")]
    [InlineData("{\"outcome\":\"other\",\"until\":\"26/11/2026\"}", "until")]
    public async Task AnExitWithoutAKnownOutcomeOrWithABadFieldIs400NamingTheField(string body, string field)
    {
        var (guest, first, _) = await ArrangeAsync();

        var response = await Client.PostAsync($"/api/v1/stays/guests/{guest}/end", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(field, text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("ongoing", (string?)(await StayAsync(first))["status"]);
    }

    [Fact]
    public async Task AnOverlongNoteIs400()
    {
        var (guest, _, _) = await ArrangeAsync();

        var response = await Client.PostAsJsonAsync($"/api/v1/stays/guests/{guest}/end",
            new JsonObject { ["outcome"] = "other", ["note"] = new string('x', 501) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("note", (await response.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key), StringComparer.OrdinalIgnoreCase);
    }
}
