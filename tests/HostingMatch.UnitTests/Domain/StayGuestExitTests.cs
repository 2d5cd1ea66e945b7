using HostingMatch.Domain.Common;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Stays;
using NodaTime;

namespace HostingMatch.UnitTests.Domain;

public sealed class StayGuestExitTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 26, 17, 0);
    private static readonly LocalDate Today = new(2026, 11, 26);

    private static StayGuest Guest() =>
        StayGuest.Create(Guid.NewGuid(), new LocalDate(2026, 11, 20), null, ["bretagne"], "Porte de la Chapelle", new GeoPoint(48.8986, 2.3592), Now);

    [Fact]
    public void Exit_RecordsTheOutcomeItsNoteAndWhenAndEndsTheNeed()
    {
        var guest = Guest();

        guest.Exit(GuestOutcome.AsePlace, "  Rennes  ", Today.PlusDays(1), Today, Now);

        Assert.Equal(GuestOutcome.AsePlace, guest.Outcome);
        Assert.Equal("Rennes", guest.OutcomeNote);
        Assert.Equal(Now, guest.EndedAt);
        Assert.Equal(Today.PlusDays(1), guest.NeedUntil);
        Assert.True(guest.HasExited);
        Assert.False(guest.NeedsOn(Today.PlusDays(1)));
    }

    [Fact]
    public void Exit_BeforeToday_IsNotPossibleAndRecordsNothing()
    {
        var guest = Guest();

        var error = Assert.Throws<DomainException>(() => guest.Exit(GuestOutcome.Other, null, Today.PlusDays(-1), Today, Now));

        Assert.Equal("need-past-nights", error.Code);
        Assert.Null(guest.Outcome);
        Assert.Null(guest.NeedUntil);
    }

    [Fact]
    public void Exit_WithAnOverlongNote_Throws() =>
        Assert.Equal("exit-invalid", Assert.Throws<DomainException>(() =>
            Guest().Exit(GuestOutcome.Other, new string('x', StayGuest.MaxOutcomeNoteLength + 1), Today, Today, Now)).Code);

    [Theory]
    [InlineData(GuestOutcome.AsePlace, "ase-place")]
    [InlineData(GuestOutcome.RecognisedMinor, "recognised-minor")]
    [InlineData(GuestOutcome.NotRecognised, "not-recognised")]
    [InlineData(GuestOutcome.AdultOrientation, "adult-orientation")]
    [InlineData(GuestOutcome.LeftWithoutNews, "left-without-news")]
    [InlineData(GuestOutcome.Other, "other")]
    public void EveryOutcomeHasAKebabCaseWireNameThatParsesBack(GuestOutcome outcome, string wire)
    {
        Assert.Equal(wire, outcome.ToWire());
        Assert.True(GuestOutcomeNames.TryParse(wire, out var parsed));
        Assert.Equal(outcome, parsed);
    }
}
