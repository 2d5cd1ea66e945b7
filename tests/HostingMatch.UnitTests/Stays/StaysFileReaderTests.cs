using HostingMatch.Application.Stays;
using HostingMatch.Application.Stays.Planner;
using HostingMatch.Domain.Households;

namespace HostingMatch.UnitTests.Stays;

/// <summary>The stays file's reading: defaults, and every rejection of stays.md's Validation section, each with its JSON path.</summary>
public sealed class StaysFileReaderTests
{
    private const string Host = """
        { "id": "k-01", "region": "bretagne", "latitude": 48.1, "longitude": -1.6, "beds": 2, "maxHouseholds": 2,
          "accepts": ["minor"], "minorsCertified": true, "certifiedUntil": "2027-03-20",
          "agreementValidFrom": "2026-09-01", "agreementValidUntil": "2027-08-31", "maxNightsPerGuest": 28,
          "available": [ { "from": "2027-03-01", "until": "2027-04-01" }, { "from": "2027-04-10", "until": "2027-05-01" } ] }
        """;

    private const string Guest = """
        { "id": "g-01", "members": [ { "age": 16, "sex": "male" } ], "needFrom": "2027-02-15", "needUntil": null,
          "regions": ["bretagne"], "latitude": 48.9, "longitude": 2.36,
          "current": { "hostId": "k-01", "since": "2027-02-15", "until": "2027-03-08" } }
        """;

    private static string File(string host = Host, string guest = Guest, string head = "\"planFrom\": \"2027-03-01\", \"planUntil\": \"2027-04-26\",") =>
        $$"""{ {{head}} "hosts": [ {{host}} ], "guests": [ {{guest}} ] }""";

    private static IReadOnlyList<string> Errors(string json) => [.. StaysFileReader.Read(json).Errors.Select(e => e.ToString())];

    [Fact]
    public void Read_ValidFile_AppliesTheDefaults()
    {
        var read = StaysFileReader.Read(File(
            host: Host.Replace("\"maxHouseholds\": 2,", "", StringComparison.Ordinal).Replace("\"maxNightsPerGuest\": 28,", "", StringComparison.Ordinal),
            guest: Guest.Replace("\"regions\": [\"bretagne\"],", "", StringComparison.Ordinal)));
        Assert.Empty(read.Errors);
        var file = read.File!;
        Assert.Equal(StaysRules.Default, file.Rules);
        Assert.Equal(1, file.Hosts[0].MaxHouseholds);
        Assert.Equal(28, file.Hosts[0].MaxNightsPerGuest);
        Assert.False(file.Hosts[0].WheelchairAccessible);
        Assert.Equal(HouseholdCategory.Minor, file.Guests[0].Category);
        Assert.Equal(1, file.Guests[0].Tier);
        Assert.True(file.Guests[0].MayStayIn("nord"));
        Assert.Equal(new CurrentStay("k-01", new(2027, 2, 15), new(2027, 3, 8)), file.Guests[0].Current);
    }

