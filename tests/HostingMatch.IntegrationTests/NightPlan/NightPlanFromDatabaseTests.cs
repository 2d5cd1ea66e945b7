using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Transport;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace HostingMatch.IntegrationTests.NightPlan;

/// <summary>
/// Tonight's night plan from the database (POST /api/v1/nights/{night}/night-plan): the registered vehicles, escorts and
/// fetching hosts decide who reaches a bed. Each plan is checked against transport.md's rules by <see cref="Problems"/>,
/// written from the spec, not from the engine.
/// </summary>
public sealed class NightPlanFromDatabaseTests : OwnApiTest
{
    private const string Night = "2026-11-26";

    private async Task<Guid> AddHostAsync(string code, bool fetches = false, string[]? accepts = null, int beds = 3)
    {
        var host = Builders.Host(code, beds, accepts ?? ["family", "women", "men"]);
        host["picksUpAtBase"] = fetches;
        var response = await Client.PostAsJsonAsync("/api/v1/hosts", host);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (Guid)(await response.ReadObjectAsync())["id"]!;
    }

    private async Task AddRequestAsync(JsonObject household) =>
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync($"/api/v1/nights/{Night}/requests", household)).StatusCode);

    private static JsonObject Man(string alias) => new()
    {
        ["alias"] = alias,
        ["members"] = new JsonArray(new JsonObject { ["age"] = 40, ["sex"] = "male" }),
    };

    private async Task<JsonObject> PlanAsync()
    {
        var response = await Client.PostAsync($"/api/v1/nights/{Night}/night-plan", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = await response.ReadObjectAsync();
        var transport = await (await Client.GetAsync($"/api/v1/nights/{Night}/transport")).ReadObjectAsync();
        var hosts = await (await Client.GetAsync("/api/v1/hosts")).ReadArrayAsync();
        Assert.Empty(Problems(plan, transport, hosts));
        return plan;
    }

    [Fact]
    public async Task ANightWithNoHouseholdAndNoHostIsAnEmptyPlanNotAnError()
    {
        var plan = await PlanAsync();

        Assert.Empty(plan["placements"]!.AsArray());
        Assert.Empty(plan["unplaced"]!.AsArray());
        Assert.Empty(plan["trips"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.PostAsync("/api/v1/nights/2026-02-30/night-plan", null)).StatusCode);
    }

    [Fact]
    public async Task TheCalendarsLastNightIsA400NamingTheNightNotA500()
    {
        var response = await Client.PostAsync("/api/v1/nights/9999-12-31/night-plan", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["night"], (await response.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task AConfirmedPlacementNoRideReachesIsListedApartAndKept()
    {
        var home = await AddHostAsync("h-home", beds: 2);
        await AddRequestAsync(Builders.Family("Famille A."));
        await AddRequestAsync(Builders.Family("Famille B."));
        await using (var db = Api.Database.NewContext())
        {
            var request = await db.Requests.Join(db.Households.Where(h => h.Alias == "Famille A."), r => r.HouseholdId, h => h.Id, (r, _) => r).SingleAsync();
            request.ProposeTo(home, ApiFactory.DefaultNow);
            request.Confirm(ApiFactory.DefaultNow);
            await db.SaveChangesAsync();
        }

        // A fetching host with room takes Famille B.; the confirmed family stays with its host, said apart.
        await AddHostAsync("h-fetch", fetches: true, accepts: ["family"]);

        var plan = await PlanAsync();

        var stranded = Assert.Single(plan["agreedWithoutRide"]!.AsArray())!;
        Assert.Equal("Famille A.", (string?)stranded["alias"]);
        Assert.Equal("confirmed", (string?)stranded["status"]);
        var placed = Assert.Single(plan["placements"]!.AsArray())!;
        Assert.Equal("Famille B.", (string?)placed["alias"]);
        Assert.Equal("h-fetch", (string?)placed["hostCode"]);
    }

    [Fact]
    public async Task WithNoWayToTheHostAFamilyIsLeftOutWithNoRide()
    {
        await AddHostAsync("h-home");
        await AddRequestAsync(Builders.Family("Famille A."));

        var plan = await PlanAsync();

        Assert.Empty(plan["placements"]!.AsArray());
        var left = Assert.Single(plan["unplaced"]!.AsArray())!;
        Assert.Equal("no-ride", (string?)left["reason"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)left["detail"]));
    }

    [Fact]
    public async Task AHostWhoFetchesACarThatTurnsUpAndAnEscortEachBringSomeone()
    {
        await AddHostAsync("h-fetch", fetches: true, accepts: ["family"]);
        await AddHostAsync("h-home", accepts: ["women"]);
        await AddHostAsync("h-men", accepts: ["men"]);
        await AddRequestAsync(Builders.Family("Famille A."));
        await AddRequestAsync(new JsonObject
        {
            ["alias"] = "Mme B.",
            ["members"] = new JsonArray(new JsonObject { ["age"] = 30, ["sex"] = "female" }),
        });
        await AddRequestAsync(Man("M. C."));

        var before = await PlanAsync();
        Assert.Equal("host-fetches", (string?)Single(before, "Famille A.")["ride"]!["way"]);
        Assert.Equal(2, before["unplaced"]!.AsArray().Count);

        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync($"/api/v1/nights/{Night}/vehicles", new
        {
            kind = "car", label = "Voiture de Léa", driverFirstName = "Léa", driverPhone = "+33698765432", seats = 3,
            availableFrom = "21:15", availableUntil = "23:30",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync($"/api/v1/nights/{Night}/escorts",
            new { firstName = "Sami", phone = "+33611112222" })).StatusCode);

        var after = await PlanAsync();
        Assert.Empty(after["unplaced"]!.AsArray());
        var byCar = after["placements"]!.AsArray().Where(p => (string?)p!["ride"]!["way"] == "vehicle").ToList();
        Assert.NotEmpty(byCar);
        Assert.All(byCar, p => Assert.Equal("Voiture de Léa", (string?)p!["ride"]!["vehicleLabel"]));
        Assert.Equal(4, after["summary"]!["peopleBrought"]!.AsArray().Sum(n => (int)n!));
    }

    [Fact]
    public async Task LateInTheEveningTheTripsThatLeftAreKeptAndAHouseholdSentByOtherMeansNeedsNoRide()
    {
        await AddHostAsync("h-a", accepts: ["men"]);
        await AddHostAsync("h-b", accepts: ["men"]);
        await AddHostAsync("h-c", accepts: ["men"]);
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync($"/api/v1/nights/{Night}/vehicles", new
        {
            kind = "car", label = "Voiture de Léa", driverFirstName = "Léa", driverPhone = "+33698765432", seats = 3,
            availableFrom = "20:30", availableUntil = "23:00",
        })).StatusCode);
        foreach (var alias in new[] { "M. A.", "M. B.", "M. C." })
        {
            await AddRequestAsync(Man(alias));
        }

        async Task<Guid> ConfirmAsync(string alias, string code, Instant at)
        {
            await using var db = Api.Database.NewContext();
            var request = await db.Requests.Join(db.Households.Where(h => h.Alias == alias), r => r.HouseholdId, h => h.Id, (r, _) => r).SingleAsync();
            request.ProposeTo(await db.Hosts.Where(h => h.Code == code).Select(h => h.Id).SingleAsync(), at);
            request.Confirm(at);
            await db.SaveChangesAsync();
            return request.Id;
        }

        await ConfirmAsync("M. A.", "h-a", ApiFactory.DefaultNow);
        await ConfirmAsync("M. B.", "h-b", ApiFactory.DefaultNow);
        var runs = await (await Client.PostAsync($"/api/v1/nights/{Night}/van-runs", null)).ReadObjectAsync();
        Assert.Equal(2, runs["trips"]!.AsArray().Sum(t => t!["stops"]!.AsArray().Count));

        // 22:55: every trip has left, and the car's shift ends at 23:00, so no new trip could reach anyone now. The trips
        // that left are kept, their households brought; a household confirmed now, that the coordinators send by other
        // means, needs no ride.
        var late = Instant.FromUtc(2026, 11, 26, 21, 55);
        Api.Clock.Reset(late);
        var sentByOtherMeans = await ConfirmAsync("M. C.", "h-c", late);
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsJsonAsync($"/api/v1/nights/{Night}/requests/{sentByOtherMeans}/transport",
            new { transport = "other" })).StatusCode);
        var replanned = await Client.PostAsync($"/api/v1/nights/{Night}/van-runs", null);
        Assert.Equal(HttpStatusCode.OK, replanned.StatusCode);
        Assert.All((await replanned.ReadObjectAsync())["trips"]!.AsArray(), t => Assert.True((bool)t!["departed"]!));

        var plan = await PlanAsync();
        Assert.Empty(plan["agreedWithoutRide"]!.AsArray());
        Assert.Equal("M. C.", (string?)Assert.Single(plan["onTheirWay"]!.AsArray())!["alias"]);
        Assert.All(new[] { "M. A.", "M. B." }, alias => Assert.Equal("vehicle", (string?)Single(plan, alias)["ride"]!["way"]));
        Assert.DoesNotContain(plan["placements"]!.AsArray(), p => (string?)p!["alias"] == "M. C.");

        // 23:10: the car's shift is over; its trips are still kept and re-planning still works.
        Api.Clock.Reset(late + Duration.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/v1/nights/{Night}/van-runs", null)).StatusCode);
        var after = await PlanAsync();
        Assert.Empty(after["agreedWithoutRide"]!.AsArray());
        Assert.All(new[] { "M. A.", "M. B." }, alias => Assert.Equal("vehicle", (string?)Single(after, alias)["ride"]!["way"]));
    }

    [Fact]
    public async Task ARenamedVehicleKeepsItsTripsAndItsRidesAndAVehicleWhoseTripHasLeftStaysRegistered()
    {
        var home = await AddHostAsync("h-a", accepts: ["men"]);
        var car = new
        {
            kind = "car", label = "Voiture de Karim", driverFirstName = "Karim", driverPhone = "+33698765432", seats = 3,
            availableFrom = "20:30", availableUntil = "23:00",
        };
        var registered = await Client.PostAsJsonAsync($"/api/v1/nights/{Night}/vehicles", car);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        await AddRequestAsync(Man("M. A."));
        await using (var db = Api.Database.NewContext())
        {
            var request = await db.Requests.SingleAsync();
            request.ProposeTo(home, ApiFactory.DefaultNow);
            request.Confirm(ApiFactory.DefaultNow);
            await db.SaveChangesAsync();
        }

        var runs = await (await Client.PostAsync($"/api/v1/nights/{Night}/van-runs", null)).ReadObjectAsync();
        var trip = Assert.Single(runs["trips"]!.AsArray())!;
        Assert.Equal("Voiture de Karim", (string?)trip["vanId"]);

        // The trip has left; the coordinator corrects the label: the trip, the household's ride and the re-plan follow it.
        Api.Clock.Reset(Clock.Parse((string)trip["departAt"]!).Value.ToInstant() + Duration.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsJsonAsync(registered.Headers.Location, car with { label = "Voiture de Karim (Zoé)" })).StatusCode);
        var replanned = await Client.PostAsync($"/api/v1/nights/{Night}/van-runs", null);
        Assert.Equal(HttpStatusCode.OK, replanned.StatusCode);
        var kept = Assert.Single((await replanned.ReadObjectAsync())["trips"]!.AsArray())!;
        Assert.Equal(("Voiture de Karim (Zoé)", true), ((string?)kept["vanId"], (bool)kept["departed"]!));
        await using (var db = Api.Database.NewContext())
        {
            Assert.Equal("Voiture de Karim (Zoé)", (await db.Requests.SingleAsync()).Ride!.VehicleLabel);
        }

        // Withdrawing it now would lose the trip its household is on: refused, and nothing changes.
        var withdrawn = await Client.DeleteAsync(registered.Headers.Location);
        Assert.Equal(HttpStatusCode.Conflict, withdrawn.StatusCode);
        Assert.Equal("vehicle-has-left", (string?)(await withdrawn.ReadObjectAsync())["code"]);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/v1/nights/{Night}/van-runs", null)).StatusCode);
    }

    [Fact]
    public async Task WithoutARegisteredVehicleTheNetworksVanRunsTheEvening()
    {
        await using (var db = Api.Database.NewContext())
        {
            var @base = Base.Create("Porte de la Chapelle", new GeoPoint(48.8986, 2.3592), new LocalTime(20, 0), ApiFactory.DefaultNow);
            db.Bases.Add(@base);
            db.Vans.Add(Van.Create("van-1", 8, @base.Id, ApiFactory.DefaultNow));
            await db.SaveChangesAsync();
        }

        await AddHostAsync("h-home");
        await AddRequestAsync(Builders.Family("Famille A."));

        var plan = await PlanAsync();
        var ride = Single(plan, "Famille A.")["ride"]!;
        Assert.Equal("vehicle", (string?)ride["way"]);
        Assert.Equal("van-1", (string?)ride["vehicleLabel"]);
    }

    private static JsonNode Single(JsonObject plan, string alias) =>
        Assert.Single(plan["placements"]!.AsArray(), p => (string?)p!["alias"] == alias)!;

    private static readonly OffsetDateTimePattern Clock = OffsetDateTimePattern.ExtendedIso;
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>Minutes since noon of the night, so that 00:30 is after 23:30 (van-runs.md).</summary>
    private static int Minute(LocalTime t) => ((t.Hour + 12) % 24 * 60) + t.Minute;

    private static int Minute(string? offsetDateTime) => Minute(Clock.Parse(offsetDateTime!).Value.TimeOfDay);

    /// <summary>transport.md's hard rules 2-3 and its ways, as far as the view shows them.</summary>
    private static List<string> Problems(JsonObject plan, JsonObject transport, JsonArray hosts)
    {
        var problems = new List<string>();
        var vehicles = transport["vehicles"]!.AsArray().ToDictionary(v => (string)v!["label"]!, v => v!);
        var hostByCode = hosts.Select(h => h!["host"]!).ToDictionary(h => (string)h["code"]!, h => h);
        var trips = plan["trips"]!.AsArray();
        var publicTransport = 0;
        var seen = new HashSet<string>();
        foreach (var p in plan["placements"]!.AsArray())
        {
            var alias = (string)p!["alias"]!;
            if (!seen.Add((string)p["requestId"]!))
            {
                problems.Add($"{alias} placed twice");
            }

            var host = hostByCode[(string)p["hostCode"]!];
            var ride = p["ride"]!;
            var arrive = Minute((string?)ride["arriveAt"]);
            if (arrive < Minute(Time.Parse((string)host["arrivalFrom"]!).Value) || arrive > Minute(Time.Parse((string)host["arrivalUntil"]!).Value))
            {
                problems.Add($"{alias} arrives outside {host["code"]}'s window");
            }

            switch ((string?)ride["way"])
            {
                case "host-fetches" when !(bool)host["picksUpAtBase"]!:
                    problems.Add($"{alias} fetched by a host who does not fetch");
                    break;
                case "public-transport":
                    publicTransport++;
                    break;
                case "vehicle":
                    var trip = trips.SingleOrDefault(t => (string?)t!["vehicleId"] == (string?)ride["vehicleId"] && (int)t!["trip"]! == (int)ride["trip"]!);
                    if (trip is null || !trip["stops"]!.AsArray().Any(s => (string?)s!["hostCode"] == (string?)p["hostCode"]
                                                                          && s!["aliases"]!.AsArray().Any(a => (string?)a == alias)))
                    {
                        problems.Add($"{alias} rides a trip that does not stop at its host with it");
                    }

                    break;
                case "host-fetches":
                    break;
                default:
                    problems.Add($"{alias} has no known way");
                    break;
            }
        }

        if (publicTransport > transport["escorts"]!.AsArray().Count)
        {
            problems.Add($"{publicTransport} households by public transport for {transport["escorts"]!.AsArray().Count} escorts");
        }

        foreach (var t in trips)
        {
            if (!vehicles.TryGetValue((string)t!["vehicleLabel"]!, out var vehicle))
            {
                Assert.Empty(vehicles); // only the network's van when none is registered: van-runs.md's own tests cover its trips
                continue;
            }

            if (Minute((string?)t["departAt"]) < Minute(Time.Parse((string)vehicle["availableFrom"]!).Value)
                || Minute((string?)t["returnAt"]) > Minute(Time.Parse((string)vehicle["availableUntil"]!).Value))
            {
                problems.Add($"{vehicle["label"]} trip {t["trip"]} outside the driver's shift");
            }

            if ((int)t["passengers"]! > (int)vehicle["seats"]!)
            {
                problems.Add($"{vehicle["label"]} trip {t["trip"]} over its seats");
            }
        }

        return problems;
    }
}
