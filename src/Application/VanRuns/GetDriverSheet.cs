using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.VanRuns;

/// <summary>
/// One vehicle's trips tonight, for its driver's run sheet (opened from the link in the driver's SMS, without an account):
/// null when the vehicle is no longer registered for that night.
/// </summary>
public sealed record GetDriverSheet(LocalDate Night, Guid VehicleId) : IQuery<DriverSheet?>;

/// <summary>The vehicle's label, its driver's first name and its trips in the night's current plan (none yet when not planned).</summary>
public sealed record DriverSheet(LocalDate Night, string VehicleLabel, string DriverFirstName, IReadOnlyList<TripView> Trips);

public sealed class GetDriverSheetHandler(IHostingMatchDb db, IQueryHandler<GetVanRuns, VanRunsResponse?> runs) : IQueryHandler<GetDriverSheet, DriverSheet?>
{
    public async ValueTask<DriverSheet?> Handle(GetDriverSheet query, CancellationToken cancellationToken)
    {
        var vehicle = await db.NightVehicles.AsNoTracking().FirstOrDefaultAsync(v => v.Id == query.VehicleId && v.Night == query.Night, cancellationToken);
        if (vehicle is null)
        {
            return null;
        }

        // The plan's own reading, not the pipeline: the driver is no caller to audit, and sees only their vehicle's trips.
        var plan = await runs.Handle(new GetVanRuns(query.Night), cancellationToken);
        var trips = plan?.Trips.Where(t => t.VanId == vehicle.Label).OrderBy(t => t.Trip).ToList() ?? [];
        return new DriverSheet(query.Night, vehicle.Label, vehicle.DriverFirstName, trips);
    }
}
