using HostingMatch.Domain.Households;
using HostingMatch.Domain.Organisations;
using HostingMatch.Domain.Referrals;
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
/// A database from before PhoneNumber's pattern ended with <c>\z</c> (575deba): <c>$</c> let "+33612345678\n" through, and it
/// was stored. Such a phone can no longer make an SMS (OutboundSms.Create refuses it), a host's reply is not found by it,
/// and the same escort could be registered twice for a night. The rows are written as they were then, with SQL: the
/// domain refuses these phones now.
/// </summary>
public sealed class PhoneLineEndMigrationTests : IAsyncLifetime
{
    private const string LastMigrationBefore = "20261206231330_RequestWithdrawnForStay";
    private static readonly LocalDate Night = new(2026, 12, 6);
    private static readonly Instant At1900 = Instant.FromUtc(2026, 12, 6, 18, 0);
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateEmptyAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task PhonesStoredWithALineEndLoseItAndAnEscortRegisteredTwiceIsKeptOnce()
    {
        var host = DomainBuilders.Host("h-nl", At1900);
        var organisation = Organisation.Create("Maraude Nord", At1900);
        var household = Household.Create("Famille N.", [new Member(35, Sex.Female)], false, false, [], null, At1900);
        var request = ShelterRequest.Create(household.Id, Night, 0, At1900);
        var referral = Referral.Create(request.Id, organisation.Id, "Inès", "+33611112222", At1900);
        var vehicle = NightVehicle.Create(Night, VehicleKind.Car, "Voiture de Léa", "Léa", "+33698765432", 3,
            new LocalTime(20, 0), new LocalTime(23, 0), At1900);
        var sami = NightEscort.Create(Night, "Sami", "+33611114444", At1900);
        var samiAgain = NightEscort.Create(Night, "Sami", "+33611115555", At1900 + Duration.FromMinutes(1));
        var nour = NightEscort.Create(Night, "Nour", "+33622223333", At1900);
        var sms = OutboundSms.Create(host.Phone, "Bonsoir Claire", SmsKind.Offer, host.Id, null, At1900);
        await using (var db = database.NewContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(LastMigrationBefore);
            db.AddRange(host, organisation, household, request, referral, vehicle, sami, samiAgain, nour, sms);
            await db.SaveChangesAsync();
            // The guest in SQL, with the columns stay_guests had then: today's model has more (referred_by_partner).
            var guestId = Guid.NewGuid();
            var at = At1900.ToDateTimeUtc();
            var night = Night.ToDateOnly();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO stay_guests (id, household_id, need_from, regions, waiting_at, latitude, longitude, created_at, updated_at, referent_name, referent_phone)
                VALUES ({guestId}, {household.Id}, {night}, ARRAY[]::text[], 'La base', 48.89, 2.36, {at}, {at}, 'Marc', '+33633334444')
                """);
            await db.Database.ExecuteSqlAsync($"UPDATE hosts SET phone = phone || chr(10)");
            await db.Database.ExecuteSqlAsync($"UPDATE referrals SET referrer_phone = referrer_phone || chr(10)");
            await db.Database.ExecuteSqlAsync($"UPDATE night_vehicles SET driver_phone = driver_phone || chr(10)");
            await db.Database.ExecuteSqlAsync($"UPDATE night_escorts SET phone = '+33611114444' || chr(10) WHERE id = {samiAgain.Id}");
            await db.Database.ExecuteSqlAsync($"UPDATE night_escorts SET phone = phone || chr(10) WHERE id = {nour.Id}");
            await db.Database.ExecuteSqlAsync($"UPDATE stay_guests SET referent_phone = referent_phone || chr(10)");
            await db.Database.ExecuteSqlAsync($"UPDATE outbound_sms SET \"to\" = \"to\" || chr(10)");
            Assert.Equal("+33612345678\n", await db.Hosts.Select(h => h.Phone).SingleAsync());
        }

        await using (var db = database.NewContext())
        {
            await db.Database.MigrateAsync();
        }

        await using var read = database.NewContext();
        Assert.Equal("+33612345678", await read.Hosts.Select(h => h.Phone).SingleAsync());
        Assert.Equal("+33611112222", await read.Referrals.Select(r => r.ReferrerPhone).SingleAsync());
        Assert.Equal("+33698765432", await read.NightVehicles.Select(v => v.DriverPhone).SingleAsync());
        Assert.Equal("+33633334444", await read.StayGuests.Select(g => g.ReferentPhone).SingleAsync());
        Assert.Equal("+33612345678", await read.OutboundSms.Select(m => m.To).SingleAsync());
        var escorts = await read.NightEscorts.Where(e => e.Night == Night).OrderBy(e => e.Phone).Select(e => new { e.Id, e.Phone }).ToListAsync();
        Assert.Equal([new { sami.Id, Phone = "+33611114444" }, new { nour.Id, Phone = "+33622223333" }], escorts);
    }
}
