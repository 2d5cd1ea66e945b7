using HostingMatch.Domain.Transport;
using NodaTime;

namespace HostingMatch.UnitTests.Domain;

public sealed class VanRunPlanTests
{
    private static readonly Instant At2130 = Instant.FromUtc(2026, 11, 26, 20, 30);
    private static readonly Guid Host = Guid.NewGuid();

    private static VanRunPlan NewPlan() => VanRunPlan.Create(new LocalDate(2026, 11, 26), new PlannedRuns([], [], new PlanTotals(0, 0, 0, 0)), At2130);

    [Fact]
    public void TellArrival_TheFirstTime_Tells()
    {
        var plan = NewPlan();
        Assert.True(plan.TellArrival(Host, At2130));
        Assert.Equal(At2130, plan.ToldArrivals[Host]);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(10, false)]
    [InlineData(-10, false)]
    [InlineData(11, true)]
    [InlineData(-25, true)]
    public void TellArrival_AfterAReplan_TellsOnlyWhenTheTimeMovesMoreThanTenMinutes(int minutes, bool expected)
    {
        var plan = NewPlan();
        plan.TellArrival(Host, At2130);

        Assert.Equal(expected, plan.TellArrival(Host, At2130 + Duration.FromMinutes(minutes)));
    }

    [Fact]
    public void TellArrival_SmallMovesDoNotAccumulateSilently()
    {
        // Told 21:30; re-plans at 21:38 then 21:46: the second is 16 minutes from what the host knows.
        var plan = NewPlan();
        plan.TellArrival(Host, At2130);
        Assert.False(plan.TellArrival(Host, At2130 + Duration.FromMinutes(8)));
        Assert.True(plan.TellArrival(Host, At2130 + Duration.FromMinutes(16)));
    }
}

public sealed class VanRunPlanDepartedTests
{
    private static readonly LocalDate Night = new(2026, 11, 26);
    private static readonly Offset Paris = Offset.FromHours(1);
    private static readonly Duration Boarding = Duration.FromMinutes(10);

    private static OffsetDateTime At(int hour, int minute) => new LocalDateTime(2026, 11, 26, hour, minute).WithOffset(Paris);

    private static PlannedTrip Trip(int number, OffsetDateTime departAt) =>
        new("van-1", number, departAt, departAt.PlusMinutes(50), 2,
            [new PlannedStop(Guid.NewGuid(), [Guid.NewGuid()], 2, departAt.PlusMinutes(20))]);

    private static VanRunPlan PlanWith(params PlannedTrip[] trips) =>
        VanRunPlan.Create(Night, new PlannedRuns(trips, [], new PlanTotals(2 * trips.Length, 0, 0, 0)), At(19, 0).ToInstant());

    [Fact]
    public void DepartedBy_ATripWhoseBoardingHasStarted_HasLeft()
    {
        var plan = PlanWith(Trip(1, At(20, 30)), Trip(2, At(21, 30)));

        // 20:20 is the first trip's boarding (10 minutes before it drives off): its households sit in the van.
        Assert.Empty(plan.DepartedBy(At(20, 19).ToInstant(), Boarding));
        Assert.Equal([1], plan.DepartedBy(At(20, 20).ToInstant(), Boarding).Select(t => t.Trip));
        Assert.Equal([1, 2], plan.DepartedBy(At(21, 25).ToInstant(), Boarding).Select(t => t.Trip));
    }

    [Fact]
    public void Replace_APlanThatDropsATripThatLeft_IsNotPossible()
    {
        var first = Trip(1, At(20, 30));
        var plan = PlanWith(first, Trip(2, At(21, 30)));
        var now = At(20, 40).ToInstant();

        var refused = Assert.Throws<HostingMatch.Domain.Common.DomainException>(() =>
            plan.Replace(new PlannedRuns([Trip(2, At(21, 0))], [], new PlanTotals(2, 0, 0, 0)), now, Boarding));
        Assert.Equal("van-plan-departed-trip-dropped", refused.Code);

        plan.Replace(new PlannedRuns([first, Trip(2, At(21, 0))], [], new PlanTotals(4, 0, 0, 0)), now, Boarding);
        Assert.Equal(now, plan.PlannedAt);
        Assert.Equal(At(21, 0), plan.Plan.Trips[1].DepartAt);
    }
}
