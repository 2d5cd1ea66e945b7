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
                json.WriteStartObject();
                json.WriteString("householdId", u.HouseholdId);
                json.WriteNumber("tier", u.Tier);
                json.WriteString("reason", u.Reason.ToWire());
                json.WriteString("detail", u.Detail);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            var s = plan.Summary;
            json.WriteStartObject("summary");
            WriteInts(json, "peoplePlaced", s.PeoplePlaced);
            WriteInts(json, "peopleUnplaced", s.PeopleUnplaced);
            json.WriteNumber("waitingNightsPlaced", s.WaitingNightsPlaced);
            json.WriteNumber("continuityPlacements", s.ContinuityPlacements);
            json.WriteNumber("travelMinutes", s.TravelMinutes);
            json.WriteNumber("solveMilliseconds", s.SolveMilliseconds);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteInts(Utf8JsonWriter json, string name, IReadOnlyList<int> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteNumberValue(v);
        }

        json.WriteEndArray();
    }
}
