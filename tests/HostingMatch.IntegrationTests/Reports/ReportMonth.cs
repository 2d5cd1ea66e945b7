using HostingMatch.Domain;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Placements;
using HostingMatch.Domain.Requests;
using HostingMatch.IntegrationTests.Support;
using NodaTime;

namespace HostingMatch.IntegrationTests.Reports;

/// <summary>
/// A month of the one-night programme, built night by night with the domain's own transitions, whose figures the report
/// tests count by hand: 3 nights, 5 households asking (10 people), 3 placed (7 people, 2 children under 10), 2 hosts.
/// </summary>
internal static class ReportMonth
{
    /// <summary>The first of the month four months before the real today: old enough for the retention purge (90 days).</summary>
    public static LocalDate FourMonthsAgo
    {
        get
        {
            var today = Night.Current(SystemClock.Instance.GetCurrentInstant());
            return new LocalDate(today.Year, today.Month, 1).PlusMonths(-4);
        }
    }

    public static async Task BuildAsync(TestDatabase database, LocalDate Month)
    {
        await using var db = database.NewContext();
        var at = Night.At(Month, new LocalTime(18, 0)).ToInstant();
        Host NewHost(string code, int beds, params HouseholdCategory[] accepts) => Host.Create(code, $"Hote {code}", "+33612345678", Language.Fr,
            new GeoPoint(48.85, 2.35), "1 rue X", beds, 2, accepts, true, true, Agreement.Create(Month.PlusDays(-30), Month.PlusDays(-30), Month.PlusDays(365)), at, null);
        var claire = NewHost("h-claire", 4, HouseholdCategory.Family);
        var marc = NewHost("h-marc", 2, HouseholdCategory.Men);
        db.AddRange(claire, marc);

        // Night 1: a family of 3 (one child of 4) placed with Claire by car; two men declined by Marc, then left outranked.
        // Night 2: the same family again with Claire, fetched by her; a man placed with Marc (transport arranged otherwise).
        // Night 5: a woman alone, left no-ride. A withdrawn request is not counted.
        var family = Household.Create("Famille R.", [new Member(33, Sex.Female), new Member(4, Sex.Male), new Member(12, Sex.Female)], false, false, [], null, at);
        var men = Household.Create("Groupe R.", [new Member(40, Sex.Male), new Member(41, Sex.Male)], false, false, [], null, at);
        var man = Household.Create("M. R.", [new Member(50, Sex.Male)], false, false, [], null, at);
        var woman = Household.Create("Mme R.", [new Member(29, Sex.Female)], false, false, [], null, at);
        var gone = Household.Create("Mme S.", [new Member(30, Sex.Female)], false, false, [], null, at);
        db.AddRange(family, men, man, woman, gone);

        async Task PlaceAsync(Household household, Host host, LocalDate night, PlannedRide? ride, bool otherTransport, int answerMinutes)
        {
            var when = Night.At(night, new LocalTime(19, 0)).ToInstant();
            var request = ShelterRequest.Create(household.Id, night, 1, when);
            request.ProposeTo(host.Id, when);
            var offer = Offer.Create(night, request.Id, household.Id, host.Id, when, Duration.FromMinutes(30));
            Assert.True(PlacementLifecycle.Accept(offer, request, when + Duration.FromMinutes(answerMinutes)));
            request.PlanRide(ride, when);
            if (otherTransport)
            {
                request.TravelBy(RequestTransport.Other, when);
            }

            db.AddRange(request, offer);
        }

        var n1 = Month.PlusDays(0);
        var n2 = Month.PlusDays(1);
        var n5 = Month.PlusDays(4);
        await PlaceAsync(family, claire, n1, new PlannedRide(PlannedRideWay.Vehicle, Night.At(n1, new LocalTime(21, 30)).ToInstant(), "Voiture de Léa", 1), false, 4);
        await PlaceAsync(family, claire, n2, new PlannedRide(PlannedRideWay.HostFetches, Night.At(n2, new LocalTime(21, 0)).ToInstant()), false, 10);
        await PlaceAsync(man, marc, n2, null, true, 20);

        var declined = ShelterRequest.Create(men.Id, n1, 3, at);
        declined.ProposeTo(marc.Id, at);
        var no = Offer.Create(n1, declined.Id, men.Id, marc.Id, at, Duration.FromMinutes(30));
        PlacementLifecycle.Decline(no, declined, at + Duration.FromMinutes(6));
        declined.LeaveUnplaced(UnplacedReason.Outranked, "beds went to others", at + Duration.FromMinutes(7));
        var lonely = ShelterRequest.Create(woman.Id, n5, 0, at);
        lonely.LeaveUnplaced(UnplacedReason.NoRide, "no way tonight", at);
        var withdrawn = ShelterRequest.Create(gone.Id, n5, 0, at);
        withdrawn.Cancel(at);
        db.AddRange(declined, no, lonely, withdrawn);
        await db.SaveChangesAsync();
    }

}
