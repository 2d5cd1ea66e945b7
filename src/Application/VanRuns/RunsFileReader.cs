using HostingMatch.Application.Validation;
using HostingMatch.Domain.Geography;
using NodaTime;

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

        var night = root.Date("night");
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
            root.Error("latestArrival", "must not be before firstDeparture");
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

    private static GeoPoint ReadPoint(JsonFields fields)
    {
        var latitude = fields.Number("latitude", min: -90, max: 90);
        var longitude = fields.Number("longitude", min: -180, max: 180);
        return new GeoPoint(latitude, longitude);
    }

    private static RunsBase? ReadBase(JsonFields? fields) =>
        fields is null ? null : new RunsBase(fields.String("name", required: false) ?? "base", ReadPoint(fields));

    private static RunsRules ReadRules(JsonFields? fields) =>
        fields is null
            ? RunsRules.Default
            : new RunsRules(
                fields.Number("averageSpeedKmh", required: false, fallback: RunsRules.Default.AverageSpeedKmh, min: MinSpeedKmh, max: MaxSpeedKmh),
                fields.Number("detourFactor", required: false, fallback: RunsRules.Default.DetourFactor, min: MinDetourFactor, max: MaxDetourFactor));

    private static List<RunsVan> ReadVans(JsonFields root)
    {
        var vans = new List<RunsVan>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = root.Objects("vans");
        if (root.Has("vans") && items.Count == 0)
        {
            root.Error("vans", "must list at least one van");
        }

        foreach (var van in items)
        {
            var id = van.String("id", required: false) ?? $"van-{vans.Count + 1}";
            if (!seen.Add(id))
            {
                van.Error("id", $"duplicate van id '{id}'");
            }

            vans.Add(new RunsVan(id, van.Int("seats", required: false, fallback: RunsFile.DefaultSeats, min: 1)));
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
            var hostId = stop.String("hostId");
            if (hostId is not null && !hosts.Add(hostId))
            {
                stop.Error("hostId", $"duplicate host id '{hostId}'");
            }

            var location = ReadPoint(stop);
            var from = stop.Time("arrivalFrom", required: false) ?? firstDeparture;
            var until = stop.Time("arrivalUntil", required: false) ?? latestArrival;
            if (IsAfter(night, from, until))
            {
                stop.Error("arrivalFrom", "must not be after arrivalUntil");
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
            var items = stop.Objects("households");
            if (stop.Has("households") && items.Count == 0)
            {
                stop.Error("households", "must list at least one household");
            }

            foreach (var household in items)
            {
                var id = household.String("id");
                if (id is not null && !households.Add(id))
                {
                    household.Error("id", $"duplicate household id '{id}'");
                }

                members.Add(new RunHousehold(id ?? "", household.Int("people", min: 1, fallback: 1)));
            }

            stops.Add(new RunStop(hostId ?? "", location, from, until, members, transport));
        }

        return stops;
    }
}
