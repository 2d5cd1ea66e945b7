using FluentValidation;
using HostingMatch.Domain.Requests;
using HostingMatch.Application.Pipeline;
using HostingMatch.Application.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Transport;

/// <summary>
/// A coordinator changes a vehicle of the night (its driver, seats, or shift: "Léa can stay until 00:30"). Null when the
/// night has no such vehicle. The vehicles' plan and the rides name a vehicle by its label: a renamed vehicle's trips,
/// those that have left included, and the rides of the households proposed or confirmed on them take the new label, so it
/// keeps its trips and its driver's run sheet.
/// </summary>
public sealed record ChangeVehicle(LocalDate Night, Guid VehicleId, VehicleInput Vehicle) : ICommand<VehicleResponse?>, ITransactional, IAudited;

public sealed class ChangeVehicleValidator : AbstractValidator<ChangeVehicle>
{
    public ChangeVehicleValidator() => RuleFor(c => c.Vehicle).IsValidBody(new VehicleInputValidator());
}

public sealed class ChangeVehicleHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<ChangeVehicle, VehicleResponse?>
{
    public async ValueTask<VehicleResponse?> Handle(ChangeVehicle command, CancellationToken cancellationToken)
    {
        var vehicle = await db.NightVehicles.FirstOrDefaultAsync(x => x.Id == command.VehicleId && x.Night == command.Night, cancellationToken);
        if (vehicle is null)
        {
            return null;
        }

        var v = command.Vehicle;
        await VehicleLabels.EnsureFreeAsync(db, command.Night, v.Label!, except: vehicle.Id, cancellationToken);
        var before = vehicle.Label;
        vehicle.Change(v.ToKind(), v.Label!, v.DriverFirstName!, v.DriverPhone!, v.Seats!.Value, v.AvailableFrom!.Value, v.AvailableUntil!.Value);
        if (vehicle.Label != before)
        {
            (await db.VanRunPlans.FirstOrDefaultAsync(p => p.Night == command.Night, cancellationToken))?.RenameVehicle(before, vehicle.Label);
            // The ride's columns are mapped apart (ShelterRequestConfiguration): its vehicle is "RideVehicle".
            var riding = await db.Requests
                .Where(r => r.Night == command.Night && (r.Status == RequestStatus.Proposed || r.Status == RequestStatus.Confirmed)
                            && EF.Property<string?>(r, "RideVehicle") == before)
                .ToListAsync(cancellationToken);
            foreach (var request in riding.Where(r => r.Ride?.VehicleLabel == before))
            {
                request.PlanRide(request.Ride!.OnVehicle(vehicle.Label), clock.GetCurrentInstant());
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return vehicle.ToResponse();
    }
}
