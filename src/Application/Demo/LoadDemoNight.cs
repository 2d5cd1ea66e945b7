using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Transport;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using HostingMatch.Domain.Households;
using ShelterRequest = HostingMatch.Domain.Requests.ShelterRequest;

namespace HostingMatch.Application.Demo;

/// <summary>
/// Loads one generated Paris night into the database: the base, a van, ~80 hosts and the night's households.
/// Safe to run again: hosts are matched by code and left alone, and a night that already has requests is not
/// loaded twice.
/// </summary>
public sealed record LoadDemoNight(LocalDate Night, int Seed = 1, int Hosts = 80, int People = 36) : ICommand<DemoLoadReport>;

public sealed record DemoLoadReport(LocalDate Night, int HostsCreated, int HostsKept, int RequestsCreated, bool NightAlreadyLoaded);

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

        await db.SaveChangesAsync(cancellationToken);
        return new DemoLoadReport(command.Night, created, existing.Count, requests, alreadyLoaded);
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
