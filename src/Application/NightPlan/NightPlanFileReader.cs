using HostingMatch.Application.Matching;
using HostingMatch.Application.NightPlan.Engine;
using HostingMatch.Application.Validation;
using HostingMatch.Application.VanRuns;
using HostingMatch.Application.VanRuns.Planner;
using NodaTime;

namespace HostingMatch.Application.NightPlan;

/// <summary>Either a night plan file that passed every check, or every problem found in it (never both).</summary>
public sealed record NightPlanFileResult(NightPlanFile? File, IReadOnlyList<InputError> Errors)
{
    public bool IsValid => File is not null;
}

/// <summary>
/// Reads a night file with a <c>transport</c> block (spec: transport.md, "Input") strictly: the night itself exactly
/// as <see cref="NightFileReader"/> reads it for <c>match</c> (so the same night gives the same errors), plus the
/// transport and the hosts' optional <c>arrivalFrom</c>, <c>arrivalUntil</c> and <c>picksUpAtBase</c>. A file with any
/// problem is rejected as a whole, one error per problem with its JSON path. Defaults: the evening 20:30-23:59,
/// loading 10 and stop 5 minutes, 20 km/h and detour 1.3 (bounded as in runs files), a vehicle's seats 8, its shift
/// from <c>firstDeparture</c> to the end of the night (11:59), public transport as transport.md says (off: 0 escorts).
/// </summary>
public static class NightPlanFileReader
{
    /// <summary>A vehicle's shift ends, by default, with the night: just before noon.</summary>
    public static readonly LocalTime EndOfNight = new(11, 59);

    /// <summary>
    /// One base's night has a van and a few volunteers' cars. The planner routes the vehicles one after the other and
    /// models each: 20,000 took three times the HTTP time limit, 100,000 over two minutes, holding the Api's solver slot.
    /// </summary>
    public const int MaxVehicles = 100;

    public static NightPlanFileResult Read(string json)
    {
        var night = NightFileReader.Read(json);
        var errors = new InputErrors();
        foreach (var error in night.Errors)
        {
            errors.Add(error.Path, error.Message);
        }

        // Invalid JSON or a root that is not an object: the night reader has said so already.
        using var document = JsonFields.Parse(json, new InputErrors());
        var root = document is null ? null : JsonFields.Root(document.RootElement, new InputErrors());
        if (root is null)
        {
            return new NightPlanFileResult(null, errors.Items);
        }

        var rootFields = new JsonFields(document!.RootElement, "$", errors);
        var evening = night.Night?.Night ?? new LocalDate(2000, 1, 1);
        var transport = ReadTransport(rootFields.Object("transport"), evening);
        var hostsArray = document.RootElement.TryGetProperty("hosts", out var hostsElement) && hostsElement.ValueKind == System.Text.Json.JsonValueKind.Array;
        var arrivals = hostsArray ? ReadHostArrivals(rootFields, evening, transport, night.Night?.Hosts.Select(h => h.Id).ToList()) : [];
        if (errors.Any || night.Night is null || transport is null)
        {
            return new NightPlanFileResult(null, errors.Items);
        }

        return new NightPlanFileResult(new NightPlanFile(night.Night, transport, arrivals), []);
    }

