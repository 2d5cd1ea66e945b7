using System.Globalization;
using HostingMatch.Application.Matching;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Households;
using NodaTime;
using HostingMatch.Application.Matching.Engine;

namespace HostingMatch.Application.Demo;

/// <summary>
/// What the demo database knows of a host beyond the night file: never read by the matching.
/// </summary>
/// <param name="HostId">The host's id in the night file.</param>
/// <param name="FirstName">A first name to greet them by.</param>
/// <param name="Phone">
/// A French mobile number in E.164 from the range ARCEP reserves for fiction (06 39 98 00 00 to 06 39 98 99 99,
/// <see cref="ParisNightGenerator.FictionPhonePrefix"/>): no real phone can ever receive a demo's text.
/// </param>
/// <param name="Address">A postal address, one line.</param>
/// <param name="Language">The language of their messages: <c>fr</c> or <c>en</c>.</param>
public sealed record HostProfile(string HostId, string FirstName, string Phone, string Address, string Language);

/// <summary>One generated night and the profiles of its hosts, in the same order as <see cref="NightFile.Hosts"/>.</summary>
public sealed record GeneratedNight(NightFile Night, IReadOnlyList<HostProfile> Profiles);

/// <summary>
/// Realistic, deterministic nights for demos, tests and the benchmark. The same arguments always give
/// the same night (seeded <see cref="Random"/>, no clock).
/// </summary>
/// <remarks>
/// Hosts: spread over the city and its inner suburbs (about +-13 km) with one in twenty farther out,
/// some beyond the 60-minute limit; beds 1-6 (mostly 2-4); one household each, 15% two; accepted
/// categories from a few typical profiles; 15% certified for minors; 10% wheelchair accessible; 85%
/// available tonight; 5% of agreements expired. Households until the people count is reached: families
/// (mostly a mother with young children, so about half the people are under 10), lone minors,
/// women alone, men alone or in small groups; 10% of adult households vulnerable, 3% need a wheelchair,
/// 0-10 nights without shelter, 10% with a last host.
/// </remarks>
public static class ParisNightGenerator
{
    /// <summary>
    /// The start of every generated phone number: +33 6 39 98 then five digits is the block ARCEP reserves for
    /// audiovisual fiction, never given to a subscriber. The demo's guard (<c>demo load</c>, <c>demo sms</c>) reads a
    /// host with any other number as a real one.
    /// </summary>
    public const string FictionPhonePrefix = "+3363998";

    /// <summary>True for a number in the fiction range (<see cref="FictionPhonePrefix"/> and five digits).</summary>
    public static bool IsFictionPhone(string phone) =>
        phone.Length == FictionPhonePrefix.Length + 5 && phone.StartsWith(FictionPhonePrefix, StringComparison.Ordinal)
        && phone[FictionPhonePrefix.Length..].All(char.IsAsciiDigit);

    /// <summary>Porte de la Chapelle, where the Paris van leaves from.</summary>
    public static NightBase Paris { get; } = new("Porte de la Chapelle", new GeoPoint(48.8986, 2.3592));

    /// <summary>The default night of the demo.</summary>
    public static LocalDate DefaultNight { get; } = new(2026, 11, 26);

    /// <summary>Twenty French cities for the national network (Paris first).</summary>
    public static IReadOnlyList<NightBase> NetworkBases { get; } =
    [
        Paris,
        new("Lyon Part-Dieu", new GeoPoint(45.7606, 4.8593)),
        new("Marseille Saint-Charles", new GeoPoint(43.3026, 5.3806)),
        new("Toulouse Matabiau", new GeoPoint(43.6112, 1.4537)),
        new("Nice Ville", new GeoPoint(43.7046, 7.2619)),
        new("Nantes", new GeoPoint(47.2173, -1.5416)),
        new("Strasbourg", new GeoPoint(48.5850, 7.7350)),
        new("Montpellier", new GeoPoint(43.6045, 3.8806)),
        new("Bordeaux Saint-Jean", new GeoPoint(44.8257, -0.5563)),
        new("Lille Flandres", new GeoPoint(50.6365, 3.0707)),
        new("Rennes", new GeoPoint(48.1035, -1.6722)),
        new("Reims", new GeoPoint(49.2590, 4.0246)),
        new("Le Havre", new GeoPoint(49.4930, 0.1250)),
        new("Saint-Etienne", new GeoPoint(45.4434, 4.3994)),
        new("Toulon", new GeoPoint(43.1283, 5.9290)),
        new("Grenoble", new GeoPoint(45.1913, 5.7146)),
        new("Dijon", new GeoPoint(47.3233, 5.0273)),
        new("Angers", new GeoPoint(47.4645, -0.5572)),
        new("Nimes", new GeoPoint(43.8322, 4.3662)),
        new("Calais", new GeoPoint(50.9530, 1.8530)),
    ];

