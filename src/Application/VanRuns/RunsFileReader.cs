using HostingMatch.Application.Validation;
using HostingMatch.Domain.Geography;
using NodaTime;
using HostingMatch.Application.VanRuns.Planner;

namespace HostingMatch.Application.VanRuns;

/// <summary>The outcome of reading a runs file: the file, or every problem found in it.</summary>
public sealed record RunsFileReadResult(RunsFile? File, IReadOnlyList<InputError> Errors)
{
    public bool IsValid => File is not null;
}

/// <summary>
/// Reads a runs file (spec: van-runs.md) strictly: a file with problems is rejected as a whole,
/// with one error per problem and its JSON path, so the coordinators fix everything in one go.
/// Defaults for optional fields: <c>timeZone</c> Europe/Paris (the only one supported), rules 20 km/h
/// and detour 1.3, <c>firstDeparture</c> 20:30, <c>latestArrival</c> 23:59, <c>loadingMinutes</c> 10,
/// <c>stopMinutes</c> 5, a van's <c>seats</c> 8 and <c>id</c> <c>van-N</c>, a stop's window the evening's.
/// The rules are bounded (1 to 130 km/h, detour 1 to 5) so that no driving time on Earth exceeds about six million
/// minutes: the planner's minute arithmetic stays far inside an <see cref="int"/>.
/// </summary>
public static class RunsFileReader
{
    /// <summary>Bounds of the driving-time rules: a van in a city, and a detour no road network exceeds.</summary>
    public const double MinSpeedKmh = 1, MaxSpeedKmh = 130, MinDetourFactor = 1, MaxDetourFactor = 5;

    public static RunsFileReadResult Read(string json)
    {
        var errors = new InputErrors();
        using var document = JsonFields.Parse(json, errors);
        var root = document is null ? null : JsonFields.Root(document.RootElement, errors);
        if (root is null)
        {
            return new RunsFileReadResult(null, errors.Items);
        }

        var night = root.Night("night");
        var timeZone = root.String("timeZone", required: false) ?? RunsFile.SupportedTimeZone;
        if (timeZone != RunsFile.SupportedTimeZone)
        {
            root.Error("timeZone", $"only {RunsFile.SupportedTimeZone} is supported");
        }

        var runsBase = ReadBase(root.Object("base"));
        var rules = ReadRules(root.Object("rules", required: false));
        var vans = ReadVans(root);
        var firstDeparture = root.Time("firstDeparture", required: false) ?? RunsFile.DefaultFirstDeparture;
        var latestArrival = root.Time("latestArrival", required: false) ?? RunsFile.DefaultLatestArrival;
        var loading = root.Int("loadingMinutes", required: false, fallback: RunsFile.DefaultLoadingMinutes, min: 0, max: 600);
        var stopMinutes = root.Int("stopMinutes", required: false, fallback: RunsFile.DefaultStopMinutes, min: 0, max: 600);

        // Windows compare as moments of the night, so 23:30 to 00:30 is a one-hour window, not an inverted one.
        var evening = night ?? new LocalDate(2000, 1, 1);
        if (IsAfter(evening, firstDeparture, latestArrival))
        {
            root.Error("latestArrival", $"{Describe(evening, "latestArrival", latestArrival, firstDeparture)} is before {Describe(evening, "firstDeparture", firstDeparture, latestArrival)}");
        }

        var stops = ReadStops(root, evening, firstDeparture, latestArrival);

        if (errors.Any || night is null || runsBase is null)
        {
            return new RunsFileReadResult(null, errors.Items);
        }

        var file = new RunsFile(night.Value, timeZone, runsBase, rules, vans, firstDeparture, latestArrival, loading, stopMinutes, stops);
        return new RunsFileReadResult(file, []);
    }

    private static bool IsAfter(LocalDate night, LocalTime a, LocalTime b) =>
        HostingMatch.Domain.Night.At(night, a).ToInstant() > HostingMatch.Domain.Night.At(night, b).ToInstant();

    /// <summary>
    /// A time as the user wrote it (<c>arrivalFrom 20:15</c>), or with the default it took
    /// (<c>arrivalFrom, which defaults to firstDeparture 20:30</c>); on a spring clock-change night, when the
    /// time does not exist and moving it forward by the gap is what puts it past <paramref name="other"/>, says so.
    /// </summary>
    private static string Describe(LocalDate night, string field, LocalTime time, LocalTime other, string? defaultField = null)
    {
        var moment = HostingMatch.Domain.Night.At(night, time).LocalDateTime;
        var written = time < HostingMatch.Domain.Night.EveningStarts ? night.PlusDays(1) + time : night + time;
        var otherWritten = other < HostingMatch.Domain.Night.EveningStarts ? night.PlusDays(1) + other : night + other;
        var clock = time.ToString("HH:mm", null);
        var gap = moment != written && Math.Sign(written.CompareTo(otherWritten)) != Math.Sign(moment.CompareTo(otherWritten))
            ? $" (that night {clock} does not exist: the clocks go forward, so it means {moment.TimeOfDay.ToString("HH:mm", null)})"
            : "";
        return defaultField is null ? $"{field} {clock}{gap}" : $"{field}, which defaults to {defaultField} {clock}{gap}";
    }

