using HostingMatch.Domain.Transport;
using NodaTime;

namespace HostingMatch.UnitTests.Domain;

public sealed class VanRunPlanTests
{
    private static readonly Instant At2130 = Instant.FromUtc(2026, 11, 26, 20, 30);
    private static readonly Guid Host = Guid.NewGuid();

    private static VanRunPlan NewPlan() => VanRunPlan.Create(new LocalDate(2026, 11, 26), "{}", At2130);

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
