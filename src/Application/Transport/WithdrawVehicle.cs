using HostingMatch.Application.Pipeline;
using HostingMatch.Application.Sms;
using HostingMatch.Application.VanRuns;
using HostingMatch.Domain.Common;
using HostingMatch.Domain.Sms;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Transport;

/// <summary>
/// A vehicle is not out tonight after all. False when the night has no such vehicle (a repeated call). A vehicle with a
/// trip that has left stays (<c>vehicle-has-left</c>): its households are on board or brought, and the plan keeps that trip;
/// its evening is ended by changing its hours. A driver already told of trips tonight is told they are off.
/// </summary>
public sealed record WithdrawVehicle(LocalDate Night, Guid VehicleId) : ICommand<bool>, ITransactional, IAudited;

public sealed class WithdrawVehicleHandler(IHostingMatchDb db, IClock clock, IOutboxNotifier outbox) : ICommandHandler<WithdrawVehicle, bool>
{
    public async ValueTask<bool> Handle(WithdrawVehicle command, CancellationToken cancellationToken)
    {
        var vehicle = await db.NightVehicles.FirstOrDefaultAsync(x => x.Id == command.VehicleId && x.Night == command.Night, cancellationToken);
        if (vehicle is null)
        {
            return false;
        }

        var plan = await db.VanRunPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Night == command.Night, cancellationToken);
        if (StoredVanPlan.Departed(plan, clock.GetCurrentInstant()).FirstOrDefault(t => t.VanId == vehicle.Label) is { } left)
        {
            throw new DomainException("vehicle-has-left",
                $"'{vehicle.Label}' has made trip {left.Trip} tonight: it stays registered, as the plan keeps that trip. To end its evening, change its hours.");
        }

        // A driver told of trips tonight hears that they are off, once (the vehicle is gone, so no later SMS speaks of it).
        var told = plan is not null && ToldKeys.Trips(plan, vehicle.Id).Count > 0;
        if (told)
        {
            db.OutboundSms.Add(OutboundSms.Create(vehicle.DriverPhone, SmsTemplates.DriverNoTrips(vehicle.DriverFirstName, vehicle.Label),
                SmsKind.Ride, null, null, clock.GetCurrentInstant()));
        }

        db.NightVehicles.Remove(vehicle);
        await db.SaveChangesAsync(cancellationToken);
        if (told)
        {
            outbox.MessagesQueued();
        }

        return true;
    }
}