    private static readonly HouseholdCategory[][] AcceptProfiles =
    [
        [HouseholdCategory.Family, HouseholdCategory.Women],
        [HouseholdCategory.Family, HouseholdCategory.Women],
        [HouseholdCategory.Family, HouseholdCategory.Women, HouseholdCategory.Minor, HouseholdCategory.Men],
        [HouseholdCategory.Men],
        [HouseholdCategory.Women],
        [HouseholdCategory.Family],
        [HouseholdCategory.Minor, HouseholdCategory.Family],
        [HouseholdCategory.Men, HouseholdCategory.Women],
    ];

    private static readonly string[] FirstNames =
    [
        "Camille", "Julien", "Sophie", "Nicolas", "Claire", "Thomas", "Amina", "Karim", "Lucie", "Mathieu",
        "Nadia", "Pierre", "Elise", "Yann", "Fatou", "Hugo", "Marion", "Samir", "Chloe", "Antoine",
    ];

    private static readonly string[] Streets =
    [
        "rue de la Chapelle", "rue Marx Dormoy", "avenue de Flandre", "rue de Belleville", "boulevard Voltaire",
        "rue des Pyrenees", "avenue Jean Jaures", "rue du Faubourg Saint-Denis", "rue Ordener", "rue de Charonne",
        "avenue de la Republique", "rue Gabriel Peri", "rue Victor Hugo", "avenue Paul Vaillant-Couturier",
    ];

