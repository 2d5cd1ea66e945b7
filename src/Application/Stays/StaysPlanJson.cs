using System.Text;
using System.Text.Json;
using HostingMatch.Application.Stays.Planner;
using NodaTime;
using NodaTime.Text;

namespace HostingMatch.Application.Stays;

/// <summary>
/// Writes a stays plan exactly in the spec's JSON shape (stays.md, "The plan"): camelCase, dates as YYYY-MM-DD,
/// lists in the plan's order. <c>gap</c> appears only when the plan is not proved optimal.
/// </summary>
public static class StaysPlanJson
{
    public static string Write(StaysPlan plan, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            json.WriteStartObject();
            json.WriteString("planFrom", Iso(plan.PlanFrom));
            json.WriteString("planUntil", Iso(plan.PlanUntil));
            json.WriteBoolean("optimal", plan.Optimal);
            if (!plan.Optimal && plan.Gap is { } gap)
            {
                json.WriteNumber("gap", Math.Round(gap, 6));
            }

            json.WriteStartArray("stays");
            foreach (var s in plan.Stays)
            {
                json.WriteStartObject();
                json.WriteString("guestId", s.GuestId);
                json.WriteString("hostId", s.HostId);
                json.WriteString("from", Iso(s.From));
                json.WriteString("until", Iso(s.Until));
                json.WriteNumber("people", s.People);
                json.WriteNumber("tier", s.Tier);
                json.WriteBoolean("continuesCurrent", s.ContinuesCurrent);
                json.WriteNumber("journeyMinutes", s.JourneyMinutes);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("uncovered");
            foreach (var u in plan.Uncovered)
            {
                json.WriteStartObject();
                json.WriteString("guestId", u.GuestId);
                json.WriteString("from", Iso(u.From));
                json.WriteString("until", Iso(u.Until));
                json.WriteString("reason", u.Reason.ToWire());
                json.WriteString("detail", u.Detail);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            var summary = plan.Summary;
            json.WriteStartObject("summary");
            WriteNumbers(json, "personNightsCovered", summary.PersonNightsCovered);
            WriteNumbers(json, "personNightsUncovered", summary.PersonNightsUncovered);
            json.WriteNumber("moves", summary.Moves);
            json.WriteNumber("journeyMinutes", summary.JourneyMinutes);
            json.WriteNumber("solveMilliseconds", summary.SolveMilliseconds);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteNumbers(Utf8JsonWriter json, string name, IReadOnlyList<long> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
