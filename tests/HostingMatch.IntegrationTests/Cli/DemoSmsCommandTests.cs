using HostingMatch.Application.VanRuns;
using HostingMatch.Domain;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Requests;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using HostingMatch.Application.VanRuns.Planner;

namespace HostingMatch.IntegrationTests.Cli;

/// <summary>The demo night's SMS and van verbs, as processes, on their own database.</summary>
public sealed class DemoSmsCommandTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task DemoSmsRunsTheNightUntilItSettlesAndLeavesItConsistent()
    {
        Assert.Equal(0, (await RunAsync("demo", "load", "--night", "2026-11-26")).Exit);

        var (exit, stdout, stderr) = await RunAsync("demo", "sms", "--night", "2026-11-26", "--seed", "2");

        Assert.True(exit == 0, stderr);
        Assert.Contains("Round 1:", stdout);
        Assert.Contains("Summary of the night of 2026-11-26:", stdout);
        Assert.Contains("placed, tier", stdout);
        Assert.DoesNotContain(".;", stdout);
        await using var db = database.NewContext();
        var offers = await db.Offers.ToListAsync();
        var requests = await db.Requests.ToListAsync();
        Assert.Contains(offers, o => o.Status == OfferStatus.Declined || o.Status == OfferStatus.Expired);
        Assert.DoesNotContain(offers, o => o.Status == OfferStatus.Open);
        Assert.Equal(offers.Count(o => o.Status == OfferStatus.Accepted), requests.Count(r => r.Status == RequestStatus.Confirmed));
        Assert.Equal(offers.Count, await db.OutboundSms.CountAsync(m => m.Status == Domain.Sms.OutboundSmsStatus.Sent));
    }

    [Fact]
    public async Task DemoVansPlansTheSettledNightAsAtTwentyHundredThatEveningWhateverTheRealTime()
    {
        // A night already over by the real clock: planned from now, no trip could reach anyone.
        var night = new LocalDate(2026, 11, 19);
        Assert.Equal(0, (await RunAsync("demo", "load", "--night", "2026-11-19")).Exit);
        Assert.Equal(0, (await RunAsync("demo", "sms", "--night", "2026-11-19")).Exit);

        var (exit, stdout, stderr) = await RunAsync("demo", "vans", "--night", "2026-11-19");

        Assert.True(exit == 0, stderr);
        await using var db = database.NewContext();
        var plan = StoredVanPlan.From(await db.VanRunPlans.SingleAsync(p => p.Night == night));
        Assert.NotEmpty(plan.Trips);
        Assert.True(plan.Summary.PeopleDelivered > 0);
        var evening = Night.At(night, new LocalTime(20, 30)).ToInstant();
        Assert.All(plan.Trips, t => Assert.True(t.DepartAt.ToInstant() >= evening, $"{t.VanId} trip {t.Trip} leaves at {t.DepartAt}"));
        Assert.Contains($"{plan.Trips[0].VanId} trip 1: leaves {plan.Trips[0].DepartAt:HH:mm}", stdout);
        Assert.Contains($"{plan.Summary.PeopleDelivered} people delivered", stdout);

        // Every confirmed household is on a vehicle's trip (and its ride says that trip), or has another ride (its host fetches
        // it, an escort takes it), or its host is among the stops no ride serves; the command says which.
        var onTrips = plan.Trips.SelectMany(t => t.Stops.SelectMany(s => s.HouseholdIds).Select(h => (Household: h, t.VanId, t.Trip)))
            .ToDictionary(x => x.Household);
        var unservedHosts = plan.Unserved.Select(u => u.HostId).ToHashSet();
        var confirmed = await db.Requests.Where(r => r.Night == night && r.Status == RequestStatus.Confirmed).ToListAsync();
        Assert.NotEmpty(confirmed);
        Assert.All(confirmed, r =>
        {
            if (onTrips.TryGetValue(r.HouseholdId.ToString(), out var trip))
            {
                Assert.Equal((PlannedRideWay.Vehicle, trip.VanId, trip.Trip), (r.Ride!.Way, r.Ride.VehicleLabel, r.Ride.Trip));
            }
            else
            {
                Assert.True(r.Ride is { Way: not PlannedRideWay.Vehicle } || unservedHosts.Contains(r.HostId!.Value.ToString()), $"{r.HouseholdId} has no way to its bed");
            }
        });
        Assert.Contains(confirmed.All(r => r.Ride is not null) ? "Every confirmed household has its way to its bed tonight" : "no ride yet for", stdout);
    }

    private Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) =>
        CliProcess.RunAsync(database.ConnectionString, args);
}
