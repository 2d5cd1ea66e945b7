using HostingMatch.Application.Transport;
using HostingMatch.Domain.Requests;
using HostingMatch.Domain.Transport;
using NodaTime;

namespace HostingMatch.UnitTests.Transport;

public sealed class EscortPairingTests
{
    private static readonly LocalDate Night = new(2026, 11, 26);
    private static readonly Instant Evening = Instant.FromUtc(2026, 11, 26, 19, 0);

    [Fact]
    public void NobodyToldYet_TheEscortsInTheOrderTheyRegisteredTakeTheHouseholdsEarliestFirst()
    {
        var (sami, nadia) = (Escort("Sami", 1), Escort("Nadia", 2));
        var (late, early) = (ByMetro(leaves: 21, 30), ByMetro(leaves: 20, 45));

        var pairs = EscortPairing.Pair([nadia, sami], [late, early, ByCar()], plan: null);

        Assert.Equal([(sami, early), (nadia, late)], pairs);
    }

    [Fact]
    public void AHouseholdBeforeThemCancelled_EachEscortKeepsTheHouseholdTheyWereToldAbout()
    {
        var (sami, nadia) = (Escort("Sami", 1), Escort("Nadia", 2));
        var (first, second, third) = (ByMetro(leaves: 20, 45), ByMetro(leaves: 21, 0), ByMetro(leaves: 21, 30));
        var plan = VanRunPlan.Create(Night, new PlannedRuns([], [], new PlanTotals(0, 0, 0, 0)), Evening);
        foreach (var (escort, request) in EscortPairing.Pair([sami, nadia], [first, second], plan))
        {
            plan.TellArrival(ToldKeys.Of(escort.Id, request.HouseholdId), EscortPairing.Leaves(request.Ride!));
        }

        // The first household cancels and a third goes by metro: Nadia, on her way with the second, keeps it; Sami takes the third.
        var pairs = EscortPairing.Pair([sami, nadia], [second, third], plan);

        Assert.Equal([(nadia, second), (sami, third)], pairs);
    }

    [Fact]
    public void AnEscortWhoseHouseholdNowGoesByCar_TakesTheNextOne()
    {
        var (sami, nadia) = (Escort("Sami", 1), Escort("Nadia", 2));
        var (first, second) = (ByMetro(leaves: 20, 45), ByMetro(leaves: 21, 0));
        var plan = VanRunPlan.Create(Night, new PlannedRuns([], [], new PlanTotals(0, 0, 0, 0)), Evening);
        plan.TellArrival(ToldKeys.Of(sami.Id, first.HouseholdId), EscortPairing.Leaves(first.Ride!));
        plan.TellArrival(ToldKeys.Of(nadia.Id, second.HouseholdId), EscortPairing.Leaves(second.Ride!));
        first.PlanRide(new PlannedRide(PlannedRideWay.Vehicle, At(21, 10), "Voiture de Léa", 1), Evening);
        var third = ByMetro(leaves: 21, 20);

        Assert.Equal([(nadia, second), (sami, third)], EscortPairing.Pair([sami, nadia], [first, second, third], plan));
    }

    private static NightEscort Escort(string name, int registered) =>
        NightEscort.Create(Night, name, $"+3361111111{registered}", Evening + Duration.FromMinutes(registered));

    private static ShelterRequest ByMetro(int leaves, int minutes) =>
        Confirmed(new PlannedRide(PlannedRideWay.PublicTransport, At(leaves, minutes) + Duration.FromMinutes(40), leaveBaseAt: At(leaves, minutes)));

    private static ShelterRequest ByCar() => Confirmed(new PlannedRide(PlannedRideWay.Vehicle, At(21, 0), "Voiture de Léa", 1));

    private static ShelterRequest Confirmed(PlannedRide ride)
    {
        var request = ShelterRequest.Create(Guid.NewGuid(), Night, 0, Evening);
        request.ProposeTo(Guid.NewGuid(), Evening);
        request.Confirm(Evening);
        request.PlanRide(ride, Evening);
        return request;
    }

    private static Instant At(int hour, int minute) => Instant.FromUtc(2026, 11, 26, hour - 1, minute);
}
