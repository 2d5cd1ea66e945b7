using FluentValidation;
using HostingMatch.Application.Pipeline;
using HostingMatch.Application.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Transport;

/// <summary>
/// A coordinator changes a vehicle of the night (its driver, seats, or shift: "Léa can stay until 00:30"). Null when the
/// night has no such vehicle.
/// </summary>
public sealed record ChangeVehicle(LocalDate Night, Guid VehicleId, VehicleInput Vehicle) : ICommand<VehicleResponse?>, ITransactional, IAudited;

public sealed class ChangeVehicleValidator : AbstractValidator<ChangeVehicle>
{
    public ChangeVehicleValidator() => RuleFor(c => c.Vehicle).IsValidBody(new VehicleInputValidator());
}

public sealed class ChangeVehicleHandler(IHostingMatchDb db) : ICommandHandler<ChangeVehicle, VehicleResponse?>
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
        vehicle.Change(v.ToKind(), v.Label!, v.DriverFirstName!, v.DriverPhone!, v.Seats!.Value, v.AvailableFrom!.Value, v.AvailableUntil!.Value);
        await db.SaveChangesAsync(cancellationToken);
        return vehicle.ToResponse();
    }
}
