using HostingMatch.Domain.Common;
using NodaTime;

namespace HostingMatch.Domain.Stays;

/// <summary>
/// Nights <c>[From, Until)</c> (spec: stays.md, "Period"): from <see cref="From"/> included to <see cref="Until"/>
/// excluded, the morning of leaving. A sheet's "1 to 31 March" is <c>[03-01, 04-01)</c>.
/// </summary>
public sealed record NightPeriod
{
    private NightPeriod(LocalDate from, LocalDate until)
    {
        From = from;
        Until = until;
    }

    public LocalDate From { get; private init; }

    /// <summary>The morning of leaving: the last night is the day before.</summary>
    public LocalDate Until { get; private init; }

    /// <summary>The number of nights.</summary>
    public int Nights => Period.DaysBetween(From, Until);

    /// <summary>Creates a period.</summary>
    /// <exception cref="DomainException"><c>period-invalid</c> when <paramref name="until"/> is not after <paramref name="from"/>.</exception>
    public static NightPeriod Create(LocalDate from, LocalDate until) =>
        until > from
            ? new NightPeriod(from, until)
            : throw new DomainException("period-invalid", $"A period must end ({until:yyyy-MM-dd}) after it starts ({from:yyyy-MM-dd}).");

    /// <summary>True when the night is one of the period's.</summary>
    public bool Contains(LocalDate night) => From <= night && night < Until;

    /// <summary>True when the two periods share a night.</summary>
    public bool Overlaps(NightPeriod other) => From < other.Until && other.From < Until;

    /// <summary>Checks a list of periods: none overlapping another. Returns them sorted.</summary>
    /// <exception cref="DomainException"><c>period-overlap</c> when two share a night.</exception>
    public static IReadOnlyList<NightPeriod> Disjoint(IEnumerable<NightPeriod> periods)
    {
        var sorted = periods.OrderBy(p => p.From).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].From < sorted[i - 1].Until)
            {
                throw new DomainException("period-overlap",
                    $"The periods from {sorted[i - 1].From:yyyy-MM-dd} and from {sorted[i].From:yyyy-MM-dd} share nights.");
            }
        }

        return sorted;
    }
}
