using HostingMatch.Application.Matching.Engine;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Households;

namespace HostingMatch.Application.Demo;

/// <summary>What makes a generated hard night hard.</summary>
public enum HardNightKind
{
    /// <summary>
    /// A plan placing everyone is planted: some hosts are built around one to three households of one category,
    /// with exactly their people as beds and their number as households; the other hosts are small or refuse most
    /// categories. Greedy (biggest household first, nearest host with room) usually breaks the planted packing.
    /// </summary>
    Planted,

    /// <summary>The network's ordinary mix, but with hosts taking two or three households and fewer free beds than people.</summary>
    Tight,
}

/// <summary>
/// Nights that the Paris generator (<see cref="ParisNightGenerator"/>) rarely makes and real nights often are: hosts taking
/// two or three households, categories that may not mix there, tight beds, realistic household sizes (1 to 6) and
/// continuity (a quarter of the households come back to last night's host). For the benchmark and the property tests; the
/// same arguments always give the same night.
/// </summary>
public static class HardNightGenerator
{
    private static readonly HouseholdCategory[][] AcceptProfiles =
    [
        [HouseholdCategory.Family, HouseholdCategory.Women],
        [HouseholdCategory.Family, HouseholdCategory.Women, HouseholdCategory.Minor],
        [HouseholdCategory.Family, HouseholdCategory.Women, HouseholdCategory.Minor, HouseholdCategory.Men],
        [HouseholdCategory.Men],
        [HouseholdCategory.Men, HouseholdCategory.Women],
        [HouseholdCategory.Women],
        [HouseholdCategory.Family],
        [HouseholdCategory.Minor, HouseholdCategory.Family],
    ];

