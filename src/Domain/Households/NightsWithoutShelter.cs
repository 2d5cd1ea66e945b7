using System.Diagnostics.Contracts;
using NodaTime;

namespace HostingMatch.Domain.Households;

/// <summary>
/// How many nights a household has spent without shelter right before a night (matching.md objective level 4): the
/// nights just before it, back to <c>since</c> (the first night we know the household needed a bed), that were not
/// sheltered, counted until the first sheltered one. A household registered for a run of uncovered nights counts one more
/// on each: 0, 1, 2... from its first night without shelter.
/// </summary>
public static class NightsWithoutShelter
{
    /// <summary>The longest count kept (as a request's own range): a need older than this counts this many.</summary>
    public const int Max = 3650;

    /// <summary>
    /// The unsheltered nights right before <paramref name="night"/>, back to <paramref name="since"/> included. Where the
    /// walk meets a night whose own count is known (<paramref name="counted"/>: a one-night request of the household, which
    /// counts the nights before it), before <paramref name="since"/> too, that count is carried instead of walking on: a
    /// household that waited in the one-night programme before it became a stays guest keeps what it waited.
    /// </summary>
    [Pure]
    public static int Before(LocalDate night, LocalDate since, Func<LocalDate, bool> sheltered, Func<LocalDate, int?>? counted = null)
    {
        ArgumentNullException.ThrowIfNull(sheltered);
        var count = 0;
        for (var n = night.PlusDays(-1); count < Max && !sheltered(n); n = n.PlusDays(-1))
        {
            var known = counted?.Invoke(n);
            if (n < since && known is null)
            {
                break;
            }

            count++;
            if (known is { } k)
            {
                return Math.Min(Max, count + k);
            }
        }

        return count;
    }
}
