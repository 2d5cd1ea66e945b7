using HostingMatch.Domain;
using HostingMatch.Domain.Geography;
using NodaTime;

namespace HostingMatch.Application.VanRuns.Planner;

/// <summary>
/// One evening's van runs as the runs file describes them (spec: van-runs.md, "Input").
/// Clock times stay local times of the night; <see cref="At"/> turns them into moments,
/// so that a time before noon is after midnight and the clock changes are handled once, by <see cref="Night.At"/>.
/// </summary>
public sealed record RunsFile(
    LocalDate Night,
    string TimeZone,
    RunsBase Base,
    RunsRules Rules,
    IReadOnlyList<RunsVan> Vans,
    LocalTime FirstDeparture,
    LocalTime LatestArrival,
    int LoadingMinutes,
    int StopMinutes,
    IReadOnlyList<RunStop> Stops)
{
    /// <summary>The only zone the night's clock times are read in (the spec's <c>timeZone</c>).</summary>
    public const string SupportedTimeZone = "Europe/Paris";

    /// <summary>Defaults the spec leaves to us: the example's evening and handling times.</summary>
    public static readonly LocalTime DefaultFirstDeparture = new(20, 30);
    public static readonly LocalTime DefaultLatestArrival = new(23, 59);
    public const int DefaultLoadingMinutes = 10;
    public const int DefaultStopMinutes = 5;
    public const int DefaultSeats = 8;

    /// <summary>The moment a clock time of this night happens (before noon: after midnight).</summary>
    public Instant At(LocalTime time) => HostingMatch.Domain.Night.At(Night, time).ToInstant();
}

/// <summary>Where every trip starts and ends.</summary>
public sealed record RunsBase(string Name, GeoPoint Location);

/// <summary>The driving-time formula's parameters (spec rule 5).</summary>
public sealed record RunsRules(double AverageSpeedKmh, double DetourFactor)
{
    public static readonly RunsRules Default = new(20, 1.3);

    /// <summary>Whole driving minutes between two points, by the shared formula.</summary>
    public int Minutes(GeoPoint from, GeoPoint to) => TravelTime.Minutes(from, to, DetourFactor, AverageSpeedKmh);
}

/// <summary>A van and its passenger seats (the driver's seat is not counted).</summary>
public sealed record RunsVan(string Id, int Seats);

/// <summary>How a stop's guests get to their host.</summary>
public enum StopTransport
{
    /// <summary>The vans take them (the default).</summary>
    Van,

    /// <summary>The coordinators arranged something else: the stop is left out of the plan entirely.</summary>
    Other,
}

/// <summary>A host's home and the households going there; they all ride on the same trip (rule 2).</summary>
public sealed record RunStop(
    string HostId,
    GeoPoint Location,
    LocalTime ArrivalFrom,
    LocalTime ArrivalUntil,
    IReadOnlyList<RunHousehold> Households,
    StopTransport Transport = StopTransport.Van)
{
    /// <summary>Everyone going to this stop, all households together.</summary>
    public int People => Households.Sum(h => h.People);
}

/// <summary>A household: it travels whole, children included.</summary>
public sealed record RunHousehold(string Id, int People);
