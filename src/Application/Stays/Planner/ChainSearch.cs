using System.Globalization;
using HostingMatch.Domain.Households;

namespace HostingMatch.Application.Stays.Planner;

/// <summary>One guest's part of the objective: nights covered (maximised), then moves, then journey minutes (minimised).</summary>
internal readonly record struct ChainValue(long Nights, int Moves, long Minutes)
{
    /// <summary>True when this value is strictly better than <paramref name="other"/> in the lexicographic order.</summary>
    public bool IsBetterThan(ChainValue other) =>
        Nights != other.Nights ? Nights > other.Nights : Moves != other.Moves ? Moves < other.Moves : Minutes < other.Minutes;
}

/// <summary>
/// Prices for <see cref="ChainSearch.Best"/>, which then finds the cheapest chain, whatever its nights: its cost is
/// <see cref="MoveCost"/> per move, <see cref="MinuteCost"/> per journey minute, <see cref="NightCost"/> per night
/// covered and the price of every host-night it takes (<see cref="HostNightCost"/>, by <see cref="Occupancy.Key"/>).
/// A <see cref="MinuteCost"/> other than 0 is exact only where <see cref="ChainSearch.JourneysExact"/>.
/// </summary>
internal sealed record ChainPricing(long MoveCost, IReadOnlyDictionary<int, long> HostNightCost, long NightCost, long MinuteCost);

/// <summary>
/// The best chain of one guest alone, given the beds others already take (<see cref="Occupancy"/>): a shortest path
/// through "the morning <c>d</c>, after host <c>h</c>" states, a stay being one arc (every host, start and allowed
/// length: rules 1, 3-5, 7, 8 and maximal stays), an uncovered night another. Without occupancy it is the guest's own
/// optimum, which bounds what any plan can give it (<see cref="StaysBounds"/>). Nights and moves are always exact;
/// journey minutes are exact when the guest has at most <see cref="ExactJourneyHosts"/> compatible hosts, else the
/// path follows, at each morning, the three best states (and the origin) only.
/// </summary>
internal sealed class ChainSearch(StaysProblem problem)
{
    /// <summary>Above this many compatible hosts, the hosts-squared scan per morning would dominate: journeys become a heuristic.</summary>
    public const int ExactJourneyHosts = 64;

    private readonly int[] hostJourneys = InitJourneys(problem.File.Hosts.Count);

    public StaysProblem Problem { get; } = problem;

    /// <summary>True when <see cref="Best"/> gives guest <paramref name="g"/>'s minimal journeys, not only its nights and moves.</summary>
    public bool JourneysExact(int g) => Problem.Compatible[g].Length <= ExactJourneyHosts;

    /// <summary>
    /// The best chain of guest <paramref name="g"/> on the beds <paramref name="occupancy"/> leaves (null: every bed),
    /// never using the host-nights of <paramref name="forbidden"/> (keys of <see cref="Occupancy.Key"/>). With
    /// <paramref name="pricing"/>, the cheapest chain at those prices: the value's <c>Minutes</c> is its cost, <c>Nights</c> and <c>Moves</c> 0.
    /// </summary>
    /// <returns>Null when no chain keeps rule 8 there (the current stay cannot go on).</returns>
    public (List<Candidate> Chain, ChainValue Value)? Best(int g, Occupancy? occupancy = null, HashSet<int>? forbidden = null, ChainPricing? pricing = null) =>
        Search(g, occupancy, forbidden, pricing, graph: null);

    /// <summary>
    /// Every chain of guest <paramref name="g"/> whose cost at <paramref name="pricing"/> is at most the cheapest's plus
    /// <paramref name="slack"/> (in the pricing's units), cheapest first; null when there are more than
    /// <paramref name="limit"/> or the guest's graph is too large to hold (the caller then cannot rely on having them
    /// all). Exact whatever the number of hosts.
    /// </summary>
    public List<(List<Candidate> Chain, long Cost)>? Within(int g, Occupancy? occupancy, ChainPricing pricing, long slack, int limit)
    {
        var graph = new ChainGraph();
        if (Search(g, occupancy, forbidden: null, pricing, graph) is not { } best)
        {
            return [];
        }

        return graph.Enumerate(best.Value.Minutes + slack, limit);
    }

