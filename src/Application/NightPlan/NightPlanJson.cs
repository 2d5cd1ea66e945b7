using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HostingMatch.Application.Matching;
using HostingMatch.Application.NightPlan.Engine;
using HostingMatch.Application.VanRuns;
using NodaTime.Text;

namespace HostingMatch.Application.NightPlan;

/// <summary>
/// Writes a night plan in the spec's shape (transport.md, "Output"): the plan of matching.md with a <c>ride</c> on
/// every placement, the vehicles' <c>trips</c> as van-runs.md writes them, and the night plan's figures in
/// <c>summary</c>. Times as <see cref="VanPlanJson"/> writes them (ISO offset date-times).
/// </summary>
public static class NightPlanJson
{
    public static string Write(Engine.NightPlan plan, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = indented,

            // As in the van plan: offsets read "+01:00", not "\u002B01:00"; served as application/json only.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartObject();
            json.WriteString("night", LocalDatePattern.Iso.Format(plan.Night));
            json.WriteBoolean("optimal", plan.Optimal);
            json.WriteStartArray("placements");
            foreach (var p in plan.Placements)
            {
                json.WriteStartObject();
                json.WriteString("householdId", p.HouseholdId);
                json.WriteString("hostId", p.HostId);
                json.WriteNumber("people", p.People);
                json.WriteNumber("tier", p.Tier);
                json.WriteNumber("travelMinutes", p.TravelMinutes);
                json.WriteStartObject("ride");
                json.WriteString("way", p.Ride.Way.ToWire());
                if (p.Ride.VehicleId is not null)
                {
                    json.WriteString("vehicleId", p.Ride.VehicleId);
                }

                if (p.Ride.Trip is { } trip)
                {
                    json.WriteNumber("trip", trip);
                }

                if (p.Ride.LeaveAt is { } leave)
                {
                    json.WriteString("leaveAt", VanPlanJson.Format(leave));
                }

                json.WriteString("arriveAt", VanPlanJson.Format(p.Ride.ArriveAt));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("unplaced");
            foreach (var u in plan.Unplaced)
            {
                PlanJson.WriteUnplaced(json, u.HouseholdId, u.Tier, u.Reason.ToWire(), u.Detail);
            }

            json.WriteEndArray();
            if (plan.PinnedWithoutRide.Count > 0)
            {
                // Only with placements already agreed (the database's nights): a file's night has none.
                json.WriteStartArray("pinnedWithoutRide");
                foreach (var p in plan.PinnedWithoutRide)
                {
                    json.WriteStartObject();
                    json.WriteString("householdId", p.HouseholdId);
                    json.WriteString("hostId", p.HostId);
                    json.WriteNumber("people", p.People);
                    json.WriteNumber("tier", p.Tier);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteStartArray("trips");
            foreach (var trip in plan.Trips)
            {
                VanPlanJson.WriteTrip(json, trip, "vehicleId");
            }

            json.WriteEndArray();
            var s = plan.Summary;
            json.WriteStartObject("summary");
            PlanJson.WriteMatchingLevels(json, s.PeoplePlaced, s.PeopleUnplaced, s.WaitingNightsPlaced, s.ContinuityPlacements, s.TravelMinutes);
            PlanJson.WriteInts(json, "upperBound", s.UpperBound);
            PlanJson.WriteInts(json, "sequentialPeoplePlaced", s.SequentialPeoplePlaced);
            json.WriteNumber("personArrivalMinutes", s.PersonArrivalMinutes);
            json.WriteNumber("drivingMinutes", s.DrivingMinutes);
            json.WriteNumber("solveMilliseconds", s.SolveMilliseconds);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
