using HostingMatch.Domain.Requests;
using System.Text;
using System.Text.Json;
using NodaTime.Text;
using HostingMatch.Application.Matching.Engine;

namespace HostingMatch.Application.Matching;

/// <summary>
/// Writes a plan exactly in the spec's JSON shape (matching.md, "The plan"): camelCase, the night as
/// YYYY-MM-DD, lists in the plan's order. <c>gap</c> appears only when the plan is not proved optimal.
/// </summary>
public static class PlanJson
{
    public static string Write(Plan plan, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            json.WriteStartObject();
            json.WriteString("night", LocalDatePattern.Iso.Format(plan.Night));
            json.WriteBoolean("optimal", plan.Optimal);
            if (!plan.Optimal && plan.Gap is { } gap)
            {
                json.WriteNumber("gap", Math.Round(gap, 6));
            }

            json.WriteStartArray("placements");
            foreach (var p in plan.Placements)
            {
                json.WriteStartObject();
                json.WriteString("householdId", p.HouseholdId);
                json.WriteString("hostId", p.HostId);
                json.WriteNumber("people", p.People);
                json.WriteNumber("tier", p.Tier);
                json.WriteNumber("travelMinutes", p.TravelMinutes);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("unplaced");
            foreach (var u in plan.Unplaced)
            {
                WriteUnplaced(json, u.HouseholdId, u.Tier, u.Reason.ToWire(), u.Detail);
            }

            json.WriteEndArray();
            var s = plan.Summary;
            json.WriteStartObject("summary");
            WriteMatchingLevels(json, s.PeoplePlaced, s.PeopleUnplaced, s.WaitingNightsPlaced, s.ContinuityPlacements, s.TravelMinutes, s.RecentHostNights);
            json.WriteNumber("solveMilliseconds", s.SolveMilliseconds);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A household left out: matching.md's fields, which transport.md's plan keeps.</summary>
    internal static void WriteUnplaced(Utf8JsonWriter json, string householdId, int tier, string reason, string detail)
    {
        json.WriteStartObject();
        json.WriteString("householdId", householdId);
        json.WriteNumber("tier", tier);
        json.WriteString("reason", reason);
        json.WriteString("detail", detail);
        json.WriteEndObject();
    }

    /// <summary>The summary's objective levels as matching.md writes them; transport.md's plan adds its own after them.</summary>
    internal static void WriteMatchingLevels(Utf8JsonWriter json, IReadOnlyList<int> placed, IReadOnlyList<int> unplaced, long waitingNights,
        int continuity, long travelMinutes, long? recentHostNights = null)
    {
        WriteInts(json, "peoplePlaced", placed);
        WriteInts(json, "peopleUnplaced", unplaced);
        json.WriteNumber("waitingNightsPlaced", waitingNights);
        json.WriteNumber("continuityPlacements", continuity);
        if (recentHostNights is { } recent)
        {
            // Host load (docs/matching.md, level 6); the night plan does not weigh it yet, so it does not write it.
            json.WriteNumber("recentHostNights", recent);
        }

        json.WriteNumber("travelMinutes", travelMinutes);
    }

    internal static void WriteInts(Utf8JsonWriter json, string name, IReadOnlyList<int> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteNumberValue(v);
        }

        json.WriteEndArray();
    }
}
