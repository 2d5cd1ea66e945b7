using HostingMatch.Domain.Transport;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

namespace HostingMatch.IntegrationTests.Persistence;

/// <summary>
/// A database from before labels were unique ignoring case: a night could hold "Voiture test" and "voiture TEST". The
/// case-insensitive index needs them apart, so the first registered keeps its label and the others are numbered.
/// </summary>
public sealed class VehicleLabelCaseMigrationTests : IAsyncLifetime
{
    private const string LastMigrationBefore = "20261207112602_PhonesWithoutLineEnds";
    private static readonly LocalDate Night = new(2026, 12, 7);
    private static readonly Instant At1900 = Instant.FromUtc(2026, 12, 7, 18, 0);
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateEmptyAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static NightVehicle Car(LocalDate night, string label, int minute) =>
        NightVehicle.Create(night, VehicleKind.Car, label, "Léa", "+33698765432", 3, new LocalTime(20, 0), new LocalTime(23, 0),
            At1900 + Duration.FromMinutes(minute));

    [Fact]
    public async Task LabelsEqualButForCaseOnANightAreNumberedAfterTheFirstAndTheIndexThenRefusesAnother()
    {
        var first = Car(Night, "Voiture test", 0);
        var second = Car(Night, "voiture TEST", 1);
        var third = Car(Night, "VOITURE TEST", 2);
        var otherNight = Car(Night.PlusDays(1), "voiture test", 3);
        await using (var db = database.NewContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(LastMigrationBefore);
            db.AddRange(third, second, first, otherNight);
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            await db.Database.MigrateAsync();
        }

        await using var read = database.NewContext();
        var labels = await read.NightVehicles.ToDictionaryAsync(v => v.Id, v => v.Label);
        Assert.Equal("Voiture test", labels[first.Id]);
        Assert.Equal("voiture TEST (2)", labels[second.Id]);
        Assert.Equal("VOITURE TEST (3)", labels[third.Id]);
        Assert.Equal("voiture test", labels[otherNight.Id]);
        read.NightVehicles.Add(Car(Night, "VOITURE test", 4));
        await Assert.ThrowsAsync<DbUpdateException>(() => read.SaveChangesAsync());
    }
}