    /// <summary>One night around <paramref name="nightBase"/> (Paris by default).</summary>
    /// <param name="seed">Same seed, same night.</param>
    /// <param name="hosts">Number of hosts.</param>
    /// <param name="people">Number of people over all households (households are never split to reach it exactly; the last one is trimmed).</param>
    /// <param name="night">The night's date; <see cref="DefaultNight"/> when null.</param>
    /// <param name="nightBase">Where the van leaves from; <see cref="Paris"/> when null.</param>
    /// <param name="idPrefix">Prepended to every id, so that nights of several bases can share one database.</param>
    public static GeneratedNight Generate(int seed = 1, int hosts = 80, int people = 36, LocalDate? night = null,
        NightBase? nightBase = null, string idPrefix = "")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hosts);
        ArgumentOutOfRangeException.ThrowIfNegative(people);
        var random = new Random(seed);
        var date = night ?? DefaultNight;
        var at = nightBase ?? Paris;
        var hostList = new List<NightHost>(hosts);
        var profiles = new List<HostProfile>(hosts);
        var phones = new HashSet<string>();
        for (var k = 0; k < hosts; k++)
        {
            var id = $"{idPrefix}h-{k + 1:0000}";
            hostList.Add(NewHost(random, id, at.Location, date));
            profiles.Add(NewProfile(random, id, phones));
        }

        var households = new List<NightHousehold>();
        var remaining = people;
        while (remaining > 0)
        {
            var id = $"{idPrefix}hh-{households.Count + 1:0000}";
            var household = NewHousehold(random, id, remaining, hostList);
            households.Add(household);
            remaining -= household.People;
        }

        return new GeneratedNight(new NightFile(date, at, MatchingRules.Default, hostList, households), profiles);
    }

    /// <summary>
    /// A national network: <paramref name="bases"/> independent nights (one per city of <see cref="NetworkBases"/>,
    /// cycling if more), the hosts and people shared out evenly, ids prefixed <c>b01-</c>, <c>b02-</c>...
    /// </summary>
    public static IReadOnlyList<GeneratedNight> GenerateNetwork(int seed, int bases, int hosts, int people, LocalDate? night = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bases, 1);
        return Enumerable.Range(0, bases).Select(b => Generate(
            seed * 1000 + b,
            hosts / bases + (b < hosts % bases ? 1 : 0),
            people / bases + (b < people % bases ? 1 : 0),
            night,
            NetworkBases[b % NetworkBases.Count],
            $"b{b + 1:00}-")).ToList();
    }

    private static NightHost NewHost(Random random, string id, GeoPoint center, LocalDate night)
    {
        var far = random.NextDouble() < 0.05;
        var spreadLat = far ? 0.35 : 0.12;
        var spreadLon = far ? 0.5 : 0.18;
        var latitude = Math.Round(Math.Clamp(center.Latitude + ((random.NextDouble() * 2) - 1) * spreadLat, -90, 90), 5);
        var longitude = Math.Round(Math.Clamp(center.Longitude + ((random.NextDouble() * 2) - 1) * spreadLon, -180, 180), 5);
        var beds = Pick(random, [(1, 15), (2, 30), (3, 20), (4, 20), (5, 10), (6, 5)]);
        var maxHouseholds = beds >= 2 && random.NextDouble() < 0.15 ? 2 : 1;
        var accepts = AcceptProfiles[random.Next(AcceptProfiles.Length)].ToHashSet();
        var certified = accepts.Contains(HouseholdCategory.Minor) ? random.NextDouble() < 0.6 : random.NextDouble() < 0.03;
        var wheelchair = random.NextDouble() < 0.10;
        var available = random.NextDouble() < 0.85;
        var from = night.PlusDays(-random.Next(10, 400));
        var until = random.NextDouble() < 0.05 ? night.PlusDays(-random.Next(1, 60)) : from.PlusDays(365 + 30);
        if (until < night && from > until)
        {
            from = until.PlusDays(-365);
        }

        return new NightHost(id, new GeoPoint(latitude, longitude), beds, maxHouseholds, accepts, certified, wheelchair, available, from, until);
    }

    private static HostProfile NewProfile(Random random, string id, HashSet<string> taken)
    {
        // One draw, as before the fiction range, so that the rest of a seed's night is unchanged; the fiction range
        // holds 100,000 numbers, so step past one already given tonight (the SMS replies find their host by number).
        var draw = random.Next(0, 100_000);
        string phone;
        do
        {
            phone = FictionPhonePrefix + draw.ToString("00000", CultureInfo.InvariantCulture);
            draw = (draw + 1) % 100_000;
        }
        while (!taken.Add(phone));

        var address = $"{random.Next(1, 200)} {Streets[random.Next(Streets.Length)]}, 750{random.Next(1, 21):00} Paris";
        return new HostProfile(id, FirstNames[random.Next(FirstNames.Length)], phone, address, random.NextDouble() < 0.8 ? "fr" : "en");
    }

    private static NightHousehold NewHousehold(Random random, string id, int remaining, IReadOnlyList<NightHost> hosts)
    {
        var kind = Pick(random, [(0, 35), (1, 15), (2, 15), (3, 35)]);
        var members = new List<Member>();
        switch (kind)
        {
            case 0: // a family: a mother, sometimes a father, young children mostly
                members.Add(new Member(random.Next(20, 45), Sex.Female));
                if (random.NextDouble() < 0.35)
                {
                    members.Add(new Member(random.Next(22, 50), Sex.Male));
                }

                var children = Pick(random, [(1, 30), (2, 35), (3, 25), (4, 10)]);
                for (var c = 0; c < children; c++)
                {
                    members.Add(new Member(random.NextDouble() < 0.85 ? random.Next(0, 10) : random.Next(10, 18), random.NextDouble() < 0.5 ? Sex.Female : Sex.Male));
                }

                break;
            case 1: // unaccompanied minors
                var minors = random.NextDouble() < 0.75 ? 1 : 2;
                for (var m = 0; m < minors; m++)
                {
                    members.Add(new Member(random.Next(13, 18), random.NextDouble() < 0.8 ? Sex.Male : Sex.Female));
                }

                break;
            case 2: // women alone
                members.Add(new Member(random.Next(18, 60), Sex.Female));
                if (random.NextDouble() < 0.2)
                {
                    members.Add(new Member(random.Next(18, 60), Sex.Female));
                }

                break;
            default: // men, alone or a few together
                var men = Pick(random, [(1, 70), (2, 20), (3, 10)]);
                for (var m = 0; m < men; m++)
                {
                    members.Add(new Member(random.Next(18, 65), random.NextDouble() < 0.97 ? Sex.Male : Sex.Other));
                }

                break;
        }

        // The last household is trimmed to reach the people count exactly; its category is derived afterwards anyway.
        if (members.Count > remaining)
        {
            members = members.Take(remaining).ToList();
        }

        var adultsOnly = members.All(m => !m.IsMinor);
        return new NightHousehold(
            id,
            members,
            Vulnerable: adultsOnly && random.NextDouble() < 0.10,
            NeedsWheelchairAccess: random.NextDouble() < 0.03,
            NightsWithoutShelter: random.Next(0, 11),
            LastHostId: hosts.Count > 0 && random.NextDouble() < 0.10 ? hosts[random.Next(hosts.Count)].Id : null);
    }

    private static int Pick(Random random, (int Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        return choices[^1].Value;
    }
}
