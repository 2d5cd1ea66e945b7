using HostingMatch.Domain.Common;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Placements;
using HostingMatch.Domain.Requests;
using NodaTime;

namespace HostingMatch.UnitTests.Domain;

public sealed class PlacementLifecycleTests
{
    private static readonly LocalDate Tonight = new(2026, 11, 26);
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 26, 18, 0);
    private static readonly Instant Later = Now + Duration.FromMinutes(5);
    private static readonly Guid HostId = Guid.NewGuid();

    /// <summary>A request proposed to <see cref="HostId"/> and its open offer.</summary>
    private static (ShelterRequest Request, Offer Offer) Proposed()
    {
        var request = ShelterRequest.Create(Guid.NewGuid(), Tonight, 0, Now);
        request.ProposeTo(HostId, Now);
        return (request, Offer.Create(Tonight, request.Id, request.HouseholdId, HostId, Now, Duration.FromMinutes(20)));
    }

    public static TheoryData<string> Closings() => ["decline", "expire", "cancel"];

    private static void Close(string how, Offer offer, ShelterRequest request, Instant now)
    {
        switch (how)
        {
            case "decline": PlacementLifecycle.Decline(offer, request, now); break;
            case "expire": PlacementLifecycle.Expire(offer, request, now); break;
            default: PlacementLifecycle.Cancel(offer, request, now); break;
        }
    }

    [Theory]
    [MemberData(nameof(Closings))]
    public void Close_WhenTheRequestWaitsOnTheHost_PutsTheHouseholdBackInThePool(string how)
    {
        var (request, offer) = Proposed();
        Close(how, offer, request, Later);
        Assert.True(offer.ExcludesHost);
        Assert.Equal(RequestStatus.Waiting, request.Status);
        Assert.Null(request.HostId);
    }

    [Theory]
    [MemberData(nameof(Closings))]
    public void Close_WhenTheRequestMovedToAnotherHost_LeavesTheRequestAlone(string how)
    {
        var (request, offer) = Proposed();
        var other = Guid.NewGuid();
        request.ProposeTo(other, Now);
        Close(how, offer, request, Later);
        Assert.Equal(RequestStatus.Proposed, request.Status);
        Assert.Equal(other, request.HostId);
    }

    [Fact]
    public void Cancel_AfterTheHostAccepted_PutsTheConfirmedHouseholdBackInThePool()
    {
        var (request, offer) = Proposed();
        Assert.True(PlacementLifecycle.Accept(offer, request, Now));
        PlacementLifecycle.Cancel(offer, request, Later);
        Assert.Equal(OfferStatus.Cancelled, offer.Status);
        Assert.Equal(RequestStatus.Waiting, request.Status);
    }

    [Fact]
    public void Close_WhenTheRequestIsNotTheOffers_Throws()
    {
        var (_, offer) = Proposed();
        var (stranger, _) = Proposed();
        Assert.Equal("placement-mismatch", Assert.Throws<DomainException>(() => PlacementLifecycle.Decline(offer, stranger, Later)).Code);
        Assert.Equal(OfferStatus.Open, offer.Status);
    }

    [Fact]
    public void Decline_WhenOfferAlreadyAccepted_ThrowsAndKeepsTheStay()
    {
        var (request, offer) = Proposed();
        PlacementLifecycle.Accept(offer, request, Now);
        Assert.Equal("offer-invalid-transition", Assert.Throws<DomainException>(() => PlacementLifecycle.Decline(offer, request, Later)).Code);
        Assert.Equal(RequestStatus.Confirmed, request.Status);
    }

    [Fact]
    public void Accept_WhenTheRequestWaitsOnTheHost_ConfirmsIt()
    {
        var (request, offer) = Proposed();
        Assert.True(PlacementLifecycle.Accept(offer, request, Later));
        Assert.Equal(OfferStatus.Accepted, offer.Status);
        Assert.Equal(RequestStatus.Confirmed, request.Status);
        Assert.Equal(HostId, request.HostId);
    }

    [Fact]
    public void Accept_WhenTheHouseholdWasPlacedElsewhere_SupersedesTheOffer()
    {
        var (request, offer) = Proposed();
        request.ProposeTo(Guid.NewGuid(), Now);
        Assert.False(PlacementLifecycle.Accept(offer, request, Later));
        Assert.Equal(OfferStatus.Superseded, offer.Status);
        Assert.Equal(RequestStatus.Proposed, request.Status);
    }

    [Fact]
    public void Accept_WhenTheRequestWasWithdrawn_SupersedesTheOffer()
    {
        var (request, offer) = Proposed();
        request.Cancel(Now);
        Assert.False(PlacementLifecycle.Accept(offer, request, Later));
        Assert.Equal(OfferStatus.Superseded, offer.Status);
    }

    [Fact]
    public void EnsureMovableByHand_WhenProposedWithoutAnOpenOffer_Allows()
    {
        var (request, offer) = Proposed();
        offer.Decline(Now);
        PlacementLifecycle.EnsureMovableByHand(request, [offer]);
    }

    [Fact]
    public void EnsureMovableByHand_WhenAnOfferIsOpen_Throws()
    {
        var (request, offer) = Proposed();
        Assert.Equal("offer-already-sent", Assert.Throws<DomainException>(() => PlacementLifecycle.EnsureMovableByHand(request, [offer])).Code);
    }

    [Fact]
    public void EnsureMovableByHand_WhenConfirmed_Throws()
    {
        var (request, offer) = Proposed();
        PlacementLifecycle.Accept(offer, request, Now);
        Assert.Equal("already-placed", Assert.Throws<DomainException>(() => PlacementLifecycle.EnsureMovableByHand(request, [offer])).Code);
    }

    [Fact]
    public void EnsureMovableByHand_WhenWithdrawn_Throws()
    {
        var request = ShelterRequest.Create(Guid.NewGuid(), Tonight, 0, Now);
        request.Cancel(Now);
        Assert.Equal("request-cancelled", Assert.Throws<DomainException>(() => PlacementLifecycle.EnsureMovableByHand(request, [])).Code);
    }
}
