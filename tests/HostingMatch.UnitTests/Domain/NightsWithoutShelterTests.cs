using HostingMatch.Domain.Households;
using NodaTime;

namespace HostingMatch.UnitTests.Domain;

public sealed class NightsWithoutShelterTests
{
    private static readonly LocalDate First = new(2026, 11, 20);

    [Fact]
    public void Before_OnTheFirstNightNeeded_IsZero() =>
        Assert.Equal(0, NightsWithoutShelter.Before(First, First, _ => false));

    [Fact]
    public void Before_CountsEveryUnshelteredNightBackToTheFirstNeeded() =>
        Assert.Equal(6, NightsWithoutShelter.Before(First.PlusDays(6), First, _ => false));

    [Fact]
    public void Before_StopsAtTheLastShelteredNight() =>
        Assert.Equal(2, NightsWithoutShelter.Before(First.PlusDays(6), First, n => n == First.PlusDays(3)));

    [Fact]
    public void Before_RightAfterAShelteredNight_IsZero() =>
        Assert.Equal(0, NightsWithoutShelter.Before(First.PlusDays(6), First, n => n == First.PlusDays(5)));

    [Fact]
    public void Before_AVeryOldNeed_IsCappedAtTheRequestsRange() =>
        Assert.Equal(NightsWithoutShelter.Max, NightsWithoutShelter.Before(First, First.PlusYears(-20), _ => false));

    [Fact]
    public void Before_CarriesTheCountOfAnEarlierNightThatKnowsItsOwn() =>
        Assert.Equal(3 + 5, NightsWithoutShelter.Before(First.PlusDays(6), First, _ => false, n => n == First.PlusDays(3) ? 5 : null));

    [Fact]
    public void Before_AShelteredNightAfterTheKnownOneStillEndsTheCount() =>
        Assert.Equal(1, NightsWithoutShelter.Before(First.PlusDays(6), First, n => n == First.PlusDays(4), n => n == First.PlusDays(3) ? 5 : null));

    [Fact]
    public void Before_CarriesAKnownCountFromBeforeTheFirstNightNeeded_ButWalksNoFurtherWithoutOne()
    {
        Assert.Equal(1 + 2, NightsWithoutShelter.Before(First, First, _ => false, n => n == First.PlusDays(-1) ? 2 : null));
        Assert.Equal(0, NightsWithoutShelter.Before(First, First, _ => false, n => n == First.PlusDays(-2) ? 2 : null));
    }
}
