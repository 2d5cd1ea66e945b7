using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Organisations;
using HostingMatch.Domain.Requests;
using HostingMatch.Domain.Transport;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.IntegrationTests.Persistence;

/// <summary>Every aggregate goes into PostgreSQL and comes back equal, through a fresh context.</summary>
public sealed class RoundTripTests : IAsyncLifetime
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 26, 17, 0);
    private static readonly LocalDate Tonight = new(2026, 11, 26);
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Host_WithAgreementAvailabilityAndOptOut_RoundTrips()
    {
        var host = Host.Create("h-1", "Claire", "+33612345678", Language.En, new GeoPoint(48.85, 2.35), "1 rue X", 3, 2,
            [HouseholdCategory.Women, HouseholdCategory.Family], true, true,
            Agreement.Create(new LocalDate(2026, 1, 10), new LocalDate(2026, 1, 15), new LocalDate(2027, 1, 14)), Now, "cat at home");
        host.SetWeeklyAvailability([IsoDayOfWeek.Monday, IsoDayOfWeek.Thursday], ArrivalWindow.Create(new LocalTime(20, 0), new LocalTime(0, 30)));
        host.SetAvailabilityOn(Tonight, false);
        host.OptOutOfSms(Now);
        await SaveAsync(host);

        await using var db = database.NewContext();
        var read = await db.Hosts.SingleAsync(h => h.Id == host.Id);
        Assert.Equal("Claire", read.DisplayName);
        Assert.Equal(Language.En, read.Language);
        Assert.Equal([HouseholdCategory.Family, HouseholdCategory.Women], read.Accepts.Order());
        Assert.Equal([IsoDayOfWeek.Monday, IsoDayOfWeek.Thursday], read.WeeklyDays);
        Assert.Equal(new LocalDate(2027, 1, 14), read.Agreement.ValidUntil);
        Assert.Equal(new LocalTime(0, 30), read.ArrivalWindow.Until);
        Assert.Equal([new AvailabilityException(Tonight, false)], read.Exceptions);
        Assert.Equal(Now, read.SmsOptedOutAt);
        Assert.False(read.CanHostOn(Tonight));
        Assert.NotEqual(0u, read.Version);
    }

    [Fact]
    public async Task HouseholdAndRequest_RoundTrip_WithDerivedCategory()
    {
        var org = Organisation.Create("Utopia 56", Now);
        var household = Household.Create("Famille B.", [new Member(35, Sex.Male), new Member(4, Sex.Female)], true, true, ["ps", "FR"], org.Id, Now);
        var request = ShelterRequest.Create(household.Id, Tonight, 3, Now);
        request.Propose(Guid.Empty, Now);
        request.ReturnToPool(Now);
        await SaveAsync(org, household, request);

        await using var db = database.NewContext();
        var readHousehold = await db.Households.SingleAsync(h => h.Id == household.Id);
        Assert.Equal([new Member(35, Sex.Male), new Member(4, Sex.Female)], readHousehold.Members);
        Assert.Equal(HouseholdCategory.Family, readHousehold.Category);
        Assert.Equal(["ps", "fr"], readHousehold.Languages);
        Assert.Equal(org.Id, readHousehold.ReferredBy);
        var readRequest = await db.Requests.SingleAsync(r => r.Id == request.Id);
        Assert.Equal(RequestStatus.Waiting, readRequest.Status);
        Assert.Equal(3, readRequest.NightsWithoutShelter);
        Assert.Equal("Utopia 56", (await db.Organisations.SingleAsync(o => o.Id == org.Id)).Name);
    }

    [Fact]
    public async Task BaseAndVan_RoundTrip()
    {
        var @base = Base.Create("Porte de la Chapelle", new GeoPoint(48.8986, 2.3592), new LocalTime(20, 15), Now);
        var van = Van.Create("Van 1", 8, @base.Id, Now);
        await SaveAsync(@base, van);

        await using var db = database.NewContext();
        var readBase = await db.Bases.SingleAsync();
        Assert.Equal(new GeoPoint(48.8986, 2.3592), readBase.Location);
        Assert.Equal(new LocalTime(20, 15), readBase.GatheringTime);
        Assert.Equal(8, (await db.Vans.SingleAsync()).Seats);
    }

    [Fact]
    public async Task TwoRequestsForOneHouseholdOnOneNight_AreRefusedByTheDatabase()
    {
        var household = Household.Create("M. C.", [new Member(40, Sex.Male)], false, false, [], null, Now);
        await SaveAsync(household, ShelterRequest.Create(household.Id, Tonight, 0, Now));
        await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(ShelterRequest.Create(household.Id, Tonight, 0, Now)));
    }

    private async Task SaveAsync(params object[] entities)
    {
        await using var db = database.NewContext();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }
}
