using HostingMatch.Domain.Nights;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Nights;

/// <summary>Reads a night's <see cref="NightProgress"/>; a night without its row has not started anything yet.</summary>
internal static class NightProgressLookup
{
    /// <summary>The night's progress, read only: a fresh one (nothing started) when the night has no row.</summary>
    public static async Task<NightProgress> ProgressOfAsync(this IHostingMatchDb db, LocalDate night, CancellationToken cancellationToken) =>
        db.NightProgress.Local.FirstOrDefault(p => p.Night == night)
        ?? await db.NightProgress.AsNoTracking().FirstOrDefaultAsync(p => p.Night == night, cancellationToken)
        ?? NightProgress.Begin(night);

    /// <summary>The night's progress to change, added to the unit of work when the night has no row yet.</summary>
    public static async Task<NightProgress> TrackProgressOfAsync(this IHostingMatchDb db, LocalDate night, CancellationToken cancellationToken)
    {
        var existing = db.NightProgress.Local.FirstOrDefault(p => p.Night == night)
                       ?? await db.NightProgress.FirstOrDefaultAsync(p => p.Night == night, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        // Two first steps at once both add the row: the second's unique key fails, and its use case runs again (IRetriedOnConflict)
        // or answers a conflict.
        var progress = NightProgress.Begin(night);
        db.NightProgress.Add(progress);
        return progress;
    }
}
