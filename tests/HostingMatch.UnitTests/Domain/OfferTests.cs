using HostingMatch.Domain.Common;
using HostingMatch.Domain.Offers;
using NodaTime;

namespace HostingMatch.UnitTests.Domain;

public sealed class OfferTests
{
    private static readonly LocalDate Tonight = new(2026, 11, 26);
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 26, 18, 0);
    private static readonly Duration Timeout = Duration.FromMinutes(20);

    private static Offer NewOffer() => Offer.Create(Tonight, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now, Timeout);

    /// <summary>An offer driven to <paramref name="status"/> through allowed moves only.</summary>
    private static Offer In(OfferStatus status)
    {
        var offer = NewOffer();
        switch (status)
        {
            case OfferStatus.Accepted: offer.Accept(Now); break;
            case OfferStatus.Declined: offer.Decline(Now); break;
            case OfferStatus.Expired: offer.Expire(Now + Timeout); break;
            case OfferStatus.Cancelled: offer.Cancel(Now); break;
            case OfferStatus.Superseded: offer.Supersede(Now); break;
        }

        Assert.Equal(status, offer.Status);
        return offer;
    }

    /// <summary>Every status but open.</summary>
    public static TheoryData<OfferStatus> NotOpen() => new(Enum.GetValues<OfferStatus>().Where(s => s != OfferStatus.Open));

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Create_WhenTimeoutIsNotPositive_Throws(int minutes) =>
        Assert.Equal("offer-invalid", Assert.Throws<DomainException>(() =>
            Offer.Create(Tonight, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now, Duration.FromMinutes(minutes))).Code);

    [Fact]
    public void Create_OpensTheOfferUntilTheTimeoutIsUp()
    {
        var offer = NewOffer();
        Assert.Equal(OfferStatus.Open, offer.Status);
        Assert.Equal(Now + Timeout, offer.ExpiresAt);
        Assert.Null(offer.AnsweredAt);
    }

    [Fact]
    public void Accept_InTime_AcceptsAndRecordsWhen()
    {
        var offer = NewOffer();
        offer.Accept(Now + Duration.FromMinutes(5));
        Assert.Equal(OfferStatus.Accepted, offer.Status);
        Assert.Equal(Now + Duration.FromMinutes(5), offer.AnsweredAt);
    }

    [Fact]
    public void Accept_WhenOfferExpired_Throws()
    {
        var offer = NewOffer();
        Assert.Equal("offer-expired", Assert.Throws<DomainException>(() => offer.Accept(Now + Timeout)).Code);
        Assert.Equal(OfferStatus.Open, offer.Status);
    }

    [Theory]
    [MemberData(nameof(NotOpen))]
    public void Accept_WhenOfferIsNotOpen_Throws(OfferStatus status) =>
        Assert.Equal("offer-invalid-transition", Assert.Throws<DomainException>(() => In(status).Accept(Now)).Code);

    [Theory]
    [MemberData(nameof(NotOpen))]
    public void DeclineExpireAndSupersede_WhenOfferIsNotOpen_Throw(OfferStatus status)
    {
        var offer = In(status);
        Assert.Equal("offer-invalid-transition", Assert.Throws<DomainException>(() => offer.Decline(Now)).Code);
        Assert.Equal("offer-invalid-transition", Assert.Throws<DomainException>(() => offer.Expire(Now)).Code);
        Assert.Equal("offer-invalid-transition", Assert.Throws<DomainException>(() => offer.Supersede(Now)).Code);
        Assert.Equal(status, offer.Status);
    }

    [Theory]
    [InlineData(OfferStatus.Open)]
    [InlineData(OfferStatus.Accepted)]
    public void Cancel_WhenOpenOrAccepted_Cancels(OfferStatus status)
    {
        var offer = In(status);
        offer.Cancel(Now + Duration.FromMinutes(1));
        Assert.Equal(OfferStatus.Cancelled, offer.Status);
        Assert.Equal(Now + Duration.FromMinutes(1), offer.AnsweredAt);
    }

    [Theory]
    [InlineData(OfferStatus.Declined)]
    [InlineData(OfferStatus.Expired)]
    [InlineData(OfferStatus.Cancelled)]
    [InlineData(OfferStatus.Superseded)]
    public void Cancel_WhenOfferIsClosed_Throws(OfferStatus status) =>
        Assert.Equal("offer-invalid-transition", Assert.Throws<DomainException>(() => In(status).Cancel(Now)).Code);

    [Theory]
    [InlineData(OfferStatus.Open, false)]
    [InlineData(OfferStatus.Accepted, false)]
    [InlineData(OfferStatus.Declined, true)]
    [InlineData(OfferStatus.Expired, true)]
    [InlineData(OfferStatus.Cancelled, true)]
    [InlineData(OfferStatus.Superseded, false)]
    public void ExcludesHost_OnlyWhenTheHostRefusedTheHousehold(OfferStatus status, bool excludes) =>
        Assert.Equal(excludes, In(status).ExcludesHost);

    [Fact]
    public void IsOverdueAt_FromTheDeadlineOn_AndOnlyWhileOpen()
    {
        var offer = NewOffer();
        Assert.False(offer.IsOverdueAt(Now + Timeout - Duration.FromSeconds(1)));
        Assert.True(offer.IsOverdueAt(Now + Timeout));
        Assert.False(In(OfferStatus.Accepted).IsOverdueAt(Now + Timeout));
    }

    [Fact]
    public void StartAnswerWindow_WhenTheSmsLeavesLate_GivesTheWholeTimeoutFromThen()
    {
        var offer = NewOffer();
        offer.StartAnswerWindow(Now + Duration.FromMinutes(7), Timeout);
        Assert.Equal(Now + Duration.FromMinutes(27), offer.ExpiresAt);
    }

    [Fact]
    public void StartAnswerWindow_NeverShortensTheWindow()
    {
        var offer = NewOffer();
        offer.StartAnswerWindow(Now, Duration.FromMinutes(5));
        Assert.Equal(Now + Timeout, offer.ExpiresAt);
    }

    [Fact]
    public void StartAnswerWindow_OnAClosedOffer_ChangesNothing()
    {
        var offer = In(OfferStatus.Declined);
        offer.StartAnswerWindow(Now + Duration.FromMinutes(7), Timeout);
        Assert.Equal(Now + Timeout, offer.ExpiresAt);
    }
}