    [Theory]
    [InlineData("{", "$")]
    [InlineData("[]", "$")]
    public void Read_NotAnObject_IsRejected(string json, string path)
    {
        Assert.Contains(Errors(json), e => e.StartsWith(path, StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string, string> Mutations() => new()
    {
        // where (host, guest or head), replace, with, expected error prefix
        { "head", "\"planFrom\": \"2027-03-01\",", "", "$.planFrom: is required" },
        { "head", "\"planUntil\": \"2027-04-26\",", "\"planUntil\": \"2027-03-01\",", "$.planUntil: must be after planFrom" },
        { "head", "\"planUntil\": \"2027-04-26\",", "\"planUntil\": \"2028-04-26\",", "$.planUntil: the horizon is at most 366 nights" },
        { "head", "\"planUntil\": \"2027-04-26\",", "\"planUntil\": \"2027-04-26\", \"rules\": { \"minStayNights\": 0 },", "$.rules.minStayNights: must be at least 1" },
        { "head", "\"planUntil\": \"2027-04-26\",", "\"planUntil\": \"2027-04-26\", \"rules\": { \"minStayNights\": 2.5 },", "$.rules.minStayNights: must be a whole number" },
        { "head", "\"planUntil\": \"2027-04-26\",", "\"planUntil\": \"2027-04-26\", \"rules\": { \"averageSpeedKmh\": 0 },", "$.rules.averageSpeedKmh: must be" },
        { "head", "\"planUntil\": \"2027-04-26\",", "\"planUntil\": \"2027-04-26\", \"rules\": { \"detourFactor\": -1 },", "$.rules.detourFactor: must be" },
        { "head", "\"planFrom\": \"2027-03-01\",", "\"planFrom\": \"1 March\",", "$.planFrom: must be a date" },
        { "host", "\"region\": \"bretagne\",", "", "$.hosts[0].region: is required" },
        { "host", "\"beds\": 2,", "\"beds\": -1,", "$.hosts[0].beds: must be at least 0" },
        { "host", "\"beds\": 2,", "\"beds\": \"two\",", "$.hosts[0].beds: must be a whole number" },
        { "host", "\"maxHouseholds\": 2,", "\"maxHouseholds\": 0,", "$.hosts[0].maxHouseholds: must be at least 1" },
        { "host", "\"maxNightsPerGuest\": 28,", "\"maxNightsPerGuest\": 0,", "$.hosts[0].maxNightsPerGuest: must be at least 1" },
        { "host", "[\"minor\"]", "[\"kids\"]", "$.hosts[0].accepts[0]: 'kids' is not a category" },
        { "host", "\"latitude\": 48.1,", "\"latitude\": 91,", "$.hosts[0].latitude: must be" },
        { "host", "\"longitude\": -1.6,", "\"longitude\": -181,", "$.hosts[0].longitude: must be" },
        { "host", "\"minorsCertified\": true,", "", "$.hosts[0].minorsCertified: is required" },
        { "host", "\"available\": [ { \"from\": \"2027-03-01\", \"until\": \"2027-04-01\" }", "\"available\": [ { \"from\": \"2027-03-01\", \"until\": \"2027-03-01\" }", "$.hosts[0].available[0].until: must be after from" },
        { "host", "{ \"from\": \"2027-04-10\",", "{ \"from\": \"2027-03-20\",", "$.hosts[0].available[1]: overlaps available[0]" },
        { "guest", "\"members\": [ { \"age\": 16, \"sex\": \"male\" } ],", "\"members\": [],", "$.guests[0].members: must list at least one member" },
        { "guest", "\"age\": 16,", "\"age\": 121,", "$.guests[0].members[0].age: must be between 0 and 120" },
        { "guest", "\"sex\": \"male\"", "\"sex\": \"boy\"", "$.guests[0].members[0].sex: 'boy' is not a sex" },
        { "guest", "\"needUntil\": null,", "\"needUntil\": \"2027-02-15\",", "$.guests[0].needUntil: must be after needFrom" },
        { "guest", "\"needFrom\": \"2027-02-15\",", "", "$.guests[0].needFrom: is required" },
        { "guest", "\"hostId\": \"k-01\"", "\"hostId\": \"k-99\"", "$.guests[0].current.hostId: names no host of this file ('k-99')" },
        { "guest", "\"since\": \"2027-02-15\"", "\"since\": \"2027-03-01\"", "$.guests[0].current.since: must be before planFrom" },
        { "guest", "\"until\": \"2027-03-08\"", "\"until\": \"2027-02-28\"", "$.guests[0].current.until: must be on or after planFrom" },
        // Rules 3-7 on the current stay, each naming the rule and the night.
        { "host", "\"available\": [ { \"from\": \"2027-03-01\",", "\"available\": [ { \"from\": \"2027-03-03\",", "$.guests[0].current: breaks rule 3 on the night of 2027-03-01" },
        { "host", "\"agreementValidUntil\": \"2027-08-31\"", "\"agreementValidUntil\": \"2027-03-04\"", "$.guests[0].current: breaks rule 3 on the night of 2027-03-05" },
        { "host", "\"certifiedUntil\": \"2027-03-20\"", "\"certifiedUntil\": \"2027-03-05\"", "$.guests[0].current: breaks rule 4 on the night of 2027-03-06" },
        { "host", "[\"minor\"]", "[\"men\"]", "$.guests[0].current: breaks rule 4 on the night of 2027-03-01" },
        { "host", "\"region\": \"bretagne\"", "\"region\": \"nord\"", "$.guests[0].current: breaks rule 5 on the night of 2027-03-01" },
        { "host", "\"beds\": 2,", "\"beds\": 0,", "$.guests[0].current: breaks rule 6 on the night of 2027-03-01" },
        { "host", "\"maxNightsPerGuest\": 28,", "\"maxNightsPerGuest\": 14,", "$.guests[0].current.until: breaks rule 7 on the night of 2027-03-01" },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Read_BadField_IsRejectedWithItsPath(string where, string replace, string with, string expected)
    {
        var head = "\"planFrom\": \"2027-03-01\", \"planUntil\": \"2027-04-26\",";
        var json = where switch
        {
            "host" => File(host: Replace(Host, replace, with)),
            "guest" => File(guest: Replace(Guest, replace, with)),
            _ => File(head: Replace(head, replace, with)),
        };
        var read = StaysFileReader.Read(json);
        Assert.Null(read.File);
        Assert.Contains(read.Errors, e => e.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_DuplicateIds_AreRejected()
    {
        var json = $$"""{ "planFrom": "2027-03-01", "planUntil": "2027-04-26", "hosts": [ {{Host}}, {{Host}} ], "guests": [ {{Guest}}, {{Guest.Replace("\"current\"", "\"x\"", StringComparison.Ordinal)}} ] }""";
        var errors = Errors(json);
        Assert.Contains("$.hosts[1].id: duplicates the id of $.hosts[0] ('k-01')", errors);
        Assert.Contains("$.guests[1].id: duplicates the id of $.guests[0] ('g-01')", errors);
    }

    [Fact]
    public void Read_IdsThatAreTheSameTextInAnotherUnicodeForm_AreDuplicates()
    {
        // "k-é" typed as one code point (U+00E9) and as e + a combining accent (U+0301, as macOS writes file names): one
        // id to the eye and to Unicode (canonically equivalent), two hosts to an ordinal comparison, printed alike.
        var composed = Host.Replace("\"id\": \"k-01\"", "\"id\": \"k-\\u00e9\"", StringComparison.Ordinal);
        var decomposed = Host.Replace("\"id\": \"k-01\"", "\"id\": \"k-e\\u0301\"", StringComparison.Ordinal);
        var guest = Guest.Replace("\"current\"", "\"x\"", StringComparison.Ordinal);
        var json = $$"""{ "planFrom": "2027-03-01", "planUntil": "2027-04-26", "hosts": [ {{composed}}, {{decomposed}} ], "guests": [ {{guest}} ] }""";
        var error = Assert.Single(Errors(json));
        Assert.StartsWith("$.hosts[1].id: duplicates the id of $.hosts[0] (", error, StringComparison.Ordinal);
        Assert.EndsWith("), written with other Unicode code points", error, StringComparison.Ordinal);

        // Ids differing in case stay two ids: the spec compares names exactly as written.
        var upper = Host.Replace("\"id\": \"k-01\"", "\"id\": \"K-01\"", StringComparison.Ordinal);
        Assert.Empty(Errors($$"""{ "planFrom": "2027-03-01", "planUntil": "2027-04-26", "hosts": [ {{Host}}, {{upper}} ], "guests": [ {{guest}} ] }"""));
    }

    [Theory]
    [InlineData("guest", "\"id\": \"g-01\"", "\"id\": \"\"", "$.guests[0].id")]
    [InlineData("guest", "\"id\": \"g-01\"", "\"id\": \" \\t \"", "$.guests[0].id")]
    [InlineData("guest", "\"id\": \"g-01\"", "\"id\": \"g-01\\n$.hosts[0].beds: injected\"", "$.guests[0].id")]
    [InlineData("guest", "\"hostId\": \"k-01\"", "\"hostId\": \"   \"", "$.guests[0].current.hostId")]
    [InlineData("guest", "\"hostId\": \"k-01\"", "\"hostId\": \"k-01\\u2028\"", "$.guests[0].current.hostId")]
    [InlineData("host", "\"id\": \"k-01\"", "\"id\": \"  \"", "$.hosts[0].id")]
    [InlineData("host", "\"id\": \"k-01\"", "\"id\": \"k-01\\r\"", "$.hosts[0].id")]
    [InlineData("host", "\"region\": \"bretagne\"", "\"region\": \"bretagne\\n$.hosts[0].beds: injected\"", "$.hosts[0].region")]
    [InlineData("host", "\"region\": \"bretagne\"", "\"region\": \"bre\\ttagne\"", "$.hosts[0].region")]
    [InlineData("host", "\"region\": \"bretagne\"", "\"region\": \"bre\\u0000tagne\"", "$.hosts[0].region")]
    [InlineData("guest", "\"regions\": [\"bretagne\"]", "\"regions\": [\"bretagne\", \"nord\\n$.hosts[0].beds: injected\"]", "$.guests[0].regions[1]")]
    [InlineData("guest", "\"regions\": [\"bretagne\"]", "\"regions\": [\"bre\\ttagne\"]", "$.guests[0].regions[0]")]
    public void Read_AnIdEmptyBlankOrOnTwoLinesOrARegionNotOnOneLine_IsOneErrorNamingTheField(string where, string replace, string with, string path)
    {
        // Its current stay renamed away, the guest names no host: a refused host id or region is then the file's only problem.
        var guest = where == "host" ? Replace(Guest, "\"current\"", "\"x\"") : Replace(Guest, replace, with);
        var read = StaysFileReader.Read(File(host: where == "host" ? Replace(Host, replace, with) : Host, guest: guest));

        Assert.Null(read.File);
        var error = Assert.Single(read.Errors);
        Assert.Equal(path, error.Path);
        Assert.DoesNotContain('\n', error.ToString());
    }

    [Fact]
    public void Read_CurrentStaysOverfillingAHostTogether_BreakRule6()
    {
        var second = Guest.Replace("g-01", "g-02", StringComparison.Ordinal).Replace("\"age\": 16, \"sex\": \"male\" }", "\"age\": 16, \"sex\": \"male\" }, { \"age\": 15, \"sex\": \"male\" }", StringComparison.Ordinal);
        var json = $$"""{ "planFrom": "2027-03-01", "planUntil": "2027-04-26", "hosts": [ {{Host}} ], "guests": [ {{Guest}}, {{second}} ] }""";
        Assert.Contains(Errors(json), e => e.StartsWith("$.guests[1].current: breaks rule 6 on the night of 2027-03-01: with the other current stays host k-01 has 3 people for 2 beds", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SeveralProblems_ReportsEveryOne()
    {
        var errors = Errors(File(host: Replace(Host, "\"beds\": 2,", "\"beds\": -1,"), guest: Replace(Guest, "\"sex\": \"male\"", "\"sex\": \"boy\"")));
        Assert.Equal(2, errors.Count);
    }

    private static string Replace(string text, string replace, string with)
    {
        Assert.Contains(replace, text, StringComparison.Ordinal);
        return text.Replace(replace, with, StringComparison.Ordinal);
    }
}