    private (List<Candidate> Chain, ChainValue Value)? Search(int g, Occupancy? occupancy, HashSet<int>? forbidden, ChainPricing? pricing, ChainGraph? graph)
    {
        var p = Problem;
        var start = p.Start[g];
        var end = p.End[g];
        if (end <= start)
        {
            return ([], default);
        }

        var hosts = p.Compatible[g];
        var n = hosts.Length;
        var slots = n + 1;
        var origin = n;
        var current = p.CurrentHost[g];
        var mandatory = p.MandatoryUntil[g];
        var days = end - start;
        var states = (days + 1) * slots * 2;
        var value = new ChainValue[states];
        var has = new bool[states];
        var parent = new int[states];
        var stayFrom = new int[states];
        int State(int t, int s, int f) => ((t * slots) + s) * 2 + f;
        // Recording the graph needs every arc, not the three best states' only.
        var exact = n <= ExactJourneyHosts || graph is not null;
        int StartNode(int t, int i) => states + (t * n) + i;
        graph?.Begin(states + (days * n), State(0, origin, 0), value, has);
        var days0 = p.Days;

        has[State(0, origin, 0)] = true;
        parent[State(0, origin, 0)] = -1;
        var top = new List<int>(8);
        for (var t = 0; t <= days; t++)
        {
            var d = start + t;

            // An uncovered night: not before the current stay's agreed morning (rule 8).
            if (t < days && d >= mandatory)
            {
                for (var s = 0; s < slots; s++)
                {
                    for (var f = 0; f < 2; f++)
                    {
                        var from = State(t, s, f);
                        if (has[from])
                        {
                            graph?.Arc(from, State(t + 1, s, 0), 0, default);
                            Relax(State(t + 1, s, 0), value[from], from, -1);
                        }
                    }
                }
            }

            if (t == days)
            {
                break;
            }

            if (!exact)
            {
                top.Clear();
                for (var s = 0; s < n; s++)
                {
                    for (var f = 0; f < 2; f++)
                    {
                        var state = State(t, s, f);
                        if (!has[state])
                        {
                            continue;
                        }

                        top.Add(state);
                        top.Sort((a, b) => value[a].IsBetterThan(value[b]) ? -1 : value[b].IsBetterThan(value[a]) ? 1 : a.CompareTo(b));
                        if (top.Count > 3)
                        {
                            top.RemoveAt(3);
                        }
                    }
                }

                top.Add(State(t, origin, 0));
            }

            for (var i = 0; i < n; i++)
            {
                var h = hosts[i];
                var ok = p.NightOk[g][h];
                if (!ok[d] || !Open(h, d))
                {
                    continue;
                }

                var continuing = p.IsContinuing(g, h, d);
                if (d < mandatory && !continuing)
                {
                    continue;
                }

                // The best state to leave from on morning d for a stay at h (never one that just left h: stays are maximal).
                var bestFrom = -1;
                var bestValue = default(ChainValue);
                void Consider(int s, int f)
                {
                    var state = State(t, s, f);
                    if (!has[state] || (s == i && f == 1))
                    {
                        return;
                    }

                    int moves;
                    int minutes;
                    if (s == origin)
                    {
                        moves = continuing || current < 0 ? 0 : 1;
                        minutes = continuing ? 0 : p.Journey(g, current, h);
                    }
                    else
                    {
                        moves = 1;
                        minutes = HostJourney(hosts[s], h);
                    }

                    var v = pricing is null
                        ? value[state] with { Moves = value[state].Moves + moves, Minutes = value[state].Minutes + minutes }
                        : value[state] with { Minutes = value[state].Minutes + (moves * pricing.MoveCost) + (minutes * pricing.MinuteCost) };
                    graph?.Arc(state, StartNode(t, i), v.Minutes - value[state].Minutes, default);
                    if (bestFrom < 0 || v.IsBetterThan(bestValue))
                    {
                        bestFrom = state;
                        bestValue = v;
                    }
                }

                if (continuing)
                {
                    Consider(origin, 0);
                }
                else if (exact)
                {
                    for (var s = 0; s < slots; s++)
                    {
                        Consider(s, 0);
                        Consider(s, 1);
                    }
                }
                else
                {
                    foreach (var state in top)
                    {
                        Consider(state / 2 % slots, state % 2);
                    }
                }

                if (bestFrom < 0)
                {
                    continue;
                }

                graph?.Reached(StartNode(t, i), bestValue.Minutes);
                var max = p.MaxNights(g, h, d);
                long priced = 0;
                for (var e = d + 1; e <= end && e - d <= max && ok[e - 1] && (e - 1 == d || Open(h, e - 1)); e++)
                {
                    priced += pricing is null ? 0 : pricing.NightCost + pricing.HostNightCost.GetValueOrDefault(Occupancy.Key(h, e - 1, days0));
                    if ((continuing && e < mandatory) || !p.LongEnough(g, h, d, e))
                    {
                        continue;
                    }

                    graph?.Arc(StartNode(t, i), State(e - start, i, 1), priced, new Candidate(g, h, d, e, continuing));
                    Relax(State(e - start, i, 1), pricing is null ? bestValue with { Nights = bestValue.Nights + (e - d) } : bestValue with { Minutes = bestValue.Minutes + priced }, bestFrom, d);
                }
            }
        }

        var final = -1;
        for (var s = 0; s < slots; s++)
        {
            for (var f = 0; f < 2; f++)
            {
                var state = State(days, s, f);
                if (has[state] && (final < 0 || value[state].IsBetterThan(value[final])))
                {
                    final = state;
                }
            }
        }

        if (final < 0)
        {
            return null;
        }

        if (graph is not null)
        {
            for (var s = 0; s < slots; s++)
            {
                graph.Final(State(days, s, 0));
                graph.Final(State(days, s, 1));
            }
        }

        var chain = new List<Candidate>();
        for (var state = final; parent[state] >= 0; state = parent[state])
        {
            if (stayFrom[state] >= 0)
            {
                var h = hosts[state / 2 % slots];
                var from = stayFrom[state];
                chain.Add(new Candidate(g, h, from, start + state / 2 / slots, p.IsContinuing(g, h, from)));
            }
        }

        chain.Reverse();
        return (chain, value[final]);

        bool Open(int h, int d) =>
            (occupancy is null || occupancy.Fits(g, h, d)) && (forbidden is null || !forbidden.Contains(Occupancy.Key(h, d, days0)));

        void Relax(int to, ChainValue v, int from, int stayStart)
        {
            if (!has[to] || v.IsBetterThan(value[to]))
            {
                has[to] = true;
                value[to] = v;
                parent[to] = from;
                stayFrom[to] = stayStart;
            }
        }
    }

