using HostingMatch.Domain.Common;
using HostingMatch.Domain.Requests;
using NodaTime;

namespace HostingMatch.UnitTests.Domain;

public sealed class ShelterRequestTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 26, 18, 0);

    private static readonly (RequestStatus From, RequestStatus To)[] AllowedMoves =
    [
        (RequestStatus.Waiting, RequestStatus.Proposed), (RequestStatus.Waiting, RequestStatus.Unplaced), (RequestStatus.Waiting, RequestStatus.Cancelled),
        (RequestStatus.Proposed, RequestStatus.Confirmed), (RequestStatus.Proposed, RequestStatus.Waiting), (RequestStatus.Proposed, RequestStatus.Cancelled),
        (RequestStatus.Unplaced, RequestStatus.Proposed), (RequestStatus.Unplaced, RequestStatus.Waiting), (RequestStatus.Unplaced, RequestStatus.Cancelled),
        (RequestStatus.Confirmed, RequestStatus.Delivered), (RequestStatus.Confirmed, RequestStatus.Waiting), (RequestStatus.Confirmed, RequestStatus.Cancelled),
    ];

    public static TheoryData<RequestStatus, RequestStatus> EveryPair()
    {
        var data = new TheoryData<RequestStatus, RequestStatus>();
        foreach (var from in Enum.GetValues<RequestStatus>())
        {
            foreach (var to in Enum.GetValues<RequestStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    /// <summary>Drives a new request to <paramref name="status"/> through allowed moves only.</summary>
    private static ShelterRequest In(RequestStatus status)
    {
        var request = ShelterRequest.Create(Guid.NewGuid(), new LocalDate(2026, 11, 26), 0, Now);
        switch (status)
        {
            case RequestStatus.Proposed: request.Propose(Guid.NewGuid(), Now); break;
            case RequestStatus.Confirmed: request.Propose(Guid.NewGuid(), Now); request.Confirm(Now); break;
            case RequestStatus.Delivered: request.Propose(Guid.NewGuid(), Now); request.Confirm(Now); request.MarkDelivered(Now); break;
            case RequestStatus.Unplaced: request.MarkUnplaced(UnplacedReason.TooLarge, "No host has 7 beds tonight.", Now); break;
            case RequestStatus.Cancelled: request.Cancel(Now); break;
        }

        Assert.Equal(status, request.Status);
        return request;
    }

    private static void Move(ShelterRequest request, RequestStatus to)
    {
        switch (to)
        {
            case RequestStatus.Waiting: request.ReturnToPool(Now); break;
            case RequestStatus.Proposed: request.Propose(Guid.NewGuid(), Now); break;
            case RequestStatus.Confirmed: request.Confirm(Now); break;
            case RequestStatus.Delivered: request.MarkDelivered(Now); break;
            case RequestStatus.Unplaced: request.MarkUnplaced(UnplacedReason.Outranked, "Beds went to families.", Now); break;
            case RequestStatus.Cancelled: request.Cancel(Now); break;
        }
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Move_IsAllowedExactlyWhenTheTableSaysSo(RequestStatus from, RequestStatus to)
    {
        var request = In(from);
        var allowed = AllowedMoves.Contains((from, to)) || (from == RequestStatus.Unplaced && to == RequestStatus.Unplaced);

        if (allowed)
        {
            Move(request, to);
            Assert.Equal(to, request.Status);
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => Move(request, to));
            Assert.Equal("request-invalid-transition", error.Code);
            Assert.Equal(from, request.Status);
        }
    }

    [Fact]
    public void ReturnToPool_ForgetsTheHost()
    {
        var request = In(RequestStatus.Proposed);
        request.ReturnToPool(Now);
        Assert.Null(request.HostId);
    }

    [Fact]
    public void Propose_AfterUnplaced_ClearsTheReason()
    {
        var request = In(RequestStatus.Unplaced);
        request.Propose(Guid.NewGuid(), Now);
        Assert.Null(request.UnplacedReason);
        Assert.NotNull(request.HostId);
    }

    [Fact]
    public void ProposeTo_WhenProposedElsewhere_TakesTheProposalBackFirst()
    {
        var request = In(RequestStatus.Proposed);
        var host = Guid.NewGuid();
        request.ProposeTo(host, Now + Duration.FromMinutes(1));
        Assert.Equal(RequestStatus.Proposed, request.Status);
        Assert.Equal(host, request.HostId);
        Assert.Equal(Now + Duration.FromMinutes(1), request.UpdatedAt);
    }

    [Fact]
    public void ProposeTo_TheSameHostAgain_ChangesNothing()
    {
        var request = In(RequestStatus.Proposed);
        var host = request.HostId!.Value;
        request.ProposeTo(host, Now + Duration.FromMinutes(1));
        Assert.Equal(host, request.HostId);
        Assert.Equal(Now, request.UpdatedAt);
    }

    [Theory]
    [InlineData(RequestStatus.Waiting)]
    [InlineData(RequestStatus.Unplaced)]
    public void ProposeTo_FromThePool_Proposes(RequestStatus from)
    {
        var request = In(from);
        var host = Guid.NewGuid();
        request.ProposeTo(host, Now);
        Assert.Equal(RequestStatus.Proposed, request.Status);
        Assert.Equal(host, request.HostId);
    }

    [Theory]
    [InlineData(RequestStatus.Confirmed)]
    [InlineData(RequestStatus.Delivered)]
    [InlineData(RequestStatus.Cancelled)]
    public void ProposeTo_WhenPlacedOrWithdrawn_Throws(RequestStatus from) =>
        Assert.Equal("request-invalid-transition", Assert.Throws<DomainException>(() => In(from).ProposeTo(Guid.NewGuid(), Now)).Code);

    [Theory]
    [InlineData(RequestStatus.Waiting)]
    [InlineData(RequestStatus.Proposed)]
    [InlineData(RequestStatus.Unplaced)]
    public void LeaveUnplaced_FromThePoolOrAProposal_RecordsTheReasonAndForgetsTheHost(RequestStatus from)
    {
        var request = In(from);
        request.LeaveUnplaced(UnplacedReason.Outranked, "Beds went to families.", Now);
        Assert.Equal(RequestStatus.Unplaced, request.Status);
        Assert.Equal("outranked", request.UnplacedReason);
        Assert.Equal("Beds went to families.", request.UnplacedDetail);
        Assert.Null(request.HostId);
    }

    [Theory]
    [InlineData(RequestStatus.Confirmed)]
    [InlineData(RequestStatus.Delivered)]
    [InlineData(RequestStatus.Cancelled)]
    public void LeaveUnplaced_WhenPlacedOrWithdrawn_Throws(RequestStatus from) =>
        Assert.Equal("request-invalid-transition",
            Assert.Throws<DomainException>(() => In(from).LeaveUnplaced(UnplacedReason.TooLarge, "No host has 7 beds tonight.", Now)).Code);

    [Fact]
    public void Create_WithNegativeNightsWithoutShelter_Throws() =>
        Assert.Equal("request-invalid", Assert.Throws<DomainException>(() => ShelterRequest.Create(Guid.NewGuid(), new LocalDate(2026, 11, 26), -1, Now)).Code);

    [Fact]
    public void ARideIsPlannedOnlyToAProposedOrConfirmedHost_AndGoesWithThePlacement()
    {
        var request = ShelterRequest.Create(Guid.NewGuid(), new LocalDate(2026, 11, 26), 0, Now);
        var ride = new PlannedRide(PlannedRideWay.Vehicle, Now + Duration.FromHours(3), "Voiture de Léa", 1);

        Assert.Equal("request-not-placed", Assert.Throws<DomainException>(() => request.PlanRide(ride, Now)).Code);

        request.ProposeTo(Guid.NewGuid(), Now);
        request.PlanRide(ride, Now);
        Assert.Equal(ride, request.Ride);
        request.Confirm(Now);
        Assert.Equal(ride, request.Ride);

        request.ReturnToPool(Now);
        Assert.Null(request.Ride);
        request.LeaveUnplaced(UnplacedReason.NoRide, "no way tonight", Now);
        Assert.Null(request.Ride);
    }

    [Fact]
    public void WaitAgainAfterStay_WhenWithdrawnForAStay_WaitsWithItsNewNightsWithoutShelter()
    {
        var request = ShelterRequest.Create(Guid.NewGuid(), new LocalDate(2026, 11, 27), 1, Now);
        request.WithdrawForStay(Now);
        Assert.Equal(RequestStatus.Cancelled, request.Status);
        Assert.True(request.WithdrawnForStay);

        request.WaitAgainAfterStay(3, Now.Plus(Duration.FromHours(1)));

        Assert.Equal(RequestStatus.Waiting, request.Status);
        Assert.False(request.WithdrawnForStay);
        Assert.Equal(3, request.NightsWithoutShelter);
        Assert.Null(request.HostId);
    }

    [Theory]
    [InlineData(RequestStatus.Waiting)]
    [InlineData(RequestStatus.Proposed)]
    [InlineData(RequestStatus.Confirmed)]
    [InlineData(RequestStatus.Cancelled)]
    public void WaitAgainAfterStay_UnlessWithdrawnForAStay_Throws(RequestStatus status)
    {
        var request = In(status);

        var error = Assert.Throws<DomainException>(() => request.WaitAgainAfterStay(0, Now));

        Assert.Equal("request-invalid-transition", error.Code);
        Assert.Equal(status, request.Status);
    }
}
