using System.Net;
using System.Text.Json.Nodes;
using HostingMatch.Domain;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Placements;
using HostingMatch.Domain.Requests;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.IntegrationTests.Reports;

/// <summary>
/// A month built night by night, its figures counted by hand below, read through <c>GET /api/v1/reports</c>; then the
/// retention purge (the month is older than 90 days) and the same report again, figure for figure.
/// </summary>
public sealed class ReportTests : OwnApiTest
{
    // Four months before the real today: old enough for the purge, which runs on the real clock.
    private static readonly LocalDate Month = ReportMonth.FourMonthsAgo;

    private Task BuildMonthAsync() => ReportMonth.BuildAsync(Api.Database, Month);

    private async Task<JsonObject> ReportAsync() =>
        await (await Client.GetAsync($"/api/v1/reports?from={Month:yyyy-MM-dd}&until={Month.PlusMonths(1).PlusDays(-1):yyyy-MM-dd}")).ReadObjectAsync();

    private static JsonObject Key(JsonNode? counts, string key) => counts!.AsArray().Single(c => (string?)c!["key"] == key)!.AsObject();

    [Fact]
    public async Task AMonthsFiguresEqualTheHandCount_AndStayTheSameAfterTheRetentionPurge()
    {
        await BuildMonthAsync();

        var report = await ReportAsync();
        var n = report["oneNight"]!;
        Assert.Equal(3, (int)n["nights"]!);
        Assert.Equal((5, 10), ((int)n["householdsAsking"]!, (int)n["peopleAsking"]!)); // family x2 (6), men (2), man (1), woman (1)
        Assert.Equal((3, 7), ((int)n["householdsPlaced"]!, (int)n["peoplePlaced"]!));
        Assert.Equal(2, (int)n["childrenUnder10Placed"]!); // the child of 4, twice; the 12-year-old is not under 10
        Assert.Equal((2, 6), ((int)Key(n["placedByCategory"], "family")["households"]!, (int)Key(n["placedByCategory"], "family")["people"]!));
        Assert.Equal(1, (int)Key(n["placedByCategory"], "men")["people"]!);
        Assert.Equal(0, (int)Key(n["placedByCategory"], "women")["people"]!);
        Assert.Equal(6, (int)Key(n["placedByTier"], "1")["people"]!);
        Assert.Equal(1, (int)Key(n["placedByTier"], "3")["people"]!);
        Assert.Equal(2, (int)Key(n["notPlacedByReason"], "outranked")["people"]!);
        Assert.Equal(1, (int)Key(n["notPlacedByReason"], "no-ride")["people"]!);
        Assert.Equal(2, n["notPlacedByReason"]!.AsArray().Count);
        Assert.Equal(3, (int)Key(n["placedByWay"], "vehicle")["people"]!);
        Assert.Equal(3, (int)Key(n["placedByWay"], "host-fetches")["people"]!);
        Assert.Equal(1, (int)Key(n["placedByWay"], "other")["people"]!);
        var offers = n["offers"]!;
        Assert.Equal((4, 3, 1, 0), ((int)offers["sent"]!, (int)offers["accepted"]!, (int)offers["declined"]!, (int)offers["expired"]!));
        Assert.Equal(1.0, (double)offers["answerRate"]!);
        Assert.Equal(6, (int)offers["medianAnswerMinutes"]!); // 4, 6, 10, 20
        var hosts = n["hosts"]!;
        Assert.Equal(2, (int)hosts["active"]!);
        Assert.Equal(1, (int)Key(hosts["nightsPerHost"], "1")["households"]!); // Marc: 1 night
        Assert.Equal(1, (int)Key(hosts["nightsPerHost"], "2-3")["households"]!); // Claire: 2 nights
        Assert.Equal(2, (int)hosts["mostNightsByOneHost"]!);

        var csv = await (await Client.GetAsync($"/api/v1/reports?from={Month:yyyy-MM-dd}&until={Month.PlusMonths(1).PlusDays(-1):yyyy-MM-dd}&format=csv"))
            .Content.ReadAsStringAsync();
        Assert.Contains("one-night;placed;;3;7\n", csv);
        Assert.Contains("one-night;not-placed-by-reason;no-ride;1;1\n", csv);
        Assert.DoesNotContain("R.", csv);
        Assert.DoesNotContain("Hote", report.ToJsonString());

        var purge = await CliProcess.RunAsync(Api.Database.ConnectionString, "retention", "run");
        Assert.True(purge.Exit == 0, purge.Stderr);
        Assert.Contains("5 household(s)", purge.Stdout);

        var after = await ReportAsync();
        Assert.Equal(report.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task TheReportVerbPrintsTheMonthAndRefusesAMonthItCannotRead()
    {
        await BuildMonthAsync();

        var summary = await CliProcess.RunAsync(Api.Database.ConnectionString, "report", "--month", $"{Month:yyyy-MM}");
        var csv = await CliProcess.RunAsync(Api.Database.ConnectionString, "report", "--month", $"{Month:yyyy-MM}", "--csv");
        var bad = await CliProcess.RunAsync(Api.Database.ConnectionString, "report", "--month", "2026-13");

        Assert.True(summary.Exit == 0, summary.Stderr);
        Assert.Contains("One night: 3 night(s), 10 people asked (5 households), 7 placed (3), 2 children under 10 placed.", summary.Stdout);
        Assert.Contains("without a bed, by reason: no-ride 1 (1), outranked 2 (1)", summary.Stdout);
        Assert.Contains("one-night;placed;;3;7", csv.Stdout);
        Assert.Equal(2, bad.Exit);
        Assert.Contains("--month", bad.Stderr);
    }

    [Fact]
    public async Task HostsAreThankedOnceForTheMonthWithWhatTheyGave_ExceptThoseWhoSentStop()
    {
        await BuildMonthAsync();
        await using (var db = Api.Database.NewContext())
        {
            (await db.Hosts.SingleAsync(h => h.Code == "h-marc")).OptOutOfSms(ApiFactory.DefaultNow);
            await db.SaveChangesAsync();
        }

        var first = await CliProcess.RunAsync(Api.Database.ConnectionString, "hosts", "thank", "--month", $"{Month:yyyy-MM}");
        var again = await CliProcess.RunAsync(Api.Database.ConnectionString, "hosts", "thank", "--month", $"{Month:yyyy-MM}");

        Assert.True(first.Exit == 0, first.Stderr);
        Assert.Contains("Thanks queued for 1 host(s): h-claire.", first.Stdout);
        Assert.Contains("No host to thank", again.Stdout);
        await using var read = Api.Database.NewContext();
        var sms = await read.OutboundSms.SingleAsync(m => m.Kind == Domain.Sms.SmsKind.Thanks);
        var french = new[] { "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "décembre" };
        Assert.Equal($"Bonjour Hote, merci ! En {french[Month.Month - 1]}, vous avez accueilli 6 personnes sur 2 nuits. Toute l'équipe vous remercie.", sms.Body);
        Assert.Equal("+33612345678", sms.To);
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("from=2026-11-10&until=2026-11-01", "until")]
    [InlineData("from=2025-01-01&until=2026-06-01", "until")]
    [InlineData("format=pdf", "format")]
    [InlineData("until=%00", "until")]
    public async Task ABadPeriodIsA400NamingTheField(string query, string field)
    {
        var response = await Client.GetAsync($"/api/v1/reports?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key), StringComparer.OrdinalIgnoreCase);
    }
}
