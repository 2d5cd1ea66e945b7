using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Transport;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace HostingMatch.IntegrationTests.VanRuns;

/// <summary>Each test has its own database: the night's plan covers every confirmed request in it.</summary>
public sealed class VanRunsTests : OwnApiTest
{
    private const string Night = "2026-11-26";
    private async Task AddBaseAndVan(int seats = 8)
    {
        await using var db = Api.Database.NewContext();
        var @base = Base.Create("Porte de la Chapelle", new GeoPoint(48.8986, 2.3592), new LocalTime(20, 0), ApiFactory.DefaultNow);
        db.Bases.Add(@base);
        db.Vans.Add(Van.Create("van-1", seats, @base.Id, ApiFactory.DefaultNow));
        await db.SaveChangesAsync();
    }

    /// <summary>A host and a household confirmed there tonight.</summary>
    private Task<(Guid Host, Guid Household)> Confirmed(string code, double latitude, params int[] ages) =>
        Confirmed(code, latitude, "Claire", ages);

    private async Task<(Guid Host, Guid Household)> Confirmed(string code, double latitude, string name, params int[] ages)
    {
        var host = Builders.Host(code, beds: 6, accepts: ["family", "men", "women", "minor"], minorsCertified: true);
        host["latitude"] = latitude;
        host["displayName"] = name;
        var hostId = (Guid)(await (await Client.PostAsJsonAsync("/api/v1/hosts", host)).ReadObjectAsync())["id"]!;
        var request = await (await Client.PostAsJsonAsync($"/api/v1/nights/{Night}/requests", new
        {
            alias = $"Foyer {code}",
            members = ages.Select(a => new { age = a, sex = "female" }),
        })).ReadObjectAsync();
        await using var db = Api.Database.NewContext();
        var entity = await db.Requests.SingleAsync(r => r.Id == (Guid)request["id"]!);
        entity.Propose(hostId, ApiFactory.DefaultNow);
        entity.Confirm(ApiFactory.DefaultNow);
        await db.SaveChangesAsync();
        return (hostId, (Guid)request["householdId"]!);
    }

