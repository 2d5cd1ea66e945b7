using HostingMatch.Domain.Common;
using HostingMatch.Domain.Stays;
using NodaTime;

namespace HostingMatch.UnitTests.Domain;

public sealed class StayTests
{
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 1, 17, 0);
    private static readonly LocalDate March1 = new(2027, 3, 1);
    private static readonly LocalDate March29 = new(2027, 3, 29);

    private static readonly (StayStatus From, StayStatus To)[] AllowedMoves =
    [
        (StayStatus.Proposed, StayStatus.Confirmed), (StayStatus.Proposed, StayStatus.Cancelled),
        (StayStatus.Confirmed, StayStatus.Ongoing), (StayStatus.Confirmed, StayStatus.Cancelled),
        (StayStatus.Ongoing, StayStatus.Ended),
    ];

    public static TheoryData<StayStatus, StayStatus> EveryPair()
    {
        var data = new TheoryData<StayStatus, StayStatus>();
        foreach (var from in Enum.GetValues<StayStatus>())
        {
            foreach (var to in Enum.GetValues<StayStatus>().Where(s => s != StayStatus.Proposed))
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    private static Stay Proposed() => Stay.Propose(Guid.NewGuid(), Guid.NewGuid(), NightPeriod.Create(March1, March29), 45, null, Now);

    /// <summary>Drives a new stay to <paramref name="status"/> through allowed moves only.</summary>
    private static Stay In(StayStatus status)
    {
        var stay = Proposed();
        switch (status)
        {
            case StayStatus.Confirmed: stay.Confirm(Now); break;
            case StayStatus.Ongoing: stay.Confirm(Now); stay.Start(March1, Now); break;
            case StayStatus.Ended: stay.Confirm(Now); stay.Start(March1, Now); stay.End(March29, Now); break;
            case StayStatus.Cancelled: stay.Cancel(Now); break;
        }

        Assert.Equal(status, stay.Status);
        return stay;
    }

    private static void Move(Stay stay, StayStatus to)
    {
        switch (to)
        {
            case StayStatus.Confirmed: stay.Confirm(Now); break;
            case StayStatus.Ongoing: stay.Start(March1, Now); break;
            case StayStatus.Ended: stay.End(March29, Now); break;
            case StayStatus.Cancelled: stay.Cancel(Now); break;
        }
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Move_IsAllowedExactlyWhenTheTableSaysSo(StayStatus from, StayStatus to)
    {
        var stay = In(from);

        if (AllowedMoves.Contains((from, to)))
        {
            Move(stay, to);
            Assert.Equal(to, stay.Status);
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => Move(stay, to));
            Assert.Equal("stay-invalid-transition", error.Code);
            Assert.Equal(from, stay.Status);
        }
    }

    [Fact]
    public void Start_BeforeTheFirstNight_IsNotPossible()
    {
        var stay = In(StayStatus.Confirmed);
        Assert.Equal("stay-not-begun", Assert.Throws<DomainException>(() => stay.Start(March1.PlusDays(-1), Now)).Code);
        Assert.Equal(StayStatus.Confirmed, stay.Status);
    }

    [Fact]
    public void End_BeforeTheAgreedMorning_EndsTheStayThatMorning()
    {
        var stay = In(StayStatus.Ongoing);
        stay.End(new LocalDate(2027, 3, 10), Now);
        Assert.Equal(new LocalDate(2027, 3, 10), stay.Until);
        Assert.Equal(March1, stay.From);
    }

    [Fact]
    public void CutShort_KeepsTheNightsSpentAndEndsOnTheMorningGiven()
    {
        var stay = In(StayStatus.Ongoing);
        stay.CutShort(new LocalDate(2027, 3, 11), new LocalDate(2027, 3, 10), Now);
        Assert.Equal((March1, new LocalDate(2027, 3, 11)), (stay.From, stay.Until));
        Assert.Equal(StayStatus.Ongoing, stay.Status);
    }

    [Fact]
    public void CutShort_InThePast_IsNotPossible()
    {
        var stay = In(StayStatus.Ongoing);
        var error = Assert.Throws<DomainException>(() => stay.CutShort(new LocalDate(2027, 3, 5), new LocalDate(2027, 3, 10), Now));
        Assert.Equal("stay-past-nights", error.Code);
        Assert.Equal(March29, stay.Until);
    }

    [Fact]
    public void CutShort_BeforeAStayBegins_CancelsIt_AndLaterThanItsEnd_ChangesNothing()
    {
        var notBegun = In(StayStatus.Confirmed);
        notBegun.CutShort(March1, March1.PlusDays(-3), Now);
        Assert.Equal(StayStatus.Cancelled, notBegun.Status);

        var stay = Proposed();
        stay.CutShort(March29.PlusDays(5), March1, Now);
        Assert.Equal(March29, stay.Until);
    }

    [Theory]
    [InlineData(StayStatus.Ended)]
    [InlineData(StayStatus.Cancelled)]
    public void CutShort_WhenClosed_IsNotPossible(StayStatus status) =>
        Assert.Equal("stay-closed", Assert.Throws<DomainException>(() => In(status).CutShort(March1.PlusDays(3), March1, Now)).Code);

    [Fact]
    public void APeriodMustEndAfterItStarts_AndPeriodsMayNotShareANight()
    {
        Assert.Equal("period-invalid", Assert.Throws<DomainException>(() => NightPeriod.Create(March1, March1)).Code);
        var march = NightPeriod.Create(March1, new LocalDate(2027, 4, 1));
        var april = NightPeriod.Create(new LocalDate(2027, 4, 1), new LocalDate(2027, 4, 10));
        Assert.Equal(31, march.Nights);
        Assert.False(march.Overlaps(april));
        Assert.Equal([march, april], NightPeriod.Disjoint([april, march]));
        Assert.Equal("period-overlap", Assert.Throws<DomainException>(() =>
            NightPeriod.Disjoint([march, NightPeriod.Create(new LocalDate(2027, 3, 31), new LocalDate(2027, 4, 2))])).Code);
    }

    [Theory]
    [InlineData("Île-de-France", "ile-de-france")]
    [InlineData("  Indre et Loire ", "indre-et-loire")]
    [InlineData("bretagne", "bretagne")]
    public void ARegionIsWrittenOneWay(string typed, string canonical) => Assert.Equal(canonical, Region.Normalize(typed));

    [Theory]
    [InlineData("ile-de-france", "Ile-de-France")]
    [InlineData("indre-et-loire", "Indre-et-Loire")]
    [InlineData("bretagne", "Bretagne")]
    [InlineData("provence-alpes-cote-d-azur", "Provence-Alpes-Cote-d-Azur")]
    [InlineData("de-la-region", "De-la-Region")]
    public void ARegionIsShownWithItsWordsCapitalised(string canonical, string shown) => Assert.Equal(shown, Region.DisplayName(canonical));

    [Fact]
    public void ANeedCannotEndBeforeTheNightsSpent()
    {
        var guest = StayGuest.Create(Guid.NewGuid(), March1, null, ["bretagne"], "Porte de la Chapelle", new(48.9, 2.36), Now);
        Assert.Equal("need-past-nights", Assert.Throws<DomainException>(() => guest.EndNeed(March1.PlusDays(2), March1.PlusDays(5), Now)).Code);
        guest.EndNeed(March1.PlusDays(5), March1.PlusDays(5), Now);
        Assert.False(guest.NeedsOn(March1.PlusDays(5)));
        Assert.True(guest.NeedsOn(March1.PlusDays(4)));
        Assert.True(guest.MayStayIn("bretagne"));
        Assert.False(guest.MayStayIn("nord"));
    }

    private static readonly Duration Day = Duration.FromDays(1);

    [Fact]
    public void SendToHost_ThenYesInTime_ConfirmsIt()
    {
        var stay = Proposed();
        stay.SendToHost(Now, Now + Day);
        Assert.True(stay.IsAwaitingHost);
        stay.AcceptByHost(Now + Duration.FromHours(23));
        Assert.Equal(StayStatus.Confirmed, stay.Status);
        Assert.False(stay.IsAwaitingHost);
        Assert.Null(stay.ClosedBecause);
    }

    [Fact]
    public void AcceptByHost_AfterItsTime_IsNotPossible_ItExpiresInstead()
    {
        var stay = Proposed();
        stay.SendToHost(Now, Now + Day);
        Assert.Equal("stay-not-awaiting", Assert.Throws<DomainException>(() => stay.AcceptByHost(Now + Day)).Code);
        Assert.Equal("stay-not-overdue", Assert.Throws<DomainException>(() => stay.Expire(Now + Duration.FromHours(23))).Code);
        stay.Expire(Now + Day);
        Assert.Equal(StayStatus.Cancelled, stay.Status);
        Assert.Equal(StayClosure.Expired, stay.ClosedBecause);
    }

    [Fact]
    public void Decline_CancelsIt_AndSaysWhy()
    {
        var stay = Proposed();
        stay.SendToHost(Now, Now + Day);
        stay.Decline(Now);
        Assert.Equal(StayStatus.Cancelled, stay.Status);
        Assert.Equal(StayClosure.Declined, stay.ClosedBecause);
        Assert.Equal("stay-not-awaiting", Assert.Throws<DomainException>(() => stay.Decline(Now)).Code);
    }

    [Fact]
    public void AHostsAnswer_ToAProposalNotSent_IsNotPossible()
    {
        var stay = Proposed();
        Assert.Equal("stay-not-awaiting", Assert.Throws<DomainException>(() => stay.AcceptByHost(Now)).Code);
        Assert.Equal("stay-not-awaiting", Assert.Throws<DomainException>(() => stay.Decline(Now)).Code);
    }

    [Fact]
    public void SendToHost_Twice_OrWithAnAnswerDueInThePast_OrWhenAgreed_IsNotPossible()
    {
        var stay = Proposed();
        Assert.Equal("stay-not-proposable", Assert.Throws<DomainException>(() => stay.SendToHost(Now, Now)).Code);
        stay.SendToHost(Now, Now + Day);
        Assert.Equal("stay-not-proposable", Assert.Throws<DomainException>(() => stay.SendToHost(Now, Now + Day)).Code);
        Assert.Equal("stay-not-proposable", Assert.Throws<DomainException>(() => In(StayStatus.Confirmed).SendToHost(Now, Now + Day)).Code);
    }

    [Fact]
    public void CancelByHost_OnlyForAConfirmedStay_AndTheHostIsNotAskedAgain()
    {
        var confirmed = In(StayStatus.Confirmed);
        confirmed.CancelByHost(Now);
        Assert.Equal(StayClosure.Declined, confirmed.ClosedBecause);
        Assert.Equal("stay-invalid-transition", Assert.Throws<DomainException>(() => In(StayStatus.Ongoing).CancelByHost(Now)).Code);
    }

    [Fact]
    public void MarkReminded_OnlyForAConfirmedStay()
    {
        var confirmed = In(StayStatus.Confirmed);
        confirmed.MarkReminded(Now);
        Assert.Equal(Now, confirmed.RemindedAt);
        Assert.Equal("stay-invalid-transition", Assert.Throws<DomainException>(() => Proposed().MarkReminded(Now)).Code);
    }

    [Fact]
    public void ACheckIn_IsForAStayUnderWay_AndClosesOnce()
    {
        Assert.Equal("check-in-invalid", Assert.Throws<DomainException>(() => StayCheckIn.Send(Proposed(), Now, Now + Day)).Code);
        var checkIn = StayCheckIn.Send(In(StayStatus.Ongoing), Now, Now + Day);
        Assert.True(checkIn.IsOpen);
        Assert.False(checkIn.LapseIfDue(Now + Duration.FromHours(23)));
        checkIn.Answer(CheckInOutcome.Fine, Now);
        Assert.False(checkIn.NeedsAttention);
        Assert.Equal("check-in-closed", Assert.Throws<DomainException>(() => checkIn.Answer(CheckInOutcome.NeedsCall, Now)).Code);
        Assert.Equal("check-in-invalid", Assert.Throws<DomainException>(() => checkIn.MarkAlerted(Now)).Code);
    }

    [Fact]
    public void ACheckIn_UnansweredInTime_NeedsAttention_AndIsAlertedOnce()
    {
        var checkIn = StayCheckIn.Send(In(StayStatus.Confirmed), Now, Now + Day);
        Assert.Equal("check-in-invalid", Assert.Throws<DomainException>(() => checkIn.Answer(CheckInOutcome.Unanswered, Now)).Code);
        Assert.True(checkIn.LapseIfDue(Now + Day));
        Assert.Equal(CheckInOutcome.Unanswered, checkIn.Outcome);
        Assert.True(checkIn.NeedsAttention);
        checkIn.MarkAlerted(Now + Day);
        checkIn.MarkAlerted(Now + Day + Day);
        Assert.Equal(Now + Day, checkIn.AlertedAt);
    }

    [Theory]
    [InlineData("", "+33655555555")]
    [InlineData("Odile", "0655555555")]
    public void AReferent_NeedsANameAndAnE164Phone(string name, string phone)
    {
        var guest = StayGuest.Create(Guid.NewGuid(), March1, null, ["bretagne"], "Base", new(48.9, 2.36), Now);
        Assert.Equal("referent-invalid", Assert.Throws<DomainException>(() => guest.AssignReferent(name, phone, Now)).Code);
    }
}
