using System.Text.Json.Nodes;
using HostingMatch.Application.Matching;
using HostingMatch.Application.Matching.Engine;

namespace HostingMatch.UnitTests.Matching;

/// <summary>The night file's rejection list, one row per rule with the path it must name, and its defaults.</summary>
public sealed class NightFileReaderTests
{
    private const string Valid = """
        {
          "night": "2026-11-26",
          "base": { "name": "Porte de la Chapelle", "latitude": 48.8986, "longitude": 2.3592 },
          "hosts": [
            { "id": "h-1", "latitude": 48.853, "longitude": 2.3499, "beds": 3, "accepts": ["family", "women", "minor"],
              "minorsCertified": true, "availableTonight": true,
              "agreementValidFrom": "2026-01-15", "agreementValidUntil": "2027-01-14" },
            { "id": "h-2", "latitude": 48.86, "longitude": 2.36, "beds": 0, "maxHouseholds": 2, "accepts": [],
              "minorsCertified": false, "wheelchairAccessible": true, "availableTonight": false,
              "agreementValidFrom": "2027-01-15", "agreementValidUntil": "2026-01-14", "nickname": "ignored" }
          ],
          "households": [
            { "id": "hh-1", "members": [ { "age": 31, "sex": "female" }, { "age": 6, "sex": "male" } ] },
            { "id": "hh-2", "vulnerable": true, "needsWheelchairAccess": true, "nightsWithoutShelter": 4, "lastHostId": "h-1",
              "members": [ { "age": 40, "sex": "other" } ] }
          ]
        }
        """;

    private static string With(string path, JsonNode? value)
    {
        var root = JsonNode.Parse(Valid)!;
        var steps = path.Split('.');
        var node = root;
        foreach (var step in steps[..^1])
        {
            node = step.EndsWith(']') ? node[step[..step.IndexOf('[')]]![int.Parse(step[(step.IndexOf('[') + 1)..^1])]! : node[step]!;
        }

        var last = steps[^1];
        if (value is null && node is JsonObject obj)
        {
            obj.Remove(last);
        }
        else
        {
            node[last] = value;
        }

        return root.ToJsonString();
    }

    [Fact]
    public void Read_ValidNight_AppliesDefaultsAndAcceptsOddCases()
    {
        var result = NightFileReader.Read(Valid);
        Assert.Empty(result.Errors);
        var night = result.Night!;
        Assert.Equal(MatchingRules.Default, night.Rules);
        Assert.Equal(1, night.Hosts[0].MaxHouseholds);
        Assert.False(night.Hosts[0].WheelchairAccessible);
        Assert.Equal(0, night.Hosts[1].Beds);
        Assert.False(night.Households[0].Vulnerable);
        Assert.False(night.Households[0].NeedsWheelchairAccess);
        Assert.Equal(0, night.Households[0].NightsWithoutShelter);
        Assert.Null(night.Households[0].LastHostId);
        Assert.Equal("h-1", night.Households[1].LastHostId);
        Assert.Equal(1, night.Households[1].Tier);
    }

    [Fact]
    public void Read_PartialRules_DefaultsTheRest()
    {
        var night = NightFileReader.Read(With("rules", new JsonObject { ["maxTravelMinutes"] = 45 })).Night!;
        Assert.Equal(new MatchingRules(45, 25, 1.3), night.Rules);
    }

    [Fact]
    public void Read_InvalidJson_IsRejected() => Assert.Single(NightFileReader.Read("{ \"night\": ").Errors);

    [Fact]
    public void Read_NotAnObject_IsRejected() => Assert.Equal("$", NightFileReader.Read("[]").Errors.Single().Path);

