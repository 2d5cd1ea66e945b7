using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Stays;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Demo;

/// <summary>
/// Loads a generated stays programme: Bretagne and Île-de-France, <paramref name="Hosts"/> hosts offering periods over
/// the 8 weeks from <paramref name="From"/>, <paramref name="Guests"/> guests (teenagers, families, vulnerable adults).
/// Same seed, same programme. Safe to run again: hosts are matched by code, and guests are added only once.
/// </summary>
public sealed record LoadDemoStays(LocalDate From, int Seed = 1, int Hosts = 60, int Guests = 30) : ICommand<DemoStaysReport>;

public sealed record DemoStaysReport(int HostsCreated, int HostsKept, int GuestsCreated, bool AlreadyLoaded);

public sealed class LoadDemoStaysHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<LoadDemoStays, DemoStaysReport>
{
    /// <summary>Demo stays hosts' phones: the fiction range, above the Paris night's.</summary>
    private const int PhoneBase = 90000;

    private static readonly (string Region, string Town, double Latitude, double Longitude)[] Towns =
    [
        ("bretagne", "Rennes", 48.1173, -1.6778), ("bretagne", "Brest", 48.3904, -4.4861), ("bretagne", "Quimper", 47.9960, -4.1024),
        ("bretagne", "Saint-Brieuc", 48.5141, -2.7603), ("bretagne", "Vannes", 47.6582, -2.7608),
        ("ile-de-france", "Montreuil", 48.8638, 2.4485), ("ile-de-france", "Saint-Denis", 48.9362, 2.3574),
        ("ile-de-france", "Paris 11e", 48.8590, 2.3800), ("ile-de-france", "Versailles", 48.8049, 2.1204),
    ];

    private static readonly string[] Names = ["Anne", "Yann", "Gwen", "Loïc", "Maëlle", "Erwan", "Sophie", "Karim", "Inès", "Paul", "Lucie", "Tom"];

    public async ValueTask<DemoStaysReport> Handle(LoadDemoStays command, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var random = new Random(command.Seed);
        var from = command.From;
        var created = 0;
        var codes = Enumerable.Range(1, command.Hosts).Select(i => $"st-{i:000}").ToList();
        var existing = await db.Hosts.Where(h => codes.Contains(h.Code)).Select(h => h.Code).ToListAsync(cancellationToken);
        for (var i = 0; i < command.Hosts; i++)
        {
            var town = Towns[random.Next(Towns.Length)];
            var minors = random.NextDouble() < 0.45;
            var accepts = minors ? new[] { HouseholdCategory.Minor } : random.NextDouble() < 0.6
                ? [HouseholdCategory.Family, HouseholdCategory.Women] : [HouseholdCategory.Men, HouseholdCategory.Women];
            // Two or three periods over the eight weeks, with gaps: hosts give limited periods.
            var periods = new List<NightPeriod>();
            var start = from.PlusDays(random.Next(0, 10));
            while (start < from.PlusDays(56) && periods.Count < 3)
            {
                var until = start.PlusDays(random.Next(14, 36));
                periods.Add(NightPeriod.Create(start, until));
                start = until.PlusDays(random.Next(3, 15));
            }

            if (existing.Contains(codes[i]))
            {
                continue;
            }

            var host = Host.Create(codes[i], Names[random.Next(Names.Length)], $"{ParisNightGenerator.FictionPhonePrefix}{PhoneBase + i}", Language.Fr,
                new(town.Latitude + (random.NextDouble() - 0.5) * 0.1, town.Longitude + (random.NextDouble() - 0.5) * 0.1),
                $"{1 + random.Next(80)} rue de la Gare, {town.Town}", random.Next(1, 4), 1, accepts, minors, random.NextDouble() < 0.15,
                Agreement.Create(from.PlusDays(-200), from.PlusDays(-180), from.PlusDays(random.NextDouble() < 0.1 ? 30 : 365)), now);
            host.TakePartIn(HostProgrammes.Stays, town.Region);
            host.SetStaysAvailability(periods, random.NextDouble() < 0.3 ? 21 : 28);
            host.SetCertificateExpiry(minors && random.NextDouble() < 0.2 ? from.PlusDays(random.Next(10, 40)) : null);
            db.Hosts.Add(host);
            created++;
        }

        var alreadyLoaded = await db.Households.AnyAsync(h => h.Alias.StartsWith("Séjour "), cancellationToken);
        var guests = 0;
        if (!alreadyLoaded)
        {
            for (var g = 0; g < command.Guests; g++)
            {
                var kind = random.NextDouble();
                var members = kind < 0.5
                    ? new List<Member> { new(random.Next(14, 18), random.NextDouble() < 0.8 ? Sex.Male : Sex.Female) }
                    : kind < 0.8
                        ? [new(random.Next(25, 45), Sex.Female), new(random.Next(2, 12), Sex.Male)]
                        : [new(random.Next(20, 60), random.NextDouble() < 0.5 ? Sex.Male : Sex.Female)];
                var household = Household.Create($"Séjour {g + 1:00}", members, vulnerable: kind >= 0.8 && random.NextDouble() < 0.5, false,
                    ["fr"], null, now);
                var regions = random.NextDouble() switch
                {
                    < 0.4 => new[] { "bretagne" },
                    < 0.7 => ["ile-de-france"],
                    _ => ["bretagne", "ile-de-france"],
                };
                var needFrom = from.PlusDays(random.Next(0, 21));
                LocalDate? needUntil = random.NextDouble() < 0.5 ? needFrom.PlusDays(random.Next(21, 50)) : null;
                db.Households.Add(household);
                db.StayGuests.Add(StayGuest.Create(household.Id, needFrom, needUntil, regions, "Porte de la Chapelle", new(48.8986, 2.3592), now));
                guests++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new DemoStaysReport(created, existing.Count, guests, alreadyLoaded);
    }
}
