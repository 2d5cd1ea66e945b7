using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HostingMatch.Application.NightPlan;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace HostingMatch.IntegrationTests.Transport;

/// <summary>Tonight's vehicles, escorts and fetching hosts through the Api, on a real PostgreSQL (transport.md).</summary>
public sealed class NightTransportEndpointsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    private static JsonObject Car(string label = "Voiture de Léa", string from = "21:00", string until = "00:30", int seats = 3) => new()
    {
        ["kind"] = "car",
        ["label"] = label,
        ["driverFirstName"] = "Léa",
        ["driverPhone"] = "+33698765432",
        ["seats"] = seats,
        ["availableFrom"] = from,
        ["availableUntil"] = until,
    };

    [Fact]
    public async Task ACarThatTurnsUpIsRegisteredChangedListedAndWithdrawn()
    {
        var created = await client.PostAsJsonAsync("/api/v1/nights/2026-11-26/vehicles", Car());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var car = await created.ReadObjectAsync();
        Assert.Equal("car", (string?)car["kind"]);
        Assert.Equal("00:30", ((string?)car["availableUntil"])![..5]);

        var changed = await client.PutAsJsonAsync(created.Headers.Location, Car(from: "21:15", seats: 4));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var transport = await (await client.GetAsync("/api/v1/nights/2026-11-26/transport")).ReadObjectAsync();
        var listed = Assert.Single(transport["vehicles"]!.AsArray())!;
        Assert.Equal(4, (int)listed["seats"]!);
        Assert.Equal("21:15", ((string?)listed["availableFrom"])![..5]);
        Assert.Equal(4, (int)transport["seats"]!);
        Assert.Empty((await (await client.GetAsync("/api/v1/nights/2026-11-27/transport")).ReadObjectAsync())["vehicles"]!.AsArray());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(created.Headers.Location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync(created.Headers.Location)).StatusCode);
        Assert.Empty((await (await client.GetAsync("/api/v1/nights/2026-11-26/transport")).ReadObjectAsync())["vehicles"]!.AsArray());
    }

    [Fact]
    public async Task AVehicleWithNoSeatsABadPhoneAShiftEndingBeforeItStartsOrAnUnknownFieldIsA400NamingTheField()
    {
        var bad = Car(from: "23:00", until: "22:00", seats: 0);
        bad["driverPhone"] = "06 12";
        bad["kind"] = "bus";
        var response = await client.PostAsJsonAsync("/api/v1/nights/2026-12-04/vehicles", bad);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).ToArray();
        Assert.Equal(["availableUntil", "driverPhone", "kind", "seats"], errors.Order(StringComparer.Ordinal));

        var typo = Car();
        typo["seat"] = 3;
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/v1/nights/2026-12-04/vehicles", typo)).StatusCode);

        var nul = Car(label: "Voiture\u0000");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/v1/nights/2026-12-04/vehicles", nul)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/v1/nights/2026-13-40/vehicles", Car())).StatusCode);

        await using var db = api.Database.NewContext();
        Assert.False(await db.NightVehicles.AnyAsync(v => v.Night == new NodaTime.LocalDate(2026, 12, 4)));
    }

    [Theory]
    [InlineData("availableFrom", "00:30:15")]
    [InlineData("availableFrom", "20:30:01")]
    [InlineData("availableUntil", "00:30:15.123456789")]
    [InlineData("availableUntil", "00:30:00.5")]
    [InlineData("availableUntil", "9:00")]
    public async Task AShiftTimeThatIsNotAWholeMinuteInHHmmIsA400NamingTheField(string field, string time)
    {
        var car = Car(label: $"Voiture {field} {time}");
        car[field] = time;
        var created = await client.PostAsJsonAsync("/api/v1/nights/2026-12-09/vehicles", Car(label: $"Bonne {field} {time}"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var posted = await client.PostAsJsonAsync("/api/v1/nights/2026-12-09/vehicles", car);
        var put = await client.PutAsJsonAsync(created.Headers.Location, car);

        foreach (var response in new[] { posted, put })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal([field], (await response.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
        }

        await using var db = api.Database.NewContext();
        var kept = await db.NightVehicles.SingleAsync(v => v.Night == new NodaTime.LocalDate(2026, 12, 9) && v.Label == $"Bonne {field} {time}");
        Assert.Equal((new NodaTime.LocalTime(21, 0), new NodaTime.LocalTime(0, 30)), (kept.AvailableFrom, kept.AvailableUntil));
    }

    [Fact]
    public async Task AWholeMinuteWithSecondsAsGeneratedClientsSendItIsTakenAndWrittenHHmm()
    {
        var car = Car(label: "Voiture à la seconde ronde");
        car["availableFrom"] = "21:15:00";
        car["availableUntil"] = "00:30:00.000";

        var created = await client.PostAsJsonAsync("/api/v1/nights/2026-12-09/vehicles", car);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var vehicle = await created.ReadObjectAsync();
        Assert.Equal(("21:15", "00:30"), ((string?)vehicle["availableFrom"], (string?)vehicle["availableUntil"]));
    }

    [Fact]
    public async Task TwoVehiclesOfOneLabelInANightAre409AndTheSameLabelAnotherNightIsFine()
    {
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/nights/2026-12-01/vehicles", Car("Le camion"))).StatusCode);
        var twice = await client.PostAsJsonAsync("/api/v1/nights/2026-12-01/vehicles", Car(" Le camion "));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("vehicle-label-taken", (string?)(await twice.ReadObjectAsync())["code"]);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/nights/2026-12-02/vehicles", Car("Le camion"))).StatusCode);
    }

    [Fact]
    public async Task TwoLabelsEqualButForCaseInANightAre409WhetherRegisteredChangedOrAtOnce()
    {
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/nights/2026-12-11/vehicles", Car("Voiture test"))).StatusCode);
        var other = await client.PostAsJsonAsync("/api/v1/nights/2026-12-11/vehicles", Car("Voiture de Sami"));

        var twice = await client.PostAsJsonAsync("/api/v1/nights/2026-12-11/vehicles", Car("voiture TEST"));
        var renamed = await client.PutAsJsonAsync(other.Headers.Location, Car("VOITURE TEST"));

        foreach (var response in new[] { twice, renamed })
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("vehicle-label-taken", (string?)(await response.ReadObjectAsync())["code"]);
        }

        // Two coordinators at once: the check in the handler cannot see the other's insert; the unique index refuses it.
        var atOnce = await Task.WhenAll(
            client.PostAsJsonAsync("/api/v1/nights/2026-12-12/vehicles", Car("Le camion blanc")),
            client.PostAsJsonAsync("/api/v1/nights/2026-12-12/vehicles", Car("le Camion Blanc")));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], atOnce.Select(r => r.StatusCode).Order());
        foreach (var conflict in atOnce.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Equal("vehicle-label-taken", (string?)(await conflict.ReadObjectAsync())["code"]);
        }

        await using var db = api.Database.NewContext();
        db.NightVehicles.Add(Domain.Transport.NightVehicle.Create(new NodaTime.LocalDate(2026, 12, 11), Domain.Transport.VehicleKind.Car, "VOITURE Test",
            "Lina", "+33611112222", 3, new NodaTime.LocalTime(20, 30), new NodaTime.LocalTime(23, 30), NodaTime.SystemClock.Instance.GetCurrentInstant()));
        var index = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Equal("ix_night_vehicles_night_label", ((Npgsql.PostgresException)index.InnerException!).ConstraintName);
    }

    [Theory]
    [InlineData("label", "Voiture\nde\tLéa")]
    [InlineData("label", "Voiture de Léa\r")]
    [InlineData("driverFirstName", "Léa\nSTOP")]
    [InlineData("driverFirstName", "Léa\u2028Sami")]
    public async Task ALineBreakOrTabInALabelOrDriverNameIsA400NamingTheField(string field, string value)
    {
        var car = Car(label: "Voiture une ligne");
        car[field] = value;
        var created = await client.PostAsJsonAsync("/api/v1/nights/2026-12-13/vehicles", Car(label: $"Voiture {Guid.NewGuid():N}"));

        var posted = await client.PostAsJsonAsync("/api/v1/nights/2026-12-13/vehicles", car);
        var put = await client.PutAsJsonAsync(created.Headers.Location, car);

        foreach (var response in new[] { posted, put })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
            Assert.Equal([field], errors.Select(e => e.Key));
            Assert.StartsWith("must be one line", (string?)errors[field]![0]);
        }
    }

    [Fact]
    public async Task ALineBreakOrTabInAnEscortsFirstNameIsA400NamingTheField()
    {
        foreach (var name in new[] { "Sami\nSTOP", "Sami\tB." })
        {
            var response = await client.PostAsJsonAsync("/api/v1/nights/2026-12-13/escorts", new { firstName = name, phone = "+33611116666" });

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(["firstName"], (await response.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
        }

        await using var db = api.Database.NewContext();
        Assert.False(await db.NightEscorts.AnyAsync(e => e.Night == new NodaTime.LocalDate(2026, 12, 13)));
    }

    [Fact]
    public async Task ANightWithTheMostVehiclesANightPlanTakesRefusesOneMoreWith409()
    {
        // Found by the probe: vehicles without end made tonight's plan from the database run for minutes.
        var night = new NodaTime.LocalDate(2026, 12, 5);
        await using (var db = api.Database.NewContext())
        {
            for (var i = 0; i < NightPlanFileReader.MaxVehicles; i++)
            {
                db.NightVehicles.Add(Domain.Transport.NightVehicle.Create(night, Domain.Transport.VehicleKind.Car, $"Voiture {i}", "Lina", "+33611112222", 3,
                    new NodaTime.LocalTime(20, 30), new NodaTime.LocalTime(23, 30), NodaTime.SystemClock.Instance.GetCurrentInstant()));
            }

            await db.SaveChangesAsync();
        }

        var one = await client.PostAsJsonAsync("/api/v1/nights/2026-12-05/vehicles", Car("Une de plus"));

        Assert.Equal(HttpStatusCode.Conflict, one.StatusCode);
        Assert.Equal("too-many-vehicles", (string?)(await one.ReadObjectAsync())["code"]);
        await using var check = api.Database.NewContext();
        Assert.Equal(NightPlanFileReader.MaxVehicles, await check.NightVehicles.CountAsync(v => v.Night == night));
    }

    [Fact]
    public async Task TenRegistrationsAtOnceNeverTakeANightPastTheMostVehicles()
    {
        // Found by an audit: with 98 vehicles, ten registrations at once gave three 201s and a night of 102 vehicles.
        var night = new NodaTime.LocalDate(2026, 12, 16);
        await using (var db = api.Database.NewContext())
        {
            for (var i = 0; i < NightPlanFileReader.MaxVehicles - 2; i++)
            {
                db.NightVehicles.Add(Domain.Transport.NightVehicle.Create(night, Domain.Transport.VehicleKind.Car, $"Voiture {i}", "Lina", "+33611112222", 3,
                    new NodaTime.LocalTime(20, 30), new NodaTime.LocalTime(23, 30), NodaTime.SystemClock.Instance.GetCurrentInstant()));
            }

            await db.SaveChangesAsync();
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => client.PostAsJsonAsync("/api/v1/nights/2026-12-16/vehicles", Car($"Arrivée {i}"))));

        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        await using var check = api.Database.NewContext();
        Assert.Equal(NightPlanFileReader.MaxVehicles, await check.NightVehicles.CountAsync(v => v.Night == night));
    }

    [Fact]
    public async Task EscortsAreRegisteredOncePerPhoneAndWithdrawn()
    {
        var created = await client.PostAsJsonAsync("/api/v1/nights/2026-12-03/escorts", new { firstName = "Sami", phone = "+33611112222" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var twice = await client.PostAsJsonAsync("/api/v1/nights/2026-12-03/escorts", new { firstName = "Sami B.", phone = "+33611112222" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("escort-already-registered", (string?)(await twice.ReadObjectAsync())["code"]);
        Assert.DoesNotContain("+33611112222", await twice.Content.ReadAsStringAsync());

        var missing = await client.PostAsJsonAsync("/api/v1/nights/2026-12-03/escorts", new { phone = "+33611113333" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("firstName", (await missing.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key), StringComparer.OrdinalIgnoreCase);

        var transport = await (await client.GetAsync("/api/v1/nights/2026-12-03/transport")).ReadObjectAsync();
        Assert.Equal("Sami", (string?)Assert.Single(transport["escorts"]!.AsArray())!["firstName"]);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(created.Headers.Location)).StatusCode);
        Assert.Empty((await (await client.GetAsync("/api/v1/nights/2026-12-03/transport")).ReadObjectAsync())["escorts"]!.AsArray());
    }

    [Fact]
    public async Task APhoneWithALineEndAfterItIsA400NotASecondPhoneForTheSamePerson()
    {
        Assert.Equal(HttpStatusCode.Created,
            (await client.PostAsJsonAsync("/api/v1/nights/2026-12-06/escorts", new { firstName = "Sami", phone = "+33611114444" })).StatusCode);

        var escort = await client.PostAsJsonAsync("/api/v1/nights/2026-12-06/escorts", new { firstName = "Sami", phone = "+33611114444\n" });
        var car = Car();
        car["driverPhone"] = "+33698765432\n";
        var vehicle = await client.PostAsJsonAsync("/api/v1/nights/2026-12-06/vehicles", car);

        Assert.Equal(HttpStatusCode.BadRequest, escort.StatusCode);
        Assert.Equal(["phone"], (await escort.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.BadRequest, vehicle.StatusCode);
        Assert.Equal(["driverPhone"], (await vehicle.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
        await using var db = api.Database.NewContext();
        Assert.Equal(1, await db.NightEscorts.CountAsync(e => e.Night == new NodaTime.LocalDate(2026, 12, 6)));
        Assert.False(await db.NightVehicles.AnyAsync(v => v.Night == new NodaTime.LocalDate(2026, 12, 6)));
    }

    [Fact]
    public async Task AFieldIsNamedAsTheClientSentItWhetherTheValidatorOrTheJsonReaderRefusesIt()
    {
        var validated = Car(label: "", seats: 9);
        var typed = Car();
        typed["label"] = 12;
        typed["seats"] = "three";

        foreach (var (body, fields) in new[] { (validated, new[] { "label", "seats" }), (typed, ["label"]) })
        {
            var posted = await client.PostAsJsonAsync("/api/v1/nights/2026-12-10/vehicles", body);
            Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
            Assert.Equal(fields, (await posted.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        }

        var created = await client.PostAsJsonAsync("/api/v1/nights/2026-12-10/vehicles", Car());
        var changed = await client.PutAsJsonAsync(created.Headers.Location, validated);
        Assert.Equal(HttpStatusCode.BadRequest, changed.StatusCode);
        Assert.Equal(["label", "seats"], (await changed.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"kind":""")]
    [InlineData("""{"kind": "car", "label": "Voiture" "seats": 3}""")]
    [InlineData("""{"kind": 'car'}""")]
    public async Task MalformedJsonIsA400OnTheBodyNotOnTheFieldWhereTheReaderStopped(string body)
    {
        var response = await client.PostAsync("/api/v1/nights/2026-12-10/vehicles",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.Equal(["$"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.StartsWith("The request body is not valid JSON at line 1, column ", (string?)problem["detail"]);
        Assert.DoesNotContain("LineNumber", (string?)problem["detail"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task AnEmptyOrNullBodyIsA400SayingTheBodyIsRequiredInPlainWords(string body)
    {
        var response = await client.PostAsync("/api/v1/nights/2026-12-07/vehicles",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.Equal("The request body is required: a JSON object.", (string?)problem["detail"]);
        Assert.Equal(["$"], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task AHostWhoFetchesAtTheBaseIsListedOnTheNightsTheyAreAvailableOnly()
    {
        var host = Builders.Host("h-fetch");
        host["picksUpAtBase"] = true;
        var created = await (await client.PostAsJsonAsync("/api/v1/hosts", host)).ReadObjectAsync();
        Assert.True((bool)created["picksUpAtBase"]!);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/hosts", Builders.Host("h-home"))).StatusCode);

        // 2026-11-26 is a Thursday, one of the host's days; 2026-11-27 a Friday, not one.
        var thursday = await (await client.GetAsync("/api/v1/nights/2026-11-26/transport")).ReadObjectAsync();
        Assert.Equal("h-fetch", (string?)Assert.Single(thursday["fetchingHosts"]!.AsArray())!["code"]);
        Assert.Empty((await (await client.GetAsync("/api/v1/nights/2026-11-27/transport")).ReadObjectAsync())["fetchingHosts"]!.AsArray());
    }

    [Fact]
    public async Task AFetchingHostsArrivalWindowEndingBeforeItStartsIsA400NamingTheField()
    {
        var host = Builders.Host("h-fetch-late");
        host["picksUpAtBase"] = true;
        // Sundays only: the class shares its database, and the nights the other tests list fetching hosts on are not Sundays.
        host["weeklyDays"] = new JsonArray("sunday");
        host["arrivalFrom"] = "23:00";
        host["arrivalUntil"] = "21:00";

        var response = await client.PostAsJsonAsync("/api/v1/hosts", host);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["arrivalUntil"], (await response.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
        host["arrivalUntil"] = "00:30";
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/hosts", host)).StatusCode);
    }

    [Theory]
    [InlineData("0000-01-01")]
    [InlineData("1999-12-31")]
    [InlineData("2100-01-01")]
    [InlineData("9999-12-30")]
    public async Task ANightInThePathOutside2000To2099IsA400NamingTheNightOnEveryEndpoint(string night)
    {
        var calls = new (string What, Func<Task<HttpResponseMessage>> Call)[]
        {
            ("GET transport", () => client.GetAsync($"/api/v1/nights/{night}/transport")),
            ("POST vehicles", () => client.PostAsJsonAsync($"/api/v1/nights/{night}/vehicles", Car())),
            ("POST escorts", () => client.PostAsJsonAsync($"/api/v1/nights/{night}/escorts", new { firstName = "Sami", phone = "+33611115555" })),
            ("POST night-plan", () => client.PostAsync($"/api/v1/nights/{night}/night-plan", null)),
            ("POST matching", () => client.PostAsync($"/api/v1/nights/{night}/matching", null)),
            ("GET requests", () => client.GetAsync($"/api/v1/nights/{night}/requests")),
            ("GET offers", () => client.GetAsync($"/api/v1/nights/{night}/offers")),
            ("GET van-runs", () => client.GetAsync($"/api/v1/nights/{night}/van-runs")),
        };

        foreach (var (what, call) in calls)
        {
            var response = await call();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
            var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
            Assert.Equal(["night"], errors.Select(e => e.Key));
            Assert.Equal("must be a night from 2000-01-01 to 2099-12-31", (string?)errors["night"]![0]);
        }

        await using var db = api.Database.NewContext();
        Assert.False(await db.NightVehicles.AnyAsync(v => v.Night < new NodaTime.LocalDate(2000, 1, 1) || v.Night > new NodaTime.LocalDate(2099, 12, 31)));
        Assert.False(await db.NightEscorts.AnyAsync(e => e.Night < new NodaTime.LocalDate(2000, 1, 1) || e.Night > new NodaTime.LocalDate(2099, 12, 31)));
    }

    [Theory]
    [InlineData("2000-01-01")]
    [InlineData("2099-12-31")]
    public async Task TheFirstAndLastNightsOfTheRangeAreTaken(string night)
    {
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/nights/{night}/transport")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/nights/{night}/vehicles", Car())).StatusCode);
    }

    [Fact]
    public async Task APartnerMayNotSeeOrChangeTheNightsTransport()
    {
        var (partner, _) = await api.CreatePartnerAsync("Maraude Nord");
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/api/v1/nights/2026-11-26/transport")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsJsonAsync("/api/v1/nights/2026-11-26/vehicles", Car())).StatusCode);
    }

    [Fact]
    public async Task TheCommandLineRemovesInvisibleReorderingCharactersAsTheApiDoes()
    {
        // "Voiture\u202Egnp.exe" reads "Voitureexe.png" in the console: the Api strips the override, so must the verbs.
        var (exit, _, stderr) = await CliProcess.RunAsync(api.Database.ConnectionString, "transport", "add-vehicle", "--night", "2026-12-08",
            "--kind", "car", "--label", "Voiture\u202Egnp", "--driver", "L\u200Béa", "--phone", "+33600000003", "--seats", "3", "--from", "21:00", "--until", "23:00");
        Assert.True(exit == 0, stderr);
        (exit, _, stderr) = await CliProcess.RunAsync(api.Database.ConnectionString, "transport", "add-escort", "--night", "2026-12-08",
            "--name", "Sa\u2066mi", "--phone", "+33600000004");
        Assert.True(exit == 0, stderr);

        await using var db = api.Database.NewContext();
        var vehicle = await db.NightVehicles.SingleAsync(v => v.Night == new NodaTime.LocalDate(2026, 12, 8));
        Assert.Equal(("Voituregnp", "Léa"), (vehicle.Label, vehicle.DriverFirstName));
        Assert.Equal("Sami", (await db.NightEscorts.SingleAsync(e => e.Night == new NodaTime.LocalDate(2026, 12, 8))).FirstName);
    }

    [Fact]
    public async Task TheCommandLineAddsShowsAndRemovesAVehicleAndRefusesBadInputWithExit2()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync(api.Database.ConnectionString, "transport", "add-vehicle", "--night", "2026-12-05",
            "--kind", "van", "--label", "Le camion", "--driver", "Marc", "--phone", "+33600000001", "--seats", "8", "--from", "20:30", "--until", "00:30");
        Assert.True(exit == 0, stderr);
        var id = stdout.Split(' ', 2)[0];

        (exit, stdout, _) = await CliProcess.RunAsync(api.Database.ConnectionString, "transport", "show", "--night", "2026-12-05");
        Assert.Equal(0, exit);
        Assert.Contains("1 vehicle(s), 8 seat(s)", stdout);
        Assert.Contains("\"Le camion\"", stdout);

        (exit, _, stderr) = await CliProcess.RunAsync(api.Database.ConnectionString, "transport", "add-vehicle", "--night", "2026-12-05",
            "--kind", "car", "--label", "Le camion", "--driver", "Léa", "--phone", "+33600000002", "--seats", "3", "--from", "21:00", "--until", "23:00");
        Assert.Equal(2, exit);
        Assert.Contains("vehicle-label-taken", stderr);

        (exit, _, stderr) = await CliProcess.RunAsync(api.Database.ConnectionString, "transport", "add-vehicle", "--night", "2026-12-05",
            "--kind", "car", "--label", "Auto", "--driver", "Léa", "--phone", "+33600000002", "--seats", "12", "--from", "21h", "--until", "23:00");
        Assert.Equal(2, exit);
        Assert.Contains("--from", stderr);

        (exit, _, stderr) = await CliProcess.RunAsync(api.Database.ConnectionString, "transport", "add-vehicle", "--night", "2026-12-05",
            "--kind", "car", "--label", "Auto", "--driver", "Léa", "--phone", "+33600000002", "--seats", "12", "--from", "21:00", "--until", "23:00");
        Assert.Equal(2, exit);
        Assert.Contains("Seats", stderr);

        (exit, _, _) = await CliProcess.RunAsync(api.Database.ConnectionString, "transport", "remove-vehicle", "--night", "2026-12-05", id);
        Assert.Equal(0, exit);
        (exit, _, _) = await CliProcess.RunAsync(api.Database.ConnectionString, "transport", "remove-vehicle", "--night", "2026-12-05", id);
        Assert.Equal(2, exit);
    }
}
