using FluentValidation;
using HostingMatch.Application.NightPlan;
using HostingMatch.Application.Matching;
using HostingMatch.Application.Pipeline;
using HostingMatch.Application.Validation;
using HostingMatch.Domain.Common;
using HostingMatch.Domain.Transport;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Transport;

/// <summary>
/// A coordinator registers a vehicle for the night: the van with tonight's driver, or a volunteer's car that turned up.
/// 409 <c>vehicle-label-taken</c> when the night already has a vehicle of that label, <c>too-many-vehicles</c> when it
/// has the most a night plan takes (<see cref="NightPlanFileReader.MaxVehicles"/>, as a night file).
/// </summary>
public sealed record RegisterVehicle(LocalDate Night, VehicleInput Vehicle) : ICommand<VehicleResponse>, ITransactional, IAudited;

public sealed class RegisterVehicleValidator : AbstractValidator<RegisterVehicle>
{
    public RegisterVehicleValidator() => RuleFor(c => c.Vehicle).IsValidBody(new VehicleInputValidator());
}

public sealed class RegisterVehicleHandler(IHostingMatchDb db, IMatchingLock nightLock, IClock clock) : ICommandHandler<RegisterVehicle, VehicleResponse>
{
    public async ValueTask<VehicleResponse> Handle(RegisterVehicle command, CancellationToken cancellationToken)
    {
        // The night's lock, held until the transaction commits: two registrations at once cannot both pass the count below
        // (ten at once took a night of 98 vehicles to 102).
        await using var held = await nightLock.TryAcquireAsync(command.Night, IMatchingLock.CoordinatorPatience, cancellationToken)
            ?? throw new DomainException("matching-in-progress",
                $"A matching for the night of {command.Night:yyyy-MM-dd} is running. Wait for it, then register the vehicle.");
        var v = command.Vehicle;
        await VehicleLabels.EnsureFreeAsync(db, command.Night, v.Label!, except: null, cancellationToken);
        if (await db.NightVehicles.CountAsync(x => x.Night == command.Night, cancellationToken) >= NightPlanFileReader.MaxVehicles)
        {
            throw new DomainException("too-many-vehicles",
                $"The night of {command.Night:yyyy-MM-dd} already has {NightPlanFileReader.MaxVehicles} vehicles, the most a night plan takes. Withdraw one first.");
        }

        var vehicle = NightVehicle.Create(command.Night, v.ToKind(), v.Label!, v.DriverFirstName!, v.DriverPhone!, v.Seats!.Value,
            v.AvailableFrom!.Value, v.AvailableUntil!.Value, clock.GetCurrentInstant());
        db.NightVehicles.Add(vehicle);
        await db.SaveChangesAsync(cancellationToken);
        return vehicle.ToResponse();
    }
}

/// <summary>
/// One label per vehicle and night, ignoring case: "the car" twice, or "Voiture test" and "voiture TEST", would make every
/// SMS and run sheet ambiguous. Compared as the unique index ix_night_vehicles_night_label does, on PostgreSQL's
/// <c>lower(label)</c>; the index refuses the second of two registrations at once (409 too).
/// </summary>
internal static class VehicleLabels
{
    /// <exception cref="DomainException"><c>vehicle-label-taken</c>.</exception>
    public static async Task EnsureFreeAsync(IHostingMatchDb db, LocalDate night, string label, Guid? except, CancellationToken ct)
    {
        var trimmed = label.Trim();
        // x.Label.ToLower() is PostgreSQL's lower(), the index's expression; the label's is lowered here. Were the two casings
        // ever to differ on a letter, the index still refuses the write: the Api answers the same 409 (ProblemDetailsExceptionHandler).
        var lowered = trimmed.ToLowerInvariant();
        if (await db.NightVehicles.AnyAsync(x => x.Night == night && x.Label.ToLower() == lowered && x.Id != except, ct))
        {
            throw new DomainException("vehicle-label-taken",
                $"The night of {night:yyyy-MM-dd} already has a vehicle called {TextHygiene.Quote(trimmed)}. Give this one another label.");
        }
    }
}
