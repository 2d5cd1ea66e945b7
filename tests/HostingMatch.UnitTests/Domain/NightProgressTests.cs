using HostingMatch.Domain.Common;
using HostingMatch.Domain.Nights;
using NodaTime;

namespace HostingMatch.UnitTests.Domain;

public sealed class NightProgressTests
{
    private static readonly LocalDate Night = new(2026, 11, 26);
    private static readonly Instant At1900 = Instant.FromUtc(2026, 11, 26, 18, 0);

    [Fact]
    public void Begin_NothingHasHappenedYet()
    {
        var progress = NightProgress.Begin(Night);

        Assert.Equal(Night, progress.Night);
        Assert.False(progress.OffersStarted);
        Assert.False(progress.VansPlanned);
        Assert.False(progress.VanTimesSent);
    }

    [Fact]
    public void StartOffers_Twice_KeepsTheFirstMoment()
    {
        var progress = NightProgress.Begin(Night);
        progress.StartOffers(At1900);
        progress.StartOffers(At1900 + Duration.FromMinutes(30));

        Assert.True(progress.OffersStarted);
        Assert.Equal(At1900, progress.OffersStartedAt);
    }

    [Fact]
    public void RecordVansPlanned_AReplan_MovesThePlanTime()
    {
        var progress = NightProgress.Begin(Night);
        progress.RecordVansPlanned(At1900);
        progress.RecordVansPlanned(At1900 + Duration.FromMinutes(45));

        Assert.Equal(At1900 + Duration.FromMinutes(45), progress.VansPlannedAt);
    }

    [Fact]
    public void RecordVanTimesSent_WhenTheVansAreNotPlanned_IsNotPossible()
    {
        var progress = NightProgress.Begin(Night);

        var refused = Assert.Throws<DomainException>(() => progress.RecordVanTimesSent(At1900));
        Assert.Equal("vans-not-planned", refused.Code);
        Assert.False(progress.VanTimesSent);
    }

    [Fact]
    public void RecordVanTimesSent_AfterThePlan_KeepsTheFirstMoment()
    {
        var progress = NightProgress.Begin(Night);
        progress.RecordVansPlanned(At1900);
        progress.RecordVanTimesSent(At1900 + Duration.FromMinutes(5));
        progress.RecordVanTimesSent(At1900 + Duration.FromMinutes(50));

        Assert.True(progress.VanTimesSent);
        Assert.Equal(At1900 + Duration.FromMinutes(5), progress.VanTimesSentAt);
    }
}