    /// <summary>Guest <paramref name="g"/>'s own optimum: its best chain with every bed free.</summary>
    /// <exception cref="ArgumentException">When its current stay cannot go on as rule 8 requires (the reader rejects such files first).</exception>
    public (List<Candidate> Chain, ChainValue Value) Own(int g) =>
        Best(g) ?? throw new ArgumentException($"Guest {Problem.File.Guests[g].Id}: its current stay cannot go on as rule 8 requires.");

    /// <summary>A chain's identity, its stays (host, first night, morning of leaving), as a string to compare and hash.</summary>
    public static string Key(IEnumerable<Candidate> chain) =>
        string.Join(';', chain.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Host},{c.From},{c.Until}")));

    /// <summary>What <paramref name="chain"/> costs at <paramref name="pricing"/>, as <see cref="Best"/> counts it.</summary>
    public long Cost(int g, IReadOnlyList<Candidate> chain, ChainPricing pricing)
    {
        var value = Value(g, chain);
        var cost = (value.Moves * pricing.MoveCost) + (value.Minutes * pricing.MinuteCost);
        foreach (var c in chain)
        {
            for (var d = c.From; d < c.Until; d++)
            {
                cost += pricing.NightCost + pricing.HostNightCost.GetValueOrDefault(Occupancy.Key(c.Host, d, Problem.Days));
            }
        }

        return cost;
    }