    public static TheoryData<string, string?, string> Rejections() => new()
    {
        // path to change, new value as JSON (null removes the field), the error path expected
        { "night", null, "$.night" },
        { "night", "\"26/11/2026\"", "$.night" },
        { "night", "\"2026-11-31\"", "$.night" },
        { "base", null, "$.base" },
        { "base.latitude", null, "$.base.latitude" },
        { "base.latitude", "91", "$.base.latitude" },
        { "base.longitude", "-180.5", "$.base.longitude" },
        { "hosts", null, "$.hosts" },
        { "households", null, "$.households" },
        { "hosts", "{}", "$.hosts" },
        { "hosts[0].id", null, "$.hosts[0].id" },
        { "hosts[0].id", "7", "$.hosts[0].id" },
        { "hosts[0].latitude", "\"48.8\"", "$.hosts[0].latitude" },
        { "hosts[0].longitude", "200", "$.hosts[0].longitude" },
        { "hosts[0].beds", null, "$.hosts[0].beds" },
        { "hosts[0].beds", "-1", "$.hosts[0].beds" },
        { "hosts[0].beds", "2.5", "$.hosts[0].beds" },
        { "hosts[0].beds", "\"3\"", "$.hosts[0].beds" },
        { "hosts[0].maxHouseholds", "0", "$.hosts[0].maxHouseholds" },
        { "hosts[0].maxHouseholds", "1.5", "$.hosts[0].maxHouseholds" },
        { "hosts[0].accepts", null, "$.hosts[0].accepts" },
        { "hosts[0].accepts", "[\"family\", \"children\"]", "$.hosts[0].accepts[1]" },
        { "hosts[0].accepts", "[\"Family\"]", "$.hosts[0].accepts[0]" },
        { "hosts[0].minorsCertified", null, "$.hosts[0].minorsCertified" },
        { "hosts[0].minorsCertified", "\"yes\"", "$.hosts[0].minorsCertified" },
        { "hosts[0].wheelchairAccessible", "1", "$.hosts[0].wheelchairAccessible" },
        { "hosts[0].availableTonight", null, "$.hosts[0].availableTonight" },
        { "hosts[0].agreementValidFrom", null, "$.hosts[0].agreementValidFrom" },
        { "hosts[0].agreementValidUntil", "\"2027-1-14\"", "$.hosts[0].agreementValidUntil" },
        { "hosts[1].id", "\"h-1\"", "$.hosts[1].id" },
        { "households[0].id", null, "$.households[0].id" },
        { "households[1].id", "\"hh-1\"", "$.households[1].id" },
        { "households[0].members", null, "$.households[0].members" },
        { "households[0].members", "[]", "$.households[0].members" },
        { "households[0].members[0].age", null, "$.households[0].members[0].age" },
        { "households[0].members[0].age", "-1", "$.households[0].members[0].age" },
        { "households[0].members[0].age", "121", "$.households[0].members[0].age" },
        { "households[0].members[0].age", "30.5", "$.households[0].members[0].age" },
        { "households[0].members[0].sex", null, "$.households[0].members[0].sex" },
        { "households[0].members[0].sex", "\"f\"", "$.households[0].members[0].sex" },
        { "households[0].nightsWithoutShelter", "-1", "$.households[0].nightsWithoutShelter" },
        { "households[0].nightsWithoutShelter", "1.5", "$.households[0].nightsWithoutShelter" },
        { "households[0].vulnerable", "\"no\"", "$.households[0].vulnerable" },
        { "households[0].needsWheelchairAccess", "0", "$.households[0].needsWheelchairAccess" },
        { "households[1].lastHostId", "\"h-9\"", "$.households[1].lastHostId" },
        { "households[1].lastHostId", "5", "$.households[1].lastHostId" },
        { "rules", "{ \"maxTravelMinutes\": 0 }", "$.rules.maxTravelMinutes" },
        { "rules", "{ \"averageSpeedKmh\": -25 }", "$.rules.averageSpeedKmh" },
        { "rules", "{ \"detourFactor\": 0 }", "$.rules.detourFactor" },
        { "rules", "{ \"detourFactor\": \"1.3\" }", "$.rules.detourFactor" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Read_WhenFieldBreaksARule_RejectsWithItsPath(string field, string? json, string expectedPath)
    {
        var result = NightFileReader.Read(With(field, json is null ? null : JsonNode.Parse(json)));
        Assert.Null(result.Night);
        Assert.Contains(result.Errors, e => e.Path == expectedPath);
    }

    [Fact]
    public void Read_SeveralProblems_ReportsEachOne()
    {
        var json = With("hosts[0].beds", JsonValue.Create(-2));
        json = json.Replace("\"sex\":\"male\"", "\"sex\":\"boy\"", StringComparison.Ordinal).Replace("\"age\":31", "\"age\":200", StringComparison.Ordinal);
        var paths = NightFileReader.Read(json).Errors.Select(e => e.Path).ToList();
        Assert.Equal(["$.hosts[0].beds", "$.households[0].members[0].age", "$.households[0].members[1].sex"], paths);
    }

    [Theory]
    [InlineData("hosts[1].id", "\"\"")]
    [InlineData("hosts[1].id", "\"   \"")]
    [InlineData("households[0].id", "\"\"")]
    [InlineData("households[1].id", "\" \\t \"")]
    [InlineData("households[1].lastHostId", "\"  \"")]
    public void Read_AnEmptyOrBlankId_IsOneErrorNamingTheField(string field, string json)
    {
        var result = NightFileReader.Read(With(field, JsonNode.Parse(json)));

        Assert.Null(result.Night);
        var error = Assert.Single(result.Errors);
        Assert.Equal($"$.{field}", error.Path);
    }

    [Theory]
    [InlineData("hosts[1].id", "h-2\n$.hosts[0].id: injected")]
    [InlineData("households[0].id", "hh\r\n1")]
    [InlineData("households[0].id", "hh\t1")]
    [InlineData("households[0].id", "hh\u20281")]
    [InlineData("base.name", "Porte\nde la Chapelle")]
    public void Read_ALineBreakOrTabInAnIdOrName_IsRefusedOnItsField(string field, string value)
    {
        var result = NightFileReader.Read(With(field, JsonValue.Create(value)));

        Assert.Null(result.Night);
        var error = Assert.Single(result.Errors);
        Assert.Equal($"$.{field}", error.Path);
        Assert.StartsWith("must be one line", error.Message);
    }

    [Fact]
    public void Read_AValueQuotedInAnError_HasItsLineBreaksEscaped()
    {
        var result = NightFileReader.Read(With("hosts[0].accepts", JsonNode.Parse("[\"family\\n$.hosts[1].beds: injected\"]")));

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.hosts[0].accepts[0]", error.Path);
        Assert.Equal("'family\\n$.hosts[1].beds: injected' is not a category (minor, family, women or men)", error.Message);
        Assert.DoesNotContain('\n', error.ToString());
    }

    [Fact]
    public void Read_ExplicitNullForOptionalField_TakesTheDefault() =>
        Assert.Equal(1, NightFileReader.Read(With("hosts[0].maxHouseholds", null)).Night!.Hosts[0].MaxHouseholds);
}