    /// <summary>One hard night around Porte de la Chapelle.</summary>
    /// <param name="seed">Same seed, same night.</param>
    /// <param name="hosts">Number of hosts.</param>
    /// <param name="people">Number of people (the last household is trimmed to reach it).</param>
    /// <param name="kind">What makes the night hard.</param>
    public static NightFile Generate(int seed, int hosts, int people, HardNightKind kind)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hosts);
        ArgumentOutOfRangeException.ThrowIfNegative(people);
        var random = new Random(seed);
        var night = ParisNightGenerator.DefaultNight;
        var households = new List<(List<Member> Members, bool Vulnerable, bool Wheelchair)>();
        for (var remaining = people; remaining > 0;)
        {
            var members = NewMembers(random);
            if (members.Count > remaining)
            {
                members = members.Take(remaining).ToList();
            }

            households.Add((members, random.NextDouble() < 0.08, random.NextDouble() < 0.03));
            remaining -= members.Count;
        }

        var hostList = new List<NightHost>(hosts);
        NightHost NewHost(int beds, int maxHouseholds, IEnumerable<HouseholdCategory> accepts, bool certified, bool wheelchair, bool available) =>
            new($"h-{hostList.Count + 1:0000}", Near(random), beds, maxHouseholds, accepts.ToHashSet(), certified, wheelchair, available,
                night.PlusDays(-random.Next(10, 300)), night.PlusDays(random.Next(1, 300)));

        var lastHost = new int[households.Count];
        Array.Fill(lastHost, -1);
        if (kind == HardNightKind.Planted)
        {
            // Households grouped by category, each group cut into runs of one to three that one host will hold exactly.
            var order = Enumerable.Range(0, households.Count).OrderBy(_ => random.Next()).ToList();
            var byCategory = order.GroupBy(h => Priority.Categorize(households[h].Members));
            foreach (var group in byCategory)
            {
                var list = group.ToList();
                for (var i = 0; i < list.Count && hostList.Count < hosts;)
                {
                    var take = Math.Min(list.Count - i, Pick(random, [(1, 30), (2, 45), (3, 25)]));
                    var run = list.GetRange(i, take);
                    i += take;
                    var accepts = AcceptProfiles[random.Next(AcceptProfiles.Length)].Append(group.Key);
                    var beds = run.Sum(h => households[h].Members.Count);
                    foreach (var h in run.Where(_ => random.NextDouble() < 0.25))
                    {
                        lastHost[h] = hostList.Count;
                    }

                    hostList.Add(NewHost(beds, take, accepts, group.Key == HouseholdCategory.Minor || random.NextDouble() < 0.3,
                        run.Any(h => households[h].Wheelchair) || random.NextDouble() < 0.1, available: true));
                }
            }

            // The rest: small hosts, or hosts refusing most households, or away tonight.
            while (hostList.Count < hosts)
            {
                var beds = Pick(random, [(1, 35), (2, 35), (3, 20), (4, 10)]);
                var accepts = random.NextDouble() < 0.5 ? [HouseholdCategory.Men] : AcceptProfiles[random.Next(AcceptProfiles.Length)];
                hostList.Add(NewHost(beds, beds >= 2 ? random.Next(1, 3) : 1, accepts, random.NextDouble() < 0.2, random.NextDouble() < 0.1,
                    available: random.NextDouble() < 0.6));
            }

            // Planted hosts would otherwise all come first: shuffle, renumber, and follow the last hosts.
            var position = Enumerable.Range(0, hostList.Count).OrderBy(_ => random.Next()).ToArray();
            var newIndex = new int[position.Length];
            for (var i = 0; i < position.Length; i++)
            {
                newIndex[position[i]] = i;
            }

            hostList = position.Select((old, i) => hostList[old] with { Id = $"h-{i + 1:0000}" }).ToList();
            for (var h = 0; h < lastHost.Length; h++)
            {
                lastHost[h] = lastHost[h] >= 0 ? newIndex[lastHost[h]] : -1;
            }
        }
        else
        {
            // Free beds about 0.85 of the people: someone is always left out, and who it is depends on the packing.
            var bedsLeft = (int)(people * 0.85);
            while (hostList.Count < hosts)
            {
                var available = bedsLeft > 0 && random.NextDouble() < 0.9;
                var beds = Pick(random, [(1, 10), (2, 25), (3, 25), (4, 20), (5, 12), (6, 8)]);
                var maxHouseholds = beds >= 2 ? Pick(random, [(1, 40), (2, 40), (3, 20)]) : 1;
                var accepts = AcceptProfiles[random.Next(AcceptProfiles.Length)];
                hostList.Add(NewHost(beds, maxHouseholds, accepts, accepts.Contains(HouseholdCategory.Minor) && random.NextDouble() < 0.7,
                    random.NextDouble() < 0.1, available));
                bedsLeft -= available ? beds : 0;
            }

            for (var h = 0; h < households.Count; h++)
            {
                lastHost[h] = random.NextDouble() < 0.25 && hostList.Count > 0 ? random.Next(hostList.Count) : -1;
            }
        }

        var nightHouseholds = households.Select((h, i) => new NightHousehold(
            $"hh-{i + 1:0000}",
            h.Members,
            h.Vulnerable && h.Members.All(m => !m.IsMinor),
            h.Wheelchair,
            random.Next(0, 11),
            lastHost[i] >= 0 ? hostList[lastHost[i]].Id : null)).ToList();
        return new NightFile(night, ParisNightGenerator.Paris, MatchingRules.Default, hostList, nightHouseholds);
    }

    private static List<Member> NewMembers(Random random)
    {
        var members = new List<Member>();
        switch (Pick(random, [(0, 35), (1, 15), (2, 15), (3, 35)]))
        {
            case 0: // a family: one or two parents, one to four children
                members.Add(new Member(random.Next(20, 45), Sex.Female));
                if (random.NextDouble() < 0.35)
                {
                    members.Add(new Member(random.Next(22, 50), Sex.Male));
                }

                for (var c = Pick(random, [(1, 35), (2, 35), (3, 20), (4, 10)]); c > 0; c--)
                {
                    members.Add(new Member(random.Next(0, 18), random.NextDouble() < 0.5 ? Sex.Female : Sex.Male));
                }

                break;
            case 1: // unaccompanied minors, alone or two or three together
                for (var m = Pick(random, [(1, 60), (2, 30), (3, 10)]); m > 0; m--)
                {
                    members.Add(new Member(random.Next(13, 18), random.NextDouble() < 0.8 ? Sex.Male : Sex.Female));
                }

                break;
            case 2: // women alone or together
                for (var w = Pick(random, [(1, 70), (2, 25), (3, 5)]); w > 0; w--)
                {
                    members.Add(new Member(random.Next(18, 60), Sex.Female));
                }

                break;
            default: // men, alone or a few together
                for (var m = Pick(random, [(1, 60), (2, 25), (3, 15)]); m > 0; m--)
                {
                    members.Add(new Member(random.Next(18, 65), random.NextDouble() < 0.97 ? Sex.Male : Sex.Other));
                }

                break;
        }

        return members;
    }

    /// <summary>Inside about 13 km of the base: always within the 60-minute limit, so the packing is what is hard.</summary>
    private static GeoPoint Near(Random random)
    {
        var center = ParisNightGenerator.Paris.Location;
        return new GeoPoint(
            Math.Round(center.Latitude + ((random.NextDouble() * 2) - 1) * 0.10, 5),
            Math.Round(center.Longitude + ((random.NextDouble() * 2) - 1) * 0.15, 5));
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