    /// <summary>The value of a chain as <see cref="StaysPlanBuilder"/> counts it.</summary>
    public ChainValue Value(int g, IReadOnlyList<Candidate> chain)
    {
        var last = Problem.CurrentHost[g];
        var started = last >= 0;
        long nights = 0;
        var moves = 0;
        long minutes = 0;
        foreach (var c in chain)
        {
            minutes += c.ContinuesCurrent ? 0 : last < 0 ? Problem.Journey(g, -1, c.Host) : HostJourney(last, c.Host);
            moves += started && !c.ContinuesCurrent ? 1 : 0;
            started = true;
            last = c.Host;
            nights += c.Nights;
        }

        return new ChainValue(nights, moves, minutes);
    }

    private int HostJourney(int from, int to)
    {
        var key = (from * Problem.File.Hosts.Count) + to;
        if (hostJourneys[key] < 0)
        {
            hostJourneys[key] = Problem.Journey(0, from, to);
        }

        return hostJourneys[key];
    }

    private static int[] InitJourneys(int hosts)
    {
        var journeys = new int[hosts * hosts];
        Array.Fill(journeys, -1);
        return journeys;
    }
}

/// <summary>The beds, households and category taken at each host and night by a set of stays (rule 6).</summary>
internal sealed class Occupancy(StaysProblem problem)
{
    private readonly int days = problem.Days;
    private readonly int[] people = new int[problem.File.Hosts.Count * problem.Days];
    private readonly int[] households = new int[problem.File.Hosts.Count * problem.Days];
    private readonly HouseholdCategory[] category = new HouseholdCategory[problem.File.Hosts.Count * problem.Days];

    public static int Key(int h, int d, int days) => (h * days) + d;

    /// <summary>The beds the current stays of <paramref name="guests"/> must keep (rule 8).</summary>
    public static Occupancy Agreed(StaysProblem problem, IEnumerable<int> guests)
    {
        var occupancy = new Occupancy(problem);
        foreach (var g in guests)
        {
            occupancy.Add(problem.Agreed(g));
        }

        return occupancy;
    }

    /// <summary>Guest <paramref name="g"/> fits at host <paramref name="h"/> on night <paramref name="d"/> beside those already there.</summary>
    public bool Fits(int g, int h, int d)
    {
        var key = Key(h, d, days);
        var host = problem.File.Hosts[h];
        return households[key] == 0
            || (people[key] + problem.People[g] <= host.Beds && households[key] < host.MaxHouseholds && category[key] == problem.Category[g]);
    }

    public void Add(IEnumerable<Candidate> stays) => Change(stays, 1);

    public void Remove(IEnumerable<Candidate> stays) => Change(stays, -1);

    /// <summary>The host-nights of <paramref name="stays"/> where guest <paramref name="g"/> does not fit.</summary>
    public IEnumerable<int> Conflicts(int g, IEnumerable<Candidate> stays) =>
        stays.SelectMany(c => Enumerable.Range(c.From, c.Nights).Where(d => !Fits(g, c.Host, d)).Select(d => Key(c.Host, d, days)));

