using System.Text.Json.Nodes;
using HostingMatch.Application.VanRuns;
using NodaTime;
using HostingMatch.Application.VanRuns.Planner;

namespace HostingMatch.UnitTests.VanRuns;

public sealed class VanPlanJsonTests
{
    [Fact]
    public void Serialize_WritesTheSpecShape()
    {
        var at = new LocalDateTime(2026, 11, 26, 20, 58).InZoneLeniently(HostingMatch.Domain.Night.Zone).ToOffsetDateTime();
        var plan = new VanPlan(new LocalDate(2026, 11, 26),
            [new VanTrip("van-1", 1, at, at, 3, [new TripStop("h-001", ["hh-001"], 3, at)])],
            [new UnservedStop("h-009", UnservedReason.TooLargeForVan, "nine people")],
            new VanPlanSummary(3, 84, 40, 12));

        var text = VanPlanJson.Serialize(plan);
        var json = JsonNode.Parse(text)!;

        Assert.Contains("\"arriveAt\": \"2026-11-26T20:58:00+01:00\"", text);

        Assert.Equal("2026-11-26", json["night"]!.GetValue<string>());
        var trip = json["trips"]![0]!;
        Assert.Equal("2026-11-26T20:58:00+01:00", trip["departAt"]!.GetValue<string>());
        Assert.Equal("2026-11-26T20:58:00+01:00", trip["stops"]![0]!["arriveAt"]!.GetValue<string>());
        Assert.Equal("hh-001", trip["stops"]![0]!["householdIds"]![0]!.GetValue<string>());
        Assert.Equal("too-large-for-van", json["unserved"]![0]!["reason"]!.GetValue<string>());
        Assert.Equal(84, json["summary"]!["personArrivalMinutes"]!.GetValue<int>());
        Assert.Equal(12, json["summary"]!["solveMilliseconds"]!.GetValue<int>());
    }
}