    private static NightTransport? ReadTransport(JsonFields? fields, LocalDate night)
    {
        if (fields is null)
        {
            return null;
        }

        var first = fields.Time("firstDeparture", required: false) ?? RunsFile.DefaultFirstDeparture;
        var latest = fields.Time("latestArrival", required: false) ?? RunsFile.DefaultLatestArrival;
        if (IsAfter(night, first, latest))
        {
            fields.Error("latestArrival", $"{Clock(latest)} is before firstDeparture {Clock(first)}");
        }

        var loading = fields.Int("loadingMinutes", required: false, fallback: RunsFile.DefaultLoadingMinutes, min: 0, max: 600);
        var stop = fields.Int("stopMinutes", required: false, fallback: RunsFile.DefaultStopMinutes, min: 0, max: 600);
        var rulesFields = fields.Object("rules", required: false);
        var rules = rulesFields is null
            ? RunsRules.Default
            : new RunsRules(
                rulesFields.Number("averageSpeedKmh", required: false, fallback: RunsRules.Default.AverageSpeedKmh, min: RunsFileReader.MinSpeedKmh, max: RunsFileReader.MaxSpeedKmh),
                rulesFields.Number("detourFactor", required: false, fallback: RunsRules.Default.DetourFactor, min: RunsFileReader.MinDetourFactor, max: RunsFileReader.MaxDetourFactor));

        var vehicles = new List<NightVehicle>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var listed = fields.Objects("vehicles");
        if (listed.Count > MaxVehicles)
        {
            fields.Error("vehicles", $"must list at most {MaxVehicles} vehicles");
            listed = [];
        }

        foreach (var vehicle in listed)
        {
            var id = vehicle.Id("id");
            if (id is not null && !seen.Add(id))
            {
                vehicle.Error("id", $"duplicate vehicle id {TextHygiene.Quote(id)}");
            }

            var seats = vehicle.Int("seats", required: false, fallback: RunsFile.DefaultSeats, min: 1, max: 100);
            var from = vehicle.Time("availableFrom", required: false) ?? first;
            var until = vehicle.Time("availableUntil", required: false) ?? EndOfNight;
            if (IsAfter(night, from, until))
            {
                vehicle.Error("availableUntil", $"{Clock(until)} is before availableFrom {Clock(from)}");
            }

            vehicles.Add(new NightVehicle(id ?? "", seats, from, until));
        }

        var pt = fields.Object("publicTransport", required: false);
        var publicTransport = pt is null
            ? PublicTransportRules.Off
            : new PublicTransportRules(
                pt.Int("escorts", required: false, fallback: 0, min: 0, max: 1000),
                pt.Number("speedKmh", required: false, fallback: PublicTransportRules.DefaultSpeedKmh, min: RunsFileReader.MinSpeedKmh, max: RunsFileReader.MaxSpeedKmh),
                pt.Number("detourFactor", required: false, fallback: PublicTransportRules.DefaultDetourFactor, min: RunsFileReader.MinDetourFactor, max: RunsFileReader.MaxDetourFactor),
                pt.Int("walkMinutes", required: false, fallback: PublicTransportRules.DefaultWalkMinutes, min: 0, max: 600),
                pt.Int("maxMinutes", required: false, fallback: PublicTransportRules.DefaultMaxMinutes, min: 1, max: 600),
                pt.Time("lastArrival", required: false));

        return new NightTransport(first, latest, loading, stop, rules, vehicles, publicTransport);
    }

    /// <remarks><c>ids</c>: the hosts' ids in order when the night itself is valid (else nothing is kept, only checked).</remarks>
    private static Dictionary<string, HostArrival> ReadHostArrivals(JsonFields root, LocalDate night, NightTransport? transport, List<string>? ids)
    {
        var arrivals = new Dictionary<string, HostArrival>(StringComparer.Ordinal);
        var hosts = root.Objects("hosts", required: false);
        for (var i = 0; i < hosts.Count; i++)
        {
            var host = hosts[i];
            var from = host.Time("arrivalFrom", required: false);
            var until = host.Time("arrivalUntil", required: false);
            var fetches = host.Bool("picksUpAtBase", required: false);
            var effectiveFrom = from ?? transport?.FirstDeparture ?? RunsFile.DefaultFirstDeparture;
            var effectiveUntil = until ?? transport?.LatestArrival ?? RunsFile.DefaultLatestArrival;
            if ((from is not null || until is not null) && IsAfter(night, effectiveFrom, effectiveUntil))
            {
                host.Error(from is not null ? "arrivalFrom" : "arrivalUntil",
                    $"the window {Clock(effectiveFrom)}-{Clock(effectiveUntil)} ends before it starts");
            }

            if (ids is not null && i < ids.Count && (from is not null || until is not null || fetches))
            {
                arrivals.TryAdd(ids[i], new HostArrival(from, until, fetches));
            }
        }

        return arrivals;
    }

    private static bool IsAfter(LocalDate night, LocalTime a, LocalTime b) =>
        HostingMatch.Domain.Night.At(night, a).ToInstant() > HostingMatch.Domain.Night.At(night, b).ToInstant();

    private static string Clock(LocalTime time) => time.ToString("HH:mm", null);
}