    private void Change(IEnumerable<Candidate> stays, int sign)
    {
        foreach (var c in stays)
        {
            for (var d = c.From; d < c.Until; d++)
            {
                var key = Key(c.Host, d, days);
                people[key] += sign * problem.People[c.Guest];
                households[key] += sign;
                category[key] = problem.Category[c.Guest];
            }
        }
    }
}

/// <summary>
/// The arcs of one guest's priced chain search, recorded as <see cref="ChainSearch"/> relaxes them, so that every chain
/// within a cost of the cheapest can be listed: a walk back from the last morning along arcs whose cost, added to the
/// cheapest way to their start, stays under the threshold (each path is one chain: states remember the host just left).
/// </summary>
internal sealed class ChainGraph
{
    private readonly List<(int From, int To, long Cost, Candidate Stay)> arcs = [];
    private readonly List<int> finals = [];
    private long[] cheapest = [];
    private bool[] reached = [];
    private ChainValue[] stateValues = [];
    private bool[] stateHas = [];
    private int root;
    private bool tooLarge;

    public void Begin(int nodes, int origin, ChainValue[] values, bool[] has)
    {
        cheapest = new long[nodes];
        reached = new bool[nodes];
        stateValues = values;
        stateHas = has;
        root = origin;
    }

    /// <summary>Beyond this many arcs (about 80 MB) the guest has too many hosts and nights for a listing to be worth it.</summary>
    private const int MaxArcs = 2_000_000;

    public void Arc(int from, int to, long cost, Candidate stay)
    {
        if (arcs.Count < MaxArcs)
        {
            arcs.Add((from, to, cost, stay));
        }
        else
        {
            tooLarge = true;
        }
    }

    /// <summary>A node that is not a state (the start of a stay) and the cheapest way to it.</summary>
    public void Reached(int node, long cost)
    {
        reached[node] = true;
        cheapest[node] = cost;
    }

    public void Final(int state) => finals.Add(state);

    public List<(List<Candidate> Chain, long Cost)>? Enumerate(long threshold, int limit)
    {
        if (tooLarge)
        {
            return null;
        }

        var states = stateValues.Length;
        bool Has(int node) => node < states ? stateHas[node] : reached[node];
        long Cheapest(int node) => node < states ? stateValues[node].Minutes : cheapest[node];

        // Incoming arcs per node, kept only when their start is reachable.
        var count = new int[cheapest.Length + 1];
        foreach (var a in arcs)
        {
            count[a.To + 1]++;
        }

        for (var i = 0; i < cheapest.Length; i++)
        {
            count[i + 1] += count[i];
        }

        var incoming = new int[arcs.Count];
        var fill = (int[])count.Clone();
        for (var k = 0; k < arcs.Count; k++)
        {
            incoming[fill[arcs[k].To]++] = k;
        }

        var found = new List<(List<Candidate> Chain, long Cost)>();
        var path = new List<Candidate>();
        var overflow = false;
        foreach (var end in finals.Where(f => Has(f) && Cheapest(f) <= threshold))
        {
            Walk(end, 0);
            if (overflow)
            {
                return null;
            }
        }

        return [.. found.OrderBy(f => f.Cost)];

        void Walk(int node, long suffix)
        {
            if (overflow)
            {
                return;
            }

            if (node == root)
            {
                if (found.Count >= limit)
                {
                    overflow = true;
                    return;
                }

                var chain = new List<Candidate>(path);
                chain.Reverse();
                found.Add((chain, suffix));
                return;
            }

            for (var k = count[node]; k < count[node + 1]; k++)
            {
                var (from, _, cost, stay) = arcs[incoming[k]];
                if (!Has(from) || Cheapest(from) + cost + suffix > threshold)
                {
                    continue;
                }

                var isStay = stay.Until > stay.From;
                if (isStay)
                {
                    path.Add(stay);
                }

                Walk(from, suffix + cost);
                if (isStay)
                {
                    path.RemoveAt(path.Count - 1);
                }
            }
        }
    }
}
