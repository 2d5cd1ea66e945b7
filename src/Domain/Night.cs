using NodaTime;
using NodaTime.TimeZones;

namespace HostingMatch.Domain;

/// <summary>
/// Nights are local dates in Paris: the night of 2026-11-26 starts on the evening of the 26th.
/// </summary>
public static class Night
{
    /// <summary>The zone every night, arrival and window is expressed in.</summary>
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    /// <summary>
    /// The last night the calendar holds: a night's times after midnight are on the next day, and 9999-12-31 has none
    /// (NodaTime's calendar ends there). Input naming a later night is refused with <see cref="AfterLastProblem"/>.
    /// </summary>
    public static readonly LocalDate Last = LocalDate.MaxIsoValue.PlusDays(-1);

    /// <summary>What is wrong with a night after <see cref="Last"/>, said on its field.</summary>
    public const string AfterLastProblem = "must be a night up to 9999-12-30 (its morning is on the next day)";

    /// <summary>Before this local hour, a clock time belongs to the previous evening's night.</summary>
    public static readonly LocalTime EveningStarts = new(12, 0);

    /// <summary>The night that is under way at <paramref name="now"/>: before noon, it is still last evening's.</summary>
    public static LocalDate Current(Instant now)
    {
        var local = now.InZone(Zone).LocalDateTime;
        return local.TimeOfDay < EveningStarts ? local.Date.PlusDays(-1) : local.Date;
    }

    /// <summary>
    /// The moment a local clock time of the night happens: times before noon are after midnight.
    /// A time that occurs twice (autumn) means its first occurrence; one that does not exist (spring)
    /// moves forward by the gap (spec: van-runs.md).
    /// </summary>
    public static ZonedDateTime At(LocalDate night, LocalTime time)
    {
        var date = time < EveningStarts ? night.PlusDays(1) : night;
        return (date + time).InZone(Zone, Resolvers.LenientResolver);
    }

    /// <summary>
    /// Minutes from noon on the night's clock (12:00 is 0, 23:59 is 719, 00:00 is 720, 11:59 is 1439), so that evening
    /// times compare in the order the evening lives them: 00:30 is after 23:30.
    /// </summary>
    public static int EveningMinute(LocalTime time) =>
        (time.Hour * 60) + time.Minute + (time < EveningStarts ? 12 * 60 : -12 * 60);

    /// <summary>The clock time of an instant in Paris, as hosts and drivers read it.</summary>
    public static LocalTime Clock(Instant instant) => instant.InZone(Zone).TimeOfDay;
}
