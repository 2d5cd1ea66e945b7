using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using HostingMatch.Application.VanRuns.Planner;

namespace HostingMatch.Application.VanRuns;

/// <summary>
/// Writes a <see cref="VanPlan"/> exactly as the spec's output (van-runs.md, "Output"): camelCase, times as
/// ISO offset date-times to the second (<c>2026-11-26T20:58:00+01:00</c>), reasons in kebab-case.
/// </summary>
public static class VanPlanJson
{
    private static readonly OffsetDateTimePattern TimePattern =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    /// <summary>The text of a moment, as the plan writes it.</summary>
    public static string Format(OffsetDateTime time) => TimePattern.Format(time);

    /// <summary>The spec's name for a reason.</summary>
    public static string Format(UnservedReason reason) => reason switch
    {
        UnservedReason.TooLargeForVan => "too-large-for-van",
        UnservedReason.NoTime => "no-time",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>Serializes the plan, indented for people to read.</summary>
    public static string Serialize(VanPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,

            // The default encoder writes '+' as \u002B: valid JSON, but the offsets must read as the spec shows them.
            // The plan is served as application/json, never inlined in HTML, so the relaxed escaping is safe.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartObject();
            json.WriteString("night", LocalDatePattern.Iso.Format(plan.Night));
            json.WriteStartArray("trips");
            foreach (var trip in plan.Trips)
            {
                WriteTrip(json, trip, "vanId");
            }

            json.WriteEndArray();
            json.WriteStartArray("unserved");
            foreach (var stop in plan.Unserved)
            {
                json.WriteStartObject();
                json.WriteString("hostId", stop.HostId);
                json.WriteString("reason", Format(stop.Reason));
                json.WriteString("detail", stop.Detail);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("peopleDelivered", plan.Summary.PeopleDelivered);
            json.WriteNumber("personArrivalMinutes", plan.Summary.PersonArrivalMinutes);
            json.WriteNumber("drivingMinutes", plan.Summary.DrivingMinutes);
            json.WriteNumber("solveMilliseconds", plan.Summary.SolveMilliseconds);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// One trip as van-runs.md writes it, its vehicle's id under <paramref name="vehicleIdName"/> (<c>vanId</c> here,
    /// <c>vehicleId</c> in the night plan, transport.md).
    /// </summary>
    internal static void WriteTrip(Utf8JsonWriter json, VanTrip trip, string vehicleIdName)
    {
        json.WriteStartObject();
        json.WriteString(vehicleIdName, trip.VanId);
        json.WriteNumber("trip", trip.Trip);
        json.WriteString("departAt", Format(trip.DepartAt));
        json.WriteString("returnAt", Format(trip.ReturnAt));
        json.WriteNumber("passengers", trip.Passengers);
        json.WriteStartArray("stops");
        foreach (var stop in trip.Stops)
        {
            json.WriteStartObject();
            json.WriteString("hostId", stop.HostId);
            json.WriteStartArray("householdIds");
            foreach (var id in stop.HouseholdIds)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteNumber("people", stop.People);
            json.WriteString("arriveAt", Format(stop.ArriveAt));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
