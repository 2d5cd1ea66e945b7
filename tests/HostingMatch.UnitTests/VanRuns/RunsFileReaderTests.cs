using System.Globalization;
using System.Text.Json.Nodes;
using HostingMatch.Application.VanRuns;
using NodaTime;
using HostingMatch.Application.VanRuns.Planner;

namespace HostingMatch.UnitTests.VanRuns;

public sealed class RunsFileReaderTests
{
    private const string Valid = """
        {
          "night": "2026-11-26",
          "timeZone": "Europe/Paris",
          "base": { "name": "Porte de la Chapelle", "latitude": 48.8986, "longitude": 2.3592 },
          "rules": { "averageSpeedKmh": 20, "detourFactor": 1.3 },
          "vans": [ { "id": "van-1", "seats": 8 }, { "id": "van-2", "seats": 8 } ],
          "firstDeparture": "20:30", "latestArrival": "23:59",
          "loadingMinutes": 10, "stopMinutes": 5,
          "stops": [
            { "hostId": "h-001", "latitude": 48.8530, "longitude": 2.3499,
              "arrivalFrom": "20:45", "arrivalUntil": "22:30",
              "households": [ { "id": "hh-001", "people": 3 } ] },
            { "hostId": "h-002", "latitude": 48.8600, "longitude": 2.3600,
              "households": [ { "id": "hh-002", "people": 2 }, { "id": "hh-003", "people": 1 } ] }
          ]
        }
        """;

    [Fact]
    public void Read_WhenFileIsValid_ReadsEveryField()
    {
        var file = RunsFileReader.Read(Valid).File!;

        Assert.Equal(new LocalDate(2026, 11, 26), file.Night);
        Assert.Equal(["van-1", "van-2"], file.Vans.Select(v => v.Id));
        Assert.Equal(new LocalTime(20, 45), file.Stops[0].ArrivalFrom);
        Assert.Equal(3, file.Stops[1].People);
        Assert.Equal(StopTransport.Van, file.Stops[1].Transport);
    }

    [Fact]
    public void Read_WhenOptionalFieldsAreAbsent_UsesTheDocumentedDefaults()
    {
        var file = RunsFileReader.Read("""
            { "night": "2026-11-26", "base": { "latitude": 48.8986, "longitude": 2.3592 }, "vans": [ {} ],
              "stops": [ { "hostId": "h-1", "latitude": 48.85, "longitude": 2.35, "households": [ { "id": "hh-1", "people": 2 } ] } ] }
            """).File!;

        Assert.Equal((RunsFile.SupportedTimeZone, 20.0, 1.3), (file.TimeZone, file.Rules.AverageSpeedKmh, file.Rules.DetourFactor));
        Assert.Equal((new LocalTime(20, 30), new LocalTime(23, 59), 10, 5), (file.FirstDeparture, file.LatestArrival, file.LoadingMinutes, file.StopMinutes));
        Assert.Equal(new RunsVan("van-1", 8), Assert.Single(file.Vans));
        Assert.Equal((file.FirstDeparture, file.LatestArrival), (file.Stops[0].ArrivalFrom, file.Stops[0].ArrivalUntil));
    }

