using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Placements;
using HostingMatch.Domain.Sms;
using NodaTime;

namespace HostingMatch.UnitTests.Domain;

public sealed class NotAskedAgainTests
{
    private static readonly LocalDate Tonight = new(2026, 11, 26);
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 26, 18, 0);
    private static readonly Duration Timeout = Duration.FromMinutes(20);
    private static readonly Guid Host = Guid.NewGuid();
    private static readonly Guid Household = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();

    private static Offer AnOffer(Action<Offer>? close = null)
    {
        var offer = Offer.Create(Tonight, Guid.NewGuid(), Household, Host, Now, Timeout);
        close?.Invoke(offer);
        return offer;
    }

    private static Offer Expired() => AnOffer(o => o.Expire(Now + Timeout));

    /// <summary>The offer's SMS, handed to Twilio (with Twilio's later <paramref name="providerStatus"/>) or never sent.</summary>
    private static OutboundSms SmsOf(Offer offer, bool sent, string? providerStatus = "sent")
    {
        var sms = OutboundSms.Create("+33612345678", "Bonsoir", SmsKind.Offer, offer.HostId, offer.Id, Now);
        if (sent)
        {
            sms.Claim(Now, Now + Duration.FromMinutes(2));
            sms.MarkSent("SM1", "queued", Now);
            if (providerStatus is not null)
            {
                sms.RecordProviderStatus("SM1", providerStatus, Now);
            }
        }

        return sms;
    }

    [Fact]
    public void HostOutTonight_WhenTheHostDeclined_IsTrue() =>
        Assert.True(NotAskedAgain.HostOutTonight(AnOffer(o => o.Decline(Now)), []));

    [Theory]
    [InlineData("sent")]
    [InlineData("delivered")]
    [InlineData(null)]
    public void HostOutTonight_WhenTheOfferExpiredAfterItsSmsReachedTwilio_IsTrue(string? providerStatus)
    {
        var offer = Expired();
        Assert.True(NotAskedAgain.HostOutTonight(offer, [SmsOf(offer, sent: true, providerStatus)]));
    }

    [Theory]
    [InlineData("undelivered")]
    [InlineData("failed")]
    public void HostOutTonight_WhenTheExpiredOffersSmsWasReportedUndelivered_IsFalse(string providerStatus)
    {
        var offer = Expired();
        Assert.False(NotAskedAgain.HostOutTonight(offer, [SmsOf(offer, sent: true, providerStatus)]));
    }

    [Fact]
    public void HostOutTonight_WhenTheExpiredOffersSmsNeverLeft_IsFalse()
    {
        var offer = Expired();
        Assert.False(NotAskedAgain.HostOutTonight(offer, [SmsOf(offer, sent: false)]));
        Assert.False(NotAskedAgain.HostOutTonight(offer, []));
    }

    [Fact]
    public void HostOutTonight_CountsOnlyTheOffersOwnSms()
    {
        var offer = Expired();
        var another = AnOffer();
        Assert.False(NotAskedAgain.HostOutTonight(offer, [SmsOf(another, sent: true)]));
    }

    [Theory]
    [InlineData(OfferStatus.Open)]
    [InlineData(OfferStatus.Accepted)]
    [InlineData(OfferStatus.Cancelled)]
    [InlineData(OfferStatus.Superseded)]
    public void HostOutTonight_ForAnyOtherOffer_IsFalse(OfferStatus status)
    {
        var offer = AnOffer(o =>
        {
            switch (status)
            {
                case OfferStatus.Accepted: o.Accept(Now); break;
                case OfferStatus.Cancelled: o.Cancel(Now); break;
                case OfferStatus.Superseded: o.Supersede(Now); break;
            }
        });
        Assert.False(NotAskedAgain.HostOutTonight(offer, [SmsOf(offer, sent: true)]));
    }

    [Fact]
    public void Pairs_WhenTheHostDeclined_ExcludesItForEveryHousehold() =>
        Assert.Equal(new HashSet<(Guid, Guid)> { (Household, Host), (Other, Host) },
            NotAskedAgain.Pairs([AnOffer(o => o.Decline(Now))], [], [Household, Other]));

    [Fact]
    public void Pairs_WhenTheOfferWasCancelled_ExcludesOnlyItsOwnHousehold() =>
        Assert.Equal(new HashSet<(Guid, Guid)> { (Household, Host) },
            NotAskedAgain.Pairs([AnOffer(o => o.Cancel(Now))], [], [Household, Other]));

    [Fact]
    public void Pairs_WhenTheExpiredOffersSmsNeverLeft_ExcludesOnlyItsOwnHousehold()
    {
        var offer = Expired();
        Assert.Equal(new HashSet<(Guid, Guid)> { (Household, Host) }, NotAskedAgain.Pairs([offer], [SmsOf(offer, sent: false)], [Household, Other]));
    }

    [Fact]
    public void Pairs_WhenOffersAreOpenOrAccepted_ExcludesNobody() =>
        Assert.Empty(NotAskedAgain.Pairs([AnOffer(), AnOffer(o => o.Accept(Now))], [], [Household, Other]));
}
