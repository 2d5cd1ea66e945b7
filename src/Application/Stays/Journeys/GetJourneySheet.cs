using HostingMatch.Domain.Stays;
using Mediator;

namespace HostingMatch.Application.Stays.Journeys;

/// <summary>
/// The volunteer driver's sheet for the journey to a stay (opened from the link in the driver's SMS, without an account),
/// as the chain stands now. Null when no journey leads there any more, a volunteer no longer drives it, or another
/// volunteer than <paramref name="DriverPhone"/> (the link's) drives it now.
/// </summary>
public sealed record GetJourneySheet(Guid StayId, string DriverPhone) : IQuery<JourneySheet?>;

public sealed class GetJourneySheetHandler(IHostingMatchDb db) : IQueryHandler<GetJourneySheet, JourneySheet?>
{
    public async ValueTask<JourneySheet?> Handle(GetJourneySheet query, CancellationToken cancellationToken)
    {
        var chains = await JourneyChains.OfStayAsync(db, query.StayId, track: false, cancellationToken);
        if (chains.Legs is not [var leg] || chains.Arranged.GetValueOrDefault(leg.StayId) is not
                { Way: JourneyWay.VolunteerDriver, DepartureTime: { } departure, DriverFirstName: { } driver } journey
            || journey.DriverPhone != query.DriverPhone)
        {
            return null;
        }

        return new JourneySheet(leg.Date, departure, departure.PlusMinutes(leg.Minutes), leg.Minutes, chains.HouseholdOf(leg.GuestId).People, driver,
            chains.FromOf(leg), JourneyPlace.Of(chains.Hosts[leg.ToHostId]));
    }
}
