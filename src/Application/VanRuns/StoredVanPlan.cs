using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using HostingMatch.Application.VanRuns.Planner;

namespace HostingMatch.Application.VanRuns;

/// <summary>
/// Reads back a plan written by <see cref="VanPlanJson.Serialize"/> (the one we stored), so a re-plan knows
/// which trips have left. Only our own output goes through here: a malformed document is a bug, and throws.
/// </summary>
public static class StoredVanPlan
{
    private static readonly OffsetDateTimePattern TimePattern = OffsetDateTimePattern.ExtendedIso;

    public static VanPlan Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var trips = root.GetProperty("trips").EnumerateArray().Select(t => new VanTrip(
            t.GetProperty("vanId").GetString()!,
            t.GetProperty("trip").GetInt32(),
            Time(t.GetProperty("departAt")),
            Time(t.GetProperty("returnAt")),
            t.GetProperty("passengers").GetInt32(),
            t.GetProperty("stops").EnumerateArray().Select(s => new TripStop(
                s.GetProperty("hostId").GetString()!,
                s.GetProperty("householdIds").EnumerateArray().Select(h => h.GetString()!).ToList(),
                s.GetProperty("people").GetInt32(),
                Time(s.GetProperty("arriveAt")))).ToList())).ToList();
        var unserved = root.GetProperty("unserved").EnumerateArray().Select(u => new UnservedStop(
            u.GetProperty("hostId").GetString()!,
            u.GetProperty("reason").GetString() == "too-large-for-van" ? UnservedReason.TooLargeForVan : UnservedReason.NoTime,
            u.GetProperty("detail").GetString()!)).ToList();
        var summary = root.GetProperty("summary");
        return new VanPlan(LocalDatePattern.Iso.Parse(root.GetProperty("night").GetString()!).Value, trips, unserved,
            new VanPlanSummary(summary.GetProperty("peopleDelivered").GetInt32(), summary.GetProperty("personArrivalMinutes").GetInt32(),
                summary.GetProperty("drivingMinutes").GetInt32(), summary.GetProperty("solveMilliseconds").GetInt64()));
    }

    private static OffsetDateTime Time(JsonElement value) => TimePattern.Parse(value.GetString()!).GetValueOrThrow();
}
