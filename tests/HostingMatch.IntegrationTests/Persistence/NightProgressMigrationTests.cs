using HostingMatch.Application.VanRuns;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Requests;
using HostingMatch.Domain.Sms;
using HostingMatch.Domain.Transport;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

namespace HostingMatch.IntegrationTests.Persistence;

/// <summary>
/// A database from before the night's progress was stored and the van plan typed: after the migration, a night under way keeps
/// going (its progress is derived from its rows) and its stored plan reads back whole.
/// </summary>
public sealed class NightProgressMigrationTests : IAsyncLifetime
{
    private const string LastMigrationBefore = "20261126231812_RequestTransport";
    private static readonly LocalDate Tonight = new(2026, 11, 26);
    private static readonly Instant At1900 = Instant.FromUtc(2026, 11, 26, 18, 0);
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateEmptyAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task ANightUnderWayBeforeTheMigrationKeepsItsOffersItsVanPlanAndItsVanTimes()
    {
        var host = DomainBuilders.Host("h-mig", At1900);
        var household = Household.Create("Famille M.", [new Member(35, Sex.Female), new Member(4, Sex.Male)], false, false, [], null, At1900);
        var request = ShelterRequest.Create(household.Id, Tonight, 0, At1900);
        var offer = Offer.Create(Tonight, request.Id, household.Id, host.Id, At1900 + Duration.FromMinutes(5), Duration.FromMinutes(20));
        var vanTime = OutboundSms.Create(host.Phone, "Le camion arrive vers 21:05.", SmsKind.VanArrival, host.Id, null, At1900 + Duration.FromMinutes(70));
        // The plan as the column held it: the spec's JSON, written by the serializer the plans were stored with.
        var planned = new VanPlanBuilder(host.Id, household.Id).Plan;
        await using (var db = database.NewContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(LastMigrationBefore);
            // The host as the hosts table stood then: later migrations add columns the model now maps (the stays fields).
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO hosts (id, code, display_name, phone, language, latitude, longitude, address, beds, max_households,
                    minors_certified, wheelchair_accessible, agreement_signed_on, agreement_valid_from, agreement_valid_until,
                    arrival_from, arrival_until, created_at, accepts, weekly_days)
                VALUES ({host.Id}, {host.Code}, {host.DisplayName}, {host.Phone}, {"Fr"}, {48.85}, {2.35}, {host.Address}, {3}, {2},
                    {true}, {true}, {new LocalDate(2026, 1, 10)}, {new LocalDate(2026, 1, 15)}, {new LocalDate(2027, 1, 14)},
                    {new LocalTime(20, 0)}, {new LocalTime(23, 0)}, {At1900}, {new[] { "Family" }}, {Array.Empty<string>()})
                """);
            db.Add(household);
            await db.SaveChangesAsync();
            // The request too, in the columns it had then (later migrations add the ride's).
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO shelter_requests (id, household_id, night, status, nights_without_shelter, transport, host_id, created_at, updated_at)
                VALUES ({request.Id}, {household.Id}, {Tonight}, {request.Status.ToString()}, {request.NightsWithoutShelter},
                    {request.Transport.ToString()}, {request.HostId}, {request.CreatedAt}, {request.UpdatedAt})
                """);
            db.AddRange(offer, vanTime);
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO van_run_plans (id, night, planned_at, plan_json, told_arrivals)
                VALUES ({Guid.NewGuid()}, {Tonight}, {At1900 + Duration.FromMinutes(60)}, {VanPlanJson.Serialize(planned)}::jsonb, {"{}"}::jsonb)
                """);
        }

        await using (var db = database.NewContext())
        {
            await db.Database.MigrateAsync();
        }

        await using var read = database.NewContext();
        var progress = await read.NightProgress.SingleAsync(p => p.Night == Tonight);
        Assert.Equal(At1900 + Duration.FromMinutes(5), progress.OffersStartedAt);
        Assert.Equal(At1900 + Duration.FromMinutes(60), progress.VansPlannedAt);
        Assert.Equal(At1900 + Duration.FromMinutes(70), progress.VanTimesSentAt);

        var stored = await read.VanRunPlans.SingleAsync(p => p.Night == Tonight);
        Assert.Equal(VanPlanJson.Serialize(planned), VanPlanJson.Serialize(StoredVanPlan.From(stored)));
        Assert.Equal([planned.Trips[0].Trip], stored.DepartedBy(planned.Trips[0].DepartAt.ToInstant(), Duration.Zero).Select(t => t.Trip));
    }

    [Fact]
    public async Task ANightWithNothingStartedHasNoProgressRow()
    {
        await using (var db = database.NewContext())
        {
            await db.Database.MigrateAsync();
        }

        await using var read = database.NewContext();
        Assert.Empty(await read.NightProgress.ToListAsync());
    }

    /// <summary>A one-trip plan to the host, with a host the vans do not serve.</summary>
    private sealed class VanPlanBuilder(Guid hostId, Guid householdId)
    {
        private static readonly Offset Winter = Offset.FromHours(1);

        public HostingMatch.Application.VanRuns.Planner.VanPlan Plan { get; } = new(Tonight,
            [
                new(
                    "van-1", 1,
                    new LocalDateTime(2026, 11, 26, 20, 40).WithOffset(Winter),
                    new LocalDateTime(2026, 11, 26, 21, 30).WithOffset(Winter), 2,
                    [new(hostId.ToString(), [householdId.ToString()], 2, new LocalDateTime(2026, 11, 26, 21, 5).WithOffset(Winter))]),
            ],
            [new(Guid.NewGuid().ToString(), HostingMatch.Application.VanRuns.Planner.UnservedReason.TooLargeForVan, "11 people: more than any van's 9 seats.")],
            new(2, 50, 50, 12));
    }
}
