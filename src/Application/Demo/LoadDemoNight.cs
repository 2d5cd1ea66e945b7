using System.Globalization;
using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Transport;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using HostingMatch.Domain.Households;
using ShelterRequest = HostingMatch.Domain.Requests.ShelterRequest;

namespace HostingMatch.Application.Demo;

/// <summary>
/// Loads one generated Paris night into the database: the base, a van, ~80 hosts (a few fetch their guests at the base),
/// the night's households, and the evening's transport (the van with its driver, two cars, two escorts).
/// Safe to run again: hosts are matched by code and left alone, and a night that already has requests is not
/// loaded twice.
/// </summary>
public sealed record LoadDemoNight(LocalDate Night, int Seed = 1, int Hosts = 80, int People = 36) : ICommand<DemoLoadReport>;

/// <summary><paramref name="VehiclesRegistered"/>: the night's transport registered by this load (0 when the night already had some).</summary>
public sealed record DemoLoadReport(LocalDate Night, int HostsCreated, int HostsKept, int RequestsCreated, bool NightAlreadyLoaded,
    int VehiclesRegistered = 0);

public sealed class LoadDemoNightHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<LoadDemoNight, DemoLoadReport>
{
    /// <summary>Weekly patterns hosts actually give.</summary>
    private static readonly IsoDayOfWeek[][] Patterns =
    [
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Thursday],
        [IsoDayOfWeek.Tuesday, IsoDayOfWeek.Friday, IsoDayOfWeek.Sunday],
        [IsoDayOfWeek.Wednesday, IsoDayOfWeek.Saturday],
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday],
    ];

    private static readonly string[] FamilyInitials = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "R", "S", "T", "Y", "Z"];

    public async ValueTask<DemoLoadReport> Handle(LoadDemoNight command, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var generated = ParisNightGenerator.Generate(command.Seed, command.Hosts, command.People, command.Night);
        var night = generated.Night;

        if (!await db.Bases.AnyAsync(cancellationToken))
        {
            var @base = Base.Create(night.Base.Name ?? "Base", night.Base.Location, new LocalTime(20, 0), now);
            db.Bases.Add(@base);
            db.Vans.Add(Van.Create("Van 1", 8, @base.Id, now));
        }

        var codes = night.Hosts.Select(h => h.Id).ToList();
        var existing = await db.Hosts.Where(h => codes.Contains(h.Code)).ToDictionaryAsync(h => h.Code, cancellationToken);
        var hostIds = new Dictionary<string, Guid>();
        var created = 0;
        foreach (var (h, i) in night.Hosts.Select((h, i) => (h, i)))
        {
            if (existing.TryGetValue(h.Id, out var kept))
            {
                hostIds[h.Id] = kept.Id;
                continue;
            }

            var profile = generated.Profiles[i];
            var host = Host.Create(h.Id, profile.FirstName, profile.Phone, profile.Language == "en" ? Language.En : Language.Fr,
                h.Location, profile.Address, h.Beds, h.MaxHouseholds, h.Accepts, h.MinorsCertified, h.WheelchairAccessible,
                Agreement.Create(h.AgreementValidFrom, h.AgreementValidFrom, h.AgreementValidUntil), now);
            host.SetWeeklyAvailability(Patterns[i % Patterns.Length],
                ArrivalWindow.Create(new LocalTime(19 + (i % 3), 30 * (i % 2)), new LocalTime(23, 30)));
            // The generator decides who is free tonight; the pattern is the usual week around it.
            host.SetAvailabilityOn(command.Night, h.AvailableTonight);
            // A few hosts come to the base to fetch their guests (transport.md, way 2).
            host.FetchGuestsAtBase(i % 8 == 3);
            db.Hosts.Add(host);
            hostIds[h.Id] = host.Id;
            created++;
        }

        var alreadyLoaded = await db.Requests.AnyAsync(r => r.Night == command.Night, cancellationToken);
        var requests = 0;
        if (!alreadyLoaded)
        {
            foreach (var (h, i) in night.Households.Select((h, i) => (h, i)))
            {
                var household = Household.Create(Alias(h, i), h.Members, h.Vulnerable, h.NeedsWheelchairAccess,
                    i % 3 == 0 ? ["ps", "fr"] : i % 3 == 1 ? ["ar"] : ["ti", "en"], null, now);
                db.Households.Add(household);
                db.Requests.Add(ShelterRequest.Create(household.Id, command.Night, h.NightsWithoutShelter, now));
                requests++;
            }
        }

        var vehicles = 0;
        if (!await db.NightVehicles.AnyAsync(v => v.Night == command.Night, cancellationToken)
            && !await db.NightEscorts.AnyAsync(e => e.Night == command.Night, cancellationToken))
        {
            foreach (var vehicle in DemoTransport.Vehicles(command.Night, now))
            {
                db.NightVehicles.Add(vehicle);
                vehicles++;
            }

            foreach (var escort in DemoTransport.Escorts(command.Night, now))
            {
                db.NightEscorts.Add(escort);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new DemoLoadReport(command.Night, created, existing.Count, requests, alreadyLoaded, vehicles);
    }

    /// <summary>Aliases as coordinators write them: never a full name.</summary>
    private static string Alias(Matching.Engine.NightHousehold h, int index)
    {
        var initial = FamilyInitials[index % FamilyInitials.Length] + (index >= FamilyInitials.Length ? (index / FamilyInitials.Length + 1).ToString() : "");
        return h.Category switch
        {
            Domain.Households.HouseholdCategory.Family => $"Famille {initial}.",
            Domain.Households.HouseholdCategory.Minor => h.People == 1 ? $"Mineur {initial}." : $"Mineurs {initial}.",
            Domain.Households.HouseholdCategory.Women => h.People == 1 ? $"Mme {initial}." : $"Mmes {initial}.",
            _ => h.People == 1 ? $"M. {initial}." : $"Groupe {initial}.",
        };
    }
}

/// <summary>
/// The demo evening's transport (transport.md): the van with tonight's driver, two volunteers' cars that come for part of
/// the evening, two escorts for the metro. Phones in the range reserved for fiction, like the demo hosts'.
/// </summary>
internal static class DemoTransport
{
    public static IEnumerable<NightVehicle> Vehicles(LocalDate night, Instant now) =>
    [
        NightVehicle.Create(night, VehicleKind.Van, "Le camion", "Marc", Phone(99990), 8, new LocalTime(20, 30), new LocalTime(0, 30), now),
        NightVehicle.Create(night, VehicleKind.Car, "Voiture de Léa", "Léa", Phone(99991), 3, new LocalTime(21, 0), new LocalTime(23, 30), now),
        NightVehicle.Create(night, VehicleKind.Car, "Voiture de Karim", "Karim", Phone(99992), 4, new LocalTime(21, 30), new LocalTime(0, 30), now),
    ];

    public static IEnumerable<NightEscort> Escorts(LocalDate night, Instant now) =>
    [
        NightEscort.Create(night, "Sami", Phone(99993), now),
        NightEscort.Create(night, "Inès", Phone(99994), now),
    ];

    private static string Phone(int suffix) => ParisNightGenerator.FictionPhonePrefix + suffix.ToString("00000", CultureInfo.InvariantCulture);
}