    [Fact]
    public void Read_WhenWindowRunsPastMidnight_IsNotInverted()
    {
        var result = RunsFileReader.Read(Edit(Valid, root => root["stops"]![0]!["arrivalUntil"] = "00:30"));

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Read_WhenTransportIsOther_MarksTheStop()
    {
        var file = RunsFileReader.Read(Edit(Valid, root => root["stops"]![1]!["transport"] = "other")).File!;

        Assert.Equal(StopTransport.Other, file.Stops[1].Transport);
    }

    public static TheoryData<string, string, string> Rejections() => new()
    {
        { "missing night", "$.night", "is required" },
        { "missing base", "$.base", "is required" },
        { "missing vans", "$.vans", "is required" },
        { "missing stops", "$.stops", "is required" },
        { "missing hostId", "$.stops[0].hostId", "is required" },
        { "missing latitude", "$.stops[0].latitude", "is required" },
        { "missing longitude", "$.stops[1].longitude", "is required" },
        { "missing households", "$.stops[0].households", "is required" },
        { "missing household id", "$.stops[0].households[0].id", "is required" },
        { "missing people", "$.stops[0].households[0].people", "is required" },
        { "seats 0", "$.vans[0].seats", "at least 1" },
        { "people 0", "$.stops[1].households[1].people", "at least 1" },
        { "arrivalFrom after arrivalUntil", "$.stops[0].arrivalFrom", "after arrivalUntil" },
        { "duplicate household", "$.stops[1].households[0].id", "duplicate household" },
        { "duplicate host", "$.stops[1].hostId", "duplicate host" },
        { "duplicate van", "$.vans[1].id", "duplicate van" },
        { "time 8:30", "$.firstDeparture", "HH:mm" },
        { "time 20h45", "$.stops[0].arrivalFrom", "HH:mm" },
        { "time zone", "$.timeZone", "Europe/Paris" },
        { "speed 1e-7", "$.rules.averageSpeedKmh", "must be at least 1 and at most 130" },
        { "speed 131", "$.rules.averageSpeedKmh", "must be at least 1 and at most 130" },
        { "detour 0.5", "$.rules.detourFactor", "must be at least 1 and at most 5" },
        { "detour 6", "$.rules.detourFactor", "must be at least 1 and at most 5" },
        { "households a string", "$.stops[0].households", "must be an array" },
        { "households an object", "$.stops[0].households", "must be an array" },
        { "households empty", "$.stops[0].households", "must list at least one household" },
        { "vans an object", "$.vans", "must be an array" },
        { "vans [1]", "$.vans[0]", "must be an object" },
        { "vans empty", "$.vans", "must list at least one van" },
        { "van id missing, its default taken", "$.vans[1].id", "is missing, and the default 'van-2' is another van's id" },
        { "arrivalUntil before the default arrivalFrom", "$.stops[1].arrivalUntil", "arrivalUntil 20:15 is before arrivalFrom, which defaults to firstDeparture 20:30" },
        { "arrivalFrom after the default arrivalUntil", "$.stops[1].arrivalFrom", "arrivalFrom 23:30 is after arrivalUntil, which defaults to latestArrival 23:00" },
        { "arrivalFrom moved past arrivalUntil by the spring gap", "$.stops[0].arrivalFrom", "arrivalFrom 02:30 (that night 02:30 does not exist: the clocks go forward, so it means 03:30) is after arrivalUntil 03:15" },
        { "latestArrival before firstDeparture", "$.latestArrival", "latestArrival 20:00 is before firstDeparture 20:30" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Read_WhenARuleIsBroken_RejectsWithThePath(string rule, string path, string message)
    {
        var json = rule switch
        {
            "missing night" => Edit(Valid, r => r.Remove("night")),
            "missing base" => Edit(Valid, r => r.Remove("base")),
            "missing vans" => Edit(Valid, r => r.Remove("vans")),
            "missing stops" => Edit(Valid, r => r.Remove("stops")),
            "missing hostId" => Edit(Valid, r => r["stops"]![0]!.AsObject().Remove("hostId")),
            "missing latitude" => Edit(Valid, r => r["stops"]![0]!.AsObject().Remove("latitude")),
            "missing longitude" => Edit(Valid, r => r["stops"]![1]!.AsObject().Remove("longitude")),
            "missing households" => Edit(Valid, r => r["stops"]![0]!.AsObject().Remove("households")),
            "missing household id" => Edit(Valid, r => r["stops"]![0]!["households"]![0]!.AsObject().Remove("id")),
            "missing people" => Edit(Valid, r => r["stops"]![0]!["households"]![0]!.AsObject().Remove("people")),
            "seats 0" => Edit(Valid, r => r["vans"]![0]!["seats"] = 0),
            "people 0" => Edit(Valid, r => r["stops"]![1]!["households"]![1]!["people"] = 0),
            "arrivalFrom after arrivalUntil" => Edit(Valid, r => r["stops"]![0]!["arrivalFrom"] = "22:45"),
            "duplicate household" => Edit(Valid, r => r["stops"]![1]!["households"]![0]!["id"] = "hh-001"),
            "duplicate host" => Edit(Valid, r => r["stops"]![1]!["hostId"] = "h-001"),
            "duplicate van" => Edit(Valid, r => r["vans"]![1]!["id"] = "van-1"),
            "time 8:30" => Edit(Valid, r => r["firstDeparture"] = "8:30"),
            "time 20h45" => Edit(Valid, r => r["stops"]![0]!["arrivalFrom"] = "20h45"),
            "time zone" => Edit(Valid, r => r["timeZone"] = "Europe/London"),
            "speed 1e-7" => Edit(Valid, r => r["rules"]!["averageSpeedKmh"] = 1e-7),
            "speed 131" => Edit(Valid, r => r["rules"]!["averageSpeedKmh"] = 131),
            "detour 0.5" => Edit(Valid, r => r["rules"]!["detourFactor"] = 0.5),
            "detour 6" => Edit(Valid, r => r["rules"]!["detourFactor"] = 6),
            "households a string" => Edit(Valid, r => r["stops"]![0]!["households"] = "hh-1"),
            "households an object" => Edit(Valid, r => r["stops"]![0]!["households"] = new JsonObject()),
            "households empty" => Edit(Valid, r => r["stops"]![0]!["households"] = new JsonArray()),
            "vans an object" => Edit(Valid, r => r["vans"] = new JsonObject()),
            "vans [1]" => Edit(Valid, r => r["vans"] = new JsonArray(1)),
            "vans empty" => Edit(Valid, r => r["vans"] = new JsonArray()),
            "van id missing, its default taken" => Edit(Valid, r => r["vans"] = JsonNode.Parse("""[{ "id": "van-2" }, {}]""")),
            "arrivalUntil before the default arrivalFrom" => Edit(Valid, r => r["stops"]![1]!["arrivalUntil"] = "20:15"),
            "arrivalFrom after the default arrivalUntil" => Edit(Valid, r =>
            {
                r["latestArrival"] = "23:00";
                r["stops"]![1]!["arrivalFrom"] = "23:30";
            }),
            "arrivalFrom moved past arrivalUntil by the spring gap" => Edit(Valid, r =>
            {
                r["night"] = "2026-03-28";
                r["latestArrival"] = "04:00";
                r["stops"]![0]!["arrivalFrom"] = "02:30";
                r["stops"]![0]!["arrivalUntil"] = "03:15";
            }),
            "latestArrival before firstDeparture" => Edit(Valid, r => r["latestArrival"] = "20:00"),
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };

        var result = RunsFileReader.Read(json);

        Assert.Null(result.File);
        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Read_WhenJsonIsInvalid_RejectsWithTheLine()
    {
        var result = RunsFileReader.Read("{ \"night\": \"2026-11-26\",\n  \"vans\": [ }");

        var message = Assert.Single(result.Errors).Message;
        Assert.StartsWith("invalid JSON at line 2, column 13: ", message);
        Assert.DoesNotContain("LineNumber", message);
        Assert.DoesNotContain("BytePositionInLine", message);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(130, 5)]
    public void Read_WhenRulesAreAtTheirBounds_Accepts(double speed, double detour)
    {
        var result = RunsFileReader.Read(Edit(Valid, r => r["rules"] = new JsonObject { ["averageSpeedKmh"] = speed, ["detourFactor"] = detour }));

        Assert.Equal(new RunsRules(speed, detour), result.File!.Rules);
    }

    [Theory]
    [InlineData("vans[1].id", "\"\"")]
    [InlineData("vans[1].id", "\"   \"")]
    [InlineData("stops[0].hostId", "\"\"")]
    [InlineData("stops[1].hostId", "\" \\t \"")]
    [InlineData("stops[1].hostId", "\"h-002\\n$.stops[0].hostId: injected\"")]
    [InlineData("stops[0].households[0].id", "\"  \"")]
    [InlineData("stops[1].households[1].id", "\"hh\\r\\n3\"")]
    public void Read_WhenAnIdIsEmptyBlankOrOnTwoLines_IsOneErrorNamingTheField(string field, string json)
    {
        var result = RunsFileReader.Read(Edit(Valid, r => Set(r, field, JsonNode.Parse(json))));

        Assert.Null(result.File);
        var error = Assert.Single(result.Errors);
        Assert.Equal($"$.{field}", error.Path);
        Assert.DoesNotContain('\n', error.ToString());
    }

    [Fact]
    public void Read_WhenABlankVanIdLeavesTheDefaultTaken_ReportsOnlyTheBlankId()
    {
        var result = RunsFileReader.Read(Edit(Valid, r => r["vans"] = JsonNode.Parse("""[ { "id": " " }, { "id": "van-1" } ]""")));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("$.vans[0].id", "must not be empty or blank"), (error.Path, error.Message));
    }

    [Fact]
    public void Read_WhenTheBaseNameSpansTwoLines_IsRefusedOnIt()
    {
        var result = RunsFileReader.Read(Edit(Valid, r => r["base"]!["name"] = "Porte\nde la Chapelle"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.base.name", error.Path);
        Assert.StartsWith("must be one line", error.Message);
    }

    [Fact]
    public void Read_WhenSeveralRulesAreBroken_ReportsEveryOne()
    {
        var json = Edit(Valid, r =>
        {
            r.Remove("night");
            r["vans"]![0]!["seats"] = 0;
            r["stops"]![1]!["hostId"] = "h-001";
        });

        var result = RunsFileReader.Read(json);

        Assert.Equal(["$.night", "$.vans[0].seats", "$.stops[1].hostId"], result.Errors.Select(e => e.Path));
    }

    /// <summary>Sets the field at <paramref name="path"/> (<c>stops[1].households[0].id</c>) of the file.</summary>
    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        JsonNode node = root;
        var steps = path.Split('.');
        foreach (var step in steps[..^1])
        {
            var bracket = step.IndexOf('[', StringComparison.Ordinal);
            node = bracket < 0 ? node[step]! : node[step[..bracket]]![int.Parse(step[(bracket + 1)..^1], CultureInfo.InvariantCulture)]!;
        }

        node[steps[^1]] = value;
    }

    private static string Edit(string json, Action<JsonObject> change)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        change(root);
        return root.ToJsonString();
    }
}
