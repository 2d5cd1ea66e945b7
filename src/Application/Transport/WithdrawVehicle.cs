using HostingMatch.Application.Pipeline;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Transport;

/// <summary>A vehicle is not out tonight after all. False when the night has no such vehicle (a repeated call).</summary>
public sealed record WithdrawVehicle(LocalDate Night, Guid VehicleId) : ICommand<bool>, ITransactional, IAudited;

public sealed class WithdrawVehicleHandler(IHostingMatchDb db) : ICommandHandler<WithdrawVehicle, bool>
{
    public async ValueTask<bool> Handle(WithdrawVehicle command, CancellationToken cancellationToken)
    {
        var vehicle = await db.NightVehicles.FirstOrDefaultAsync(x => x.Id == command.VehicleId && x.Night == command.Night, cancellationToken);
        if (vehicle is null)
        {
            return false;
        }

        db.NightVehicles.Remove(vehicle);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
