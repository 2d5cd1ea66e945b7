using FluentValidation;
using HostingMatch.Domain;
using HostingMatch.Domain.Stays;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Stays;

/// <summary>
/// A coordinator moves a stay on: <c>confirmed</c> (the host and the referrer agreed), <c>ongoing</c> (the guest
/// arrived, not before its first night), <c>ended</c> (the guest left; before the agreed morning, the stay ends today),
/// <c>cancelled</c> (called off before it began). Transitions outside <see cref="Stay"/>'s are refused (409).
/// <paramref name="Version"/>, when given, is the version read: a stay changed since gives a conflict. Null when there is no such stay.
/// </summary>
public sealed record ChangeStayStatus(Guid Id, string? Status, uint? Version = null) : ICommand<StayResponse?>;

public sealed class ChangeStayStatusValidator : AbstractValidator<ChangeStayStatus>
{
    public ChangeStayStatusValidator() => RuleFor(c => c.Status).NotEmpty()
        .Must(s => StayStatusNames.TryParse(s, out var status) && status != StayStatus.Proposed)
        .WithMessage("must be confirmed, ongoing, ended or cancelled");
}

public sealed class ChangeStayStatusHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<ChangeStayStatus, StayResponse?>
{
    public async ValueTask<StayResponse?> Handle(ChangeStayStatus command, CancellationToken cancellationToken)
    {
        var stay = await db.Stays.FirstOrDefaultAsync(s => s.Id == command.Id, cancellationToken);
        if (stay is null)
        {
            return null;
        }

        if (command.Version is { } version)
        {
            ((DbContext)db).Entry(stay).Property(s => s.Version).OriginalValue = version;
        }

        var now = clock.GetCurrentInstant();
        var today = Night.Current(now);
        StayStatusNames.TryParse(command.Status, out var status);
        switch (status)
        {
            case StayStatus.Confirmed: stay.Confirm(now); break;
            case StayStatus.Ongoing: stay.Start(today, now); break;
            case StayStatus.Ended: stay.End(today, now); break;
            case StayStatus.Cancelled: stay.Cancel(now); break;
        }

        await db.SaveChangesAsync(cancellationToken);
        var alias = await (from g in db.StayGuests.AsNoTracking()
                           join h in db.Households.AsNoTracking() on g.HouseholdId equals h.Id
                           where g.Id == stay.GuestId
                           select h.Alias).FirstAsync(cancellationToken);
        var host = await db.Hosts.AsNoTracking().FirstAsync(h => h.Id == stay.HostId, cancellationToken);
        return stay.ToResponse(alias, host);
    }
}
