using HostingMatch.Application.Stays.Planner;
using NodaTime;

namespace HostingMatch.UnitTests.Stays;

/// <summary>
/// The listing of every chain within a cost of the cheapest (<c>ChainSearch.Within</c>), on which the planner's proofs
/// by enumeration rest: a chain missing from it could be the one a better plan needs. Checked against the exhaustive
/// search's own chains, priced here from the chain's stays, at random prices.
/// </summary>
public sealed class ChainListingTests
{
    [Fact]
    public void Within_OnTinyRandomProgrammes_ListsExactlyTheChainsWithinTheSlack()
    {
        var failures = new List<string>();
        var listed = 0;
        for (var seed = 0; seed < 120; seed++)
        {
            var file = RandomStays.Create(seed);
            var problem = new StaysProblem(file);
            var search = new ChainSearch(problem);
            var random = new Random(seed);
            for (var g = 0; g < file.Guests.Count; g++)
            {
                // Prices like the relaxation's duals: a reward per night, a cost per move and minute, some host-nights dear.
                var hostNight = new Dictionary<int, long>();
                for (var k = 0; k < 6; k++)
                {
                    hostNight[Occupancy.Key(random.Next(file.Hosts.Count), random.Next(problem.Days), problem.Days)] = random.Next(1, 40);
                }

                var pricing = new ChainPricing(MoveCost: random.Next(0, 30), hostNight, NightCost: -random.Next(0, 12), MinuteCost: random.Next(0, 3));
                var slack = (long)random.Next(0, 60);
                long Cost((List<(int Host, LocalDate From, LocalDate Until)> Stays, long[] Value) chain)
                {
                    var cost = (-chain.Value[3] * pricing.MoveCost) + (-chain.Value[4] * pricing.MinuteCost);
                    foreach (var (h, from, until) in chain.Stays)
                    {
                        for (var d = problem.Index(from); d < problem.Index(until); d++)
                        {
                            cost += pricing.NightCost + hostNight.GetValueOrDefault(Occupancy.Key(h, d, problem.Days));
                        }
                    }

                    return cost;
                }

                var all = StaysExhaustive.ChainsOf(file, g);
                var cheapest = all.Min(Cost);
                var expected = all.Where(c => Cost(c) <= cheapest + slack)
                    .Select(c => string.Join(';', c.Stays.Select(s => $"{s.Host},{problem.Index(s.From)},{problem.Index(s.Until)}")))
                    .Order(StringComparer.Ordinal).ToList();
                var within = search.Within(g, null, pricing, slack, limit: 100_000);
                if (within is null)
                {
                    failures.Add($"seed {seed} guest {g}: no listing");
                    continue;
                }

                var actual = within.Select(w => string.Join(';', w.Chain.Select(c => $"{c.Host},{c.From},{c.Until}")))
                    .Order(StringComparer.Ordinal).ToList();
                if (!actual.SequenceEqual(expected))
                {
                    failures.Add($"seed {seed} guest {g}: listed {actual.Count} [{string.Join(" | ", actual.Take(5))}], expected {expected.Count} [{string.Join(" | ", expected.Take(5))}]");
                }

                listed += actual.Count;
            }
        }

        Assert.Empty(failures);
        Assert.True(listed > 500, $"only {listed} chains listed: the prices leave too little to check");
    }

    [Fact]
    public void Within_AboveTheLimit_SaysItCannotListThemAll()
    {
        var file = RandomStays.Create(3);
        var problem = new StaysProblem(file);
        var search = new ChainSearch(problem);
        var free = new ChainPricing(0, new Dictionary<int, long>(), 0, 0);
        var g = Enumerable.Range(0, file.Guests.Count).First(g => StaysExhaustive.ChainsOf(file, g).Count > 3);

        Assert.Null(search.Within(g, null, free, slack: 0, limit: 2));
        Assert.Equal(StaysExhaustive.ChainsOf(file, g).Count, search.Within(g, null, free, slack: 0, limit: 100_000)!.Count);
    }
}
