using HostingMatch.Application.Matching;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Households;
using HostingMatch.Application.Matching.Engine;

namespace HostingMatch.UnitTests.Matching;

/// <summary>Small random nights (up to 8 households, 10 hosts) that hit every rule often.</summary>
internal static class RandomNights
{
    /// <param name="seed">The night's seed.</param>
    /// <param name="singleHouseholdHosts">Every host takes one household at most.</param>
    /// <param name="roomy">
    /// Many hosts, most taking two or three households and every category: nights where greedy often places
    /// everyone, so levels 5-6 decide between many plans (the <c>PlaceEveryoneMatcher</c> path).
    /// </param>
    public static (NightFile Night, MatchingOptions Options) Create(int seed, bool singleHouseholdHosts, bool roomy = false)
    {
        var random = new Random(seed);
        var tonight = NightBuilder.Tonight;
        var hostCount = roomy ? random.Next(6, 11) : random.Next(1, 11);
        var hosts = new List<NightHost>();
        for (var k = 0; k < hostCount; k++)
        {
            var accepts = NightBuilder.AllCategories.Where(_ => random.NextDouble() < (roomy ? 0.9 : 0.7)).ToHashSet();
            var expired = random.NextDouble() < 0.1;
            var inverted = random.NextDouble() < 0.05;
            hosts.Add(new NightHost(
                $"h-{k:00}",
                // Up to about 25 km away: with the rule limit drawn below, some hosts are out of reach.
                new GeoPoint(NightBuilder.BaseLocation.Latitude + random.NextDouble() * 0.2 - 0.1, NightBuilder.BaseLocation.Longitude + random.NextDouble() * 0.3 - 0.15),
                roomy ? random.Next(2, 8) : random.Next(0, 7),
                singleHouseholdHosts ? 1 : roomy ? random.Next(2, 4) : random.Next(1, 4),
                accepts,
                random.NextDouble() < 0.5,
                random.NextDouble() < 0.4,
                random.NextDouble() < 0.9,
                inverted ? tonight.PlusDays(5) : expired ? tonight.PlusDays(-100) : tonight.PlusDays(-random.Next(0, 3)),
                inverted ? tonight.PlusDays(-5) : expired ? tonight.PlusDays(-1) : tonight.PlusDays(random.Next(0, 3))));
        }

        // Host load drawn apart, so that every night keeps the hosts and households it had before host load existed.
        var load = new Random(~seed);
        var withLoad = load.NextDouble() < 0.7;
        for (var k = 0; k < hosts.Count && withLoad; k++)
        {
            // Few distinct recent-night counts, so that ties with travel and between hosts happen; some hosts at their limit.
            var limit = load.NextDouble() < 0.3 ? load.Next(1, 6) : (int?)null;
            hosts[k] = hosts[k] with
            {
                NightsHostedLast30 = load.NextDouble() < 0.4 ? 0 : load.Next(1, 9),
                MaxNightsPerMonth = limit,
                NightsHostedThisMonth = limit is { } max ? load.Next(Math.Max(0, max - 2), max + 1) : load.Next(0, 10),
            };
        }

        var householdCount = random.Next(1, 5) + random.Next(0, 5);
        var households = new List<NightHousehold>();
        for (var i = 0; i < householdCount; i++)
        {
            var size = random.Next(1, 5);
            var kind = random.Next(4);
            var members = Enumerable.Range(0, size).Select(j => kind switch
            {
                0 => new Member(random.Next(10, 18), random.NextDouble() < 0.5 ? Sex.Female : Sex.Male),
                1 => new Member(j == 0 ? random.Next(18, 50) : random.Next(0, 18), j == 0 ? Sex.Female : Sex.Male),
                2 => new Member(random.Next(18, 70), Sex.Female),
                _ => new Member(random.Next(18, 70), random.NextDouble() < 0.2 ? Sex.Other : random.NextDouble() < 0.3 ? Sex.Female : Sex.Male),
            }).ToList();
            households.Add(new NightHousehold(
                $"hh-{i:00}",
                members,
                random.NextDouble() < 0.15,
                random.NextDouble() < 0.15,
                random.Next(0, 6),
                random.NextDouble() < 0.3 ? hosts[random.Next(hosts.Count)].Id : null));
        }

        var rules = new MatchingRules(roomy ? random.Next(45, 61) : random.Next(20, 61), 25, 1.3);
        var night = new NightFile(tonight, new NightBase("base", NightBuilder.BaseLocation), rules, hosts, households);

        var exclusions = new HashSet<(string, string)>();
        if (random.NextDouble() < 0.3)
        {
            for (var e = 0; e < 3; e++)
            {
                exclusions.Add((households[random.Next(households.Count)].Id, hosts[random.Next(hosts.Count)].Id));
            }
        }

        var pins = new Dictionary<string, string>();
        if (random.NextDouble() < 0.25)
        {
            var h = households[random.Next(households.Count)];
            var allowed = hosts.Where(k => PlanChecker.Compatible(night, k, h, new MatchingOptions(Exclusions: exclusions)) && k.Beds >= h.Members.Count).ToList();
            if (allowed.Count > 0)
            {
                pins[h.Id] = allowed[random.Next(allowed.Count)].Id;
            }
        }

        return (night, new MatchingOptions(Exclusions: exclusions, Pins: pins));
    }
}