    private static GeoPoint ReadPoint(JsonFields fields)
    {
        var latitude = fields.Number("latitude", min: -90, max: 90);
        var longitude = fields.Number("longitude", min: -180, max: 180);
        return new GeoPoint(latitude, longitude);
    }

    private static RunsBase? ReadBase(JsonFields? fields) =>
        fields is null ? null : new RunsBase(fields.Line("name", required: false) ?? "base", ReadPoint(fields));

    private static RunsRules ReadRules(JsonFields? fields) =>
        fields is null
            ? RunsRules.Default
            : new RunsRules(
                fields.Number("averageSpeedKmh", required: false, fallback: RunsRules.Default.AverageSpeedKmh, min: MinSpeedKmh, max: MaxSpeedKmh),
                fields.Number("detourFactor", required: false, fallback: RunsRules.Default.DetourFactor, min: MinDetourFactor, max: MaxDetourFactor));

    private static List<RunsVan> ReadVans(JsonFields root)
    {
        var vans = new List<RunsVan>();
        var items = root.Objects("vans", atLeastOne: "van");
        var written = items.Select(van => van.Id("id", required: false)).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var id = written[i];
            if (id is not null && !seen.Add(id))
            {
                items[i].Error("id", $"duplicate van id {TextHygiene.Quote(id)}");
            }

            // A missing id defaults to van-N; when another van is written with that id, the problem is the missing one.
            // An id written but refused (blank, on two lines) already has its error.
            var defaulted = $"van-{i + 1}";
            if (id is null && !items[i].Has("id") && written.Contains(defaulted))
            {
                items[i].Error("id", $"is missing, and the default {TextHygiene.Quote(defaulted)} is another van's id: give each van an id");
            }

            vans.Add(new RunsVan(id ?? defaulted, items[i].Int("seats", required: false, fallback: RunsFile.DefaultSeats, min: 1)));
        }

        return vans;
    }

    private static List<RunStop> ReadStops(JsonFields root, LocalDate night, LocalTime firstDeparture, LocalTime latestArrival)
    {
        var stops = new List<RunStop>();
        var hosts = new HashSet<string>(StringComparer.Ordinal);
        var households = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stop in root.Objects("stops"))
        {
            var hostId = stop.Id("hostId");
            if (hostId is not null && !hosts.Add(hostId))
            {
                stop.Error("hostId", $"duplicate host id {TextHygiene.Quote(hostId)}");
            }

            var location = ReadPoint(stop);
            var writtenFrom = stop.Time("arrivalFrom", required: false);
            var writtenUntil = stop.Time("arrivalUntil", required: false);
            var from = writtenFrom ?? firstDeparture;
            var until = writtenUntil ?? latestArrival;

            // Both defaulted: the evening itself is inverted, reported once on latestArrival.
            if ((writtenFrom is not null || writtenUntil is not null) && IsAfter(night, from, until))
            {
                var fromText = Describe(night, "arrivalFrom", from, until, writtenFrom is null ? "firstDeparture" : null);
                var untilText = Describe(night, "arrivalUntil", until, from, writtenUntil is null ? "latestArrival" : null);
                if (writtenFrom is not null)
                {
                    stop.Error("arrivalFrom", $"{fromText} is after {untilText}");
                }
                else
                {
                    stop.Error("arrivalUntil", $"{untilText} is before {fromText}");
                }
            }

            var transport = StopTransport.Van;
            switch (stop.String("transport", required: false))
            {
                case null or "van":
                    break;
                case "other":
                    transport = StopTransport.Other;
                    break;
                default:
                    stop.Error("transport", "must be \"van\" or \"other\"");
                    break;
            }

            var members = new List<RunHousehold>();
            foreach (var household in stop.Objects("households", atLeastOne: "household"))
            {
                var id = household.Id("id");
                if (id is not null && !households.Add(id))
                {
                    household.Error("id", $"duplicate household id {TextHygiene.Quote(id)}");
                }

                members.Add(new RunHousehold(id ?? "", household.Int("people", min: 1, fallback: 1)));
            }

            stops.Add(new RunStop(hostId ?? "", location, from, until, members, transport));
        }

        return stops;
    }
}