    private async Task<JsonObject> Plan()
    {
        var response = await Client.PostAsync($"/api/v1/nights/{Night}/van-runs", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadObjectAsync();
    }

    private static Instant At(JsonNode? time) => OffsetDateTimePattern.ExtendedIso.Parse((string)time!).Value.ToInstant();

    [Fact]
    public async Task PlanningTakesEveryConfirmedHouseholdWithinTheSeatsAndTheHostsWindows()
    {
        await AddBaseAndVan(seats: 8);
        for (var i = 0; i < 4; i++)
        {
            await Confirmed($"v{i}", 48.87 + (i * 0.005), 35, 8, 4);
        }

        var plan = await Plan();

        var trips = plan["trips"]!.AsArray();
        Assert.Equal(12, trips.Sum(t => (int)t!["passengers"]!));
        Assert.All(trips, t => Assert.InRange((int)t!["passengers"]!, 1, 8));
        Assert.All(trips, t => Assert.False((bool)t!["departed"]!));
        var evening = Instant.FromUtc(2026, 11, 26, 19, 30); // 20:30 in Paris
        Assert.All(trips.SelectMany(t => t!["stops"]!.AsArray()), s =>
        {
            // Builders.Host's window: 20:00 to 00:30; nobody arrives before the first departure.
            Assert.InRange(At(s!["arriveAt"]), evening, Instant.FromUtc(2026, 11, 26, 23, 30));
            Assert.EndsWith("+01:00", (string)s["arriveAt"]!);
        });
        Assert.Equal(12, (int)plan["summary"]!["peopleDelivered"]!);

        var read = await Client.GetAsync($"/api/v1/nights/{Night}/van-runs");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(trips.Count, (await read.ReadObjectAsync())["trips"]!.AsArray().Count);
    }

    [Fact]
    public async Task ATripThatLeftIsNeverChangedByAReplan()
    {
        await AddBaseAndVan(seats: 8);
        await Confirmed("a", 48.870, 30, 5);
        await Confirmed("b", 48.875, 40, 12, 9);
        var first = await Plan();
        var firstTrip = first["trips"]!.AsArray()[0]!;

        // The first trip leaves; then a host confirms late.
        Api.Clock.Reset(At(firstTrip["departAt"]) + Duration.FromMinutes(1));
        await Confirmed("c", 48.880, 28);
        var replanned = await Plan();

        var trips = replanned["trips"]!.AsArray();
        var kept = trips.Single(t => (int)t!["trip"]! == 1)!;
        Assert.True((bool)kept["departed"]!);
        Assert.Equal(firstTrip["departAt"]!.ToJsonString(), kept["departAt"]!.ToJsonString());
        Assert.Equal(firstTrip["stops"]!.ToJsonString(), kept["stops"]!.ToJsonString());
        var late = trips.Where(t => (int)t!["trip"]! > 1).SelectMany(t => t!["stops"]!.AsArray()).Single(s => (string?)s!["hostCode"] == "c")!;
        Assert.True(At(late["arriveAt"]) > At(kept["returnAt"]));

        // The summary counts the whole evening, the trip that left included, in the answer and in what is stored.
        var expected = await SummaryOfAllTrips(trips);
        Assert.Equal(6, expected.People);
        Assert.Equal(expected, SummaryOf(replanned));
        Assert.Equal(expected, SummaryOf(await (await Client.GetAsync($"/api/v1/nights/{Night}/van-runs")).ReadObjectAsync()));
    }

    [Fact]
    public async Task ATripWhoseHouseholdsAreBoardingIsNeverChangedByAReplan()
    {
        await AddBaseAndVan(seats: 8);
        await Confirmed("a", 48.870, 30, 5);
        var first = await Plan();
        var firstTrip = first["trips"]!.AsArray()[0]!;

        // Boarding takes 10 minutes before the van drives off: 4 minutes before, the household is in the van.
        Api.Clock.Reset(At(firstTrip["departAt"]) - Duration.FromMinutes(4));
        await Confirmed("c", 48.871, 28);
        var replanned = await Plan();

        var kept = replanned["trips"]!.AsArray().Single(t => (int)t!["trip"]! == 1)!;
        Assert.Equal(firstTrip["departAt"]!.ToJsonString(), kept["departAt"]!.ToJsonString());
        Assert.Equal(firstTrip["stops"]!.ToJsonString(), kept["stops"]!.ToJsonString());
    }

    private static (int People, int PersonMinutes, int Driving) SummaryOf(JsonNode plan) =>
        ((int)plan["summary"]!["peopleDelivered"]!, (int)plan["summary"]!["personArrivalMinutes"]!, (int)plan["summary"]!["drivingMinutes"]!);

    /// <summary>The spec's summary worked out from the trips alone: the hosts' homes, the base and the travel formula.</summary>
    private async Task<(int People, int PersonMinutes, int Driving)> SummaryOfAllTrips(JsonArray trips)
    {
        await using var db = Api.Database.NewContext();
        var homes = await db.Hosts.ToDictionaryAsync(h => h.Id.ToString(), h => h.Location);
        var firstDeparture = Domain.Night.At(LocalDatePattern.Iso.Parse(Night).Value, new LocalTime(20, 30)).ToInstant();
        var @base = new GeoPoint(48.8986, 2.3592);
        int people = 0, minutes = 0, driving = 0;
        foreach (var trip in trips)
        {
            var at = @base;
            foreach (var stop in trip!["stops"]!.AsArray())
            {
                var home = homes[(string)stop!["hostId"]!];
                driving += TravelTime.Minutes(at, home, 1.3, 20);
                people += (int)stop["people"]!;
                minutes += (int)stop["people"]! * (int)(At(stop["arriveAt"]) - firstDeparture).TotalMinutes;
                at = home;
            }

            driving += TravelTime.Minutes(at, @base, 1.3, 20);
        }

        return (people, minutes, driving);
    }

    [Fact]
    public async Task AHouseholdSentByOtherTransportLeavesThePlanAtOnceAndComesBackWhenSentByVanAgain()
    {
        await AddBaseAndVan();
        await Confirmed("h-near", 48.8530, 34, 7);
        var (far, household) = await Confirmed("h-far", 48.8300, 40);
        Assert.Equal(3, (int)(await Plan())["summary"]!["peopleDelivered"]!);
        Guid request;
        await using (var db = Api.Database.NewContext())
        {
            request = (await db.Requests.SingleAsync(r => r.HouseholdId == household)).Id;
        }

        var other = await Client.PutAsJsonAsync($"/api/v1/nights/{Night}/requests/{request}/transport", new { transport = "other" });

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal("other", (string?)(await other.ReadObjectAsync())["transport"]);
        // Planned again at once: the host is neither on a trip nor unserved (spec: "transport": "other").
        var plan = await (await Client.GetAsync($"/api/v1/nights/{Night}/van-runs")).ReadObjectAsync();
        Assert.Equal(2, (int)plan["summary"]!["peopleDelivered"]!);
        Assert.DoesNotContain(far, HostsIn(plan));

        var van = await Client.PutAsJsonAsync($"/api/v1/nights/{Night}/requests/{request}/transport", new { transport = "van" });

        Assert.Equal(HttpStatusCode.OK, van.StatusCode);
        plan = await (await Client.GetAsync($"/api/v1/nights/{Night}/van-runs")).ReadObjectAsync();
        Assert.Equal(3, (int)plan["summary"]!["peopleDelivered"]!);
        Assert.Contains(far, HostsIn(plan));

        var bike = await Client.PutAsJsonAsync($"/api/v1/nights/{Night}/requests/{request}/transport", new { transport = "bike" });
        var unknown = await Client.PutAsJsonAsync($"/api/v1/nights/{Night}/requests/{Guid.NewGuid()}/transport", new { transport = "other" });
        var otherNight = await Client.PutAsJsonAsync($"/api/v1/nights/2026-11-27/requests/{request}/transport", new { transport = "other" });
        Assert.Equal(HttpStatusCode.BadRequest, bike.StatusCode);
        Assert.Equal("must be van or other", (string?)(await bike.ReadObjectAsync())["errors"]!["transport"]![0]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherNight.StatusCode);
    }

    private static IEnumerable<Guid> HostsIn(JsonObject plan) =>
        plan["trips"]!.AsArray().SelectMany(t => t!["stops"]!.AsArray().Select(s => (Guid)s!["hostId"]!))
            .Concat(plan["unserved"]!.AsArray().Select(u => (Guid)u!["hostId"]!));

    [Fact]
    public async Task TheRunSheetListsStopsWithPhoneAddressAndAgesButNoNames()
    {
        await AddBaseAndVan();
        await Confirmed("sheet", 48.87, 33, 7);
        var plan = await Plan();
        var trip = plan["trips"]!.AsArray()[0]!;

        var html = await Client.GetAsync($"/api/v1/nights/{Night}/van-runs/{trip["vanId"]}/{trip["trip"]}/sheet");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        var page = await html.Content.ReadAsStringAsync();
        Assert.Contains("+33612345678", page);
        Assert.Contains("12 rue des", page);
        Assert.Contains("33 ans", page);
        Assert.Contains("7 ans", page);
        Assert.Contains("style-src 'unsafe-inline'", html.Headers.GetValues("Content-Security-Policy").Single());
        // The stop opens in the phone's navigation app at the host's point, labelled with the address, and on OpenStreetMap.
        var links = System.Text.RegularExpressions.Regex.Matches(page, "href=\"([^\"]+)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Contains("geo:48.87,2.3499?q=48.87,2.3499(12%20rue%20des%20%C3%89coles%2C%2075005%20Paris)", links);
        Assert.Contains("https://www.openstreetmap.org/?mlat=48.87&mlon=2.3499#map=18/48.87/2.3499", links);
        var stop = trip["stops"]!.AsArray()[0]!;
        Assert.Equal((48.87, 2.3499), ((double)stop["latitude"]!, (double)stop["longitude"]!));

        var csv = await Client.GetStringAsync($"/api/v1/nights/{Night}/van-runs/{trip["vanId"]}/{trip["trip"]}/sheet?format=csv");
        Assert.StartsWith("order;arrival;host;phone;address;people;ages", csv);
        Assert.Contains("\"+33612345678\"", csv);

        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/v1/nights/{Night}/van-runs/{trip["vanId"]}/99/sheet")).StatusCode);
    }

    [Fact]
    public async Task TheRunSheetCsvDefusesSpreadsheetFormulasButKeepsPhoneNumbersTappable()
    {
        await AddBaseAndVan();
        await Confirmed("formula", 48.87, "=HYPERLINK(\"http://x\")", 33);
        var trip = (await Plan())["trips"]!.AsArray()[0]!;

        var csv = await Client.GetStringAsync($"/api/v1/nights/{Night}/van-runs/{trip["vanId"]}/{trip["trip"]}/sheet?format=csv");

        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", csv);
        Assert.Contains("\"+33612345678\"", csv);
    }

    [Fact]
    public async Task PlanningWithoutAVanIsAClearConflict()
    {
        await Confirmed("novan", 48.87, 30);
        var response = await Client.PostAsync($"/api/v1/nights/{Night}/van-runs", null);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("no-van", (string?)(await response.ReadObjectAsync())["code"]);
    }

    [Fact]
    public async Task ReadingBeforeAnyPlanIs404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/v1/nights/{Night}/van-runs")).StatusCode);
}
