namespace HostingMatch.Application.VanRuns.Planner;

/// <summary>
/// A people-maximising construction made outside the routing search, to seed it. Candidate trips are the small
/// sets of stops (up to <see cref="MaxStopsPerTrip"/>) that fit the seats, each in its quickest order that meets
/// the windows without waiting on the way, with the range of boarding minutes that allows. A beam search then builds
/// the evening trip by trip (the van ready first takes the next trip, at the earliest its range allows; a van with no
/// trip left is done), keeping at each step the partial plans with the most people for the van-minutes they have used
/// (people − rate·minutes, a pass per <see cref="Passes"/> entry), and returns the plan with the most people, then fewest
/// person-minutes.
/// The result is valid: a van running its trips back to back at the earliest only arrives sooner, and waits for a
/// window that is not yet open. (A CP-SAT model of the same choice, an optional interval per trip and van, found no
/// solution in 0.5 s at 40 stops: docs/benchmarks.md.) Deterministic when its budget does not cut it (the solution-limit
/// runs give it their whole limit); passes after the first are skipped when they would overrun it, and on a big evening (about 100 stops:
/// tens of thousands of candidate trips) the listing or a pass is cut when the budget is spent, leaving the best plan
/// built so far, or none.
/// </summary>
internal static class TripSelection
{
    private const int MaxStopsPerTrip = 3;

    /// <summary>One ordered trip: its stops, the minutes from boarding to each arrival, its length, its start range.</summary>
    private sealed record Trip(int[] Nodes, int[] Offsets, int Length, int People, int EarliestStart, int LatestStart);

    /// <summary>A partial plan: each van's next boarding minute (int.MaxValue once it is done), the stops served (a bit per node), the trips.</summary>
    private sealed record State(int[] Ready, ulong[] Served, int People, long PersonMinutes, (int Van, Trip Trip, int Start)[] Trips);

    /// <summary>One way to extend a state by a trip (Trip null: the van is done).</summary>
    private readonly record struct Step(State From, Trip? Trip, int Van, int Start, double Score, long PersonMinutes);

    /// <summary>Routes per van (trips of nodes), or null when no trip fits.</summary>
    public static List<IReadOnlyList<IReadOnlyList<int>>>? Routes(EveningModel model, int width, TimeSpan? budget)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Latest start first: a state's loop over the trips ends at the first one it is too late for.
        bool Spent() => budget is { } b && clock.Elapsed > b;
        var listed = Enumerate(model, Spent);
        if (listed is null)
        {
            return null;
        }

        var trips = listed.OrderByDescending(t => t.LatestStart).ToList();
        if (trips.Count == 0)
        {
            return null;
        }

        var vans = model.Vans;
        var words = (model.Candidates.Count / 64) + 1;
        var masks = trips.Select(t =>
        {
            var mask = new ulong[words];
            foreach (var node in t.Nodes)
            {
                mask[node / 64] |= 1UL << (node % 64);
            }

            return mask;
        }).ToArray();
        var initial = new State(vans.Select(v => v.ReadyMinute).ToArray(), new ulong[words], 0, 0, []);
        State? best = null;
        for (var r = 0; r < Passes.Length; r++)
        {
            // A pass runs to its end unless the budget is spent; another starts only if it should end within the budget,
            // judging by those run.
            var (rate, toEveningEnd) = Passes[r];
            if (r > 0 && clock.Elapsed * (r + 1) / r > budget)
            {
                break;
            }

            var beam = new List<State> { initial };
            while (beam.Count > 0 && !Spent())
            {
                // The best 2·width steps by score (then fewer person-minutes): a bounded heap whose top is the worst kept.
                var steps = new PriorityQueue<Step, (double Score, long Minutes)>(Comparer<(double Score, long Minutes)>.Create((a, b) =>
                    a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Minutes.CompareTo(a.Minutes)));
                void Offer(Step step)
                {
                    if (steps.Count < 2 * width)
                    {
                        steps.Enqueue(step, (step.Score, step.PersonMinutes));
                    }
                    else
                    {
                        steps.EnqueueDequeue(step, (step.Score, step.PersonMinutes));
                    }
                }

                foreach (var state in beam)
                {
                    if (best is null || state.People > best.People || (state.People == best.People && state.PersonMinutes < best.PersonMinutes))
                    {
                        best = state;
                    }

                    // The van that is ready first makes the next trip; if none fits, it is done for the evening.
                    var v = Array.IndexOf(state.Ready, state.Ready.Min());
                    if (state.Ready[v] == int.MaxValue)
                    {
                        continue;
                    }

                    var used = Used(model, state.Ready);
                    var any = false;
                    for (var k = 0; k < trips.Count; k++)
                    {
                        var trip = trips[k];
                        if (trip.LatestStart < state.Ready[v])
                        {
                            break;
                        }

                        var start = Math.Max(state.Ready[v], trip.EarliestStart);
                        if (start > trip.LatestStart || trip.People > vans[v].Van.Seats || Overlaps(masks[k], state.Served))
                        {
                            continue;
                        }

                        any = true;
                        var people = state.People + trip.People;
                        var end = toEveningEnd ? Math.Min(start + trip.Length, model.LatestMinute) : start + trip.Length;
                        var after = used - (Math.Min(state.Ready[v], model.LatestMinute) - vans[v].ReadyMinute) + (end - vans[v].ReadyMinute);
                        var score = people - (rate * after);
                        if (steps.Count == 2 * width && steps.TryPeek(out _, out var worst) && score < worst.Score)
                        {
                            continue;
                        }

                        long minutes = 0;
                        for (var i = 0; i < trip.Nodes.Length; i++)
                        {
                            minutes += (long)model.Candidates[trip.Nodes[i] - 1].People * (start + trip.Offsets[i]);
                        }

                        Offer(new Step(state, trip, v, start, score, state.PersonMinutes + minutes));
                    }

                    if (!any)
                    {
                        var after = used - (Math.Min(state.Ready[v], model.LatestMinute) - vans[v].ReadyMinute) + (model.LatestMinute - vans[v].ReadyMinute);
                        Offer(new Step(state, null, v, 0, state.People - (rate * after), state.PersonMinutes));
                    }
                }

                // Keep the states that deliver the most people for the van-minutes they have used.
                beam = [];
                var seen = new HashSet<string>();
                foreach (var step in steps.UnorderedItems.Select(i => i.Element).OrderByDescending(s => s.Score).ThenBy(s => s.PersonMinutes))
                {
                    if (beam.Count == width)
                    {
                        break;
                    }

                    var ready = (int[])step.From.Ready.Clone();
                    var served = (ulong[])step.From.Served.Clone();
                    var state = step.From;
                    if (step.Trip is { } trip)
                    {
                        ready[step.Van] = step.Start + trip.Length;
                        foreach (var node in trip.Nodes)
                        {
                            served[node / 64] |= 1UL << (node % 64);
                        }

                        state = new State(ready, served, state.People + trip.People, step.PersonMinutes, [.. state.Trips, (step.Van, trip, step.Start)]);
                    }
                    else
                    {
                        ready[step.Van] = int.MaxValue;
                        state = state with { Ready = ready };
                    }

                    if (seen.Add(string.Join(',', ready) + ":" + string.Join(',', served)))
                    {
                        beam.Add(state);
                    }
                }
            }
        }

        if (best is null || best.People == 0)
        {
            return null;
        }

        return vans.Select((_, v) => (IReadOnlyList<IReadOnlyList<int>>)best.Trips.Where(t => t.Van == v).Select(t => (IReadOnlyList<int>)t.Trip.Nodes).ToList()).ToList();
    }

    /// <summary>
    /// The passes, in the order they run; the best plan of all passes wins. <c>Rate</c>: people per van-minute used,
    /// against which the beam weighs a partial plan (a van carries about 0.15 in an evening of these: 33 people in 209
    /// minutes). <c>ToEveningEnd</c>: how the minutes of a trip back after <c>latestArrival</c> count, to its return
    /// (false) or only to <c>latestArrival</c>, after which a van serves nobody (true). Neither way of counting wins on
    /// every evening (docs/benchmarks.md), so both run, alternating so that a short budget still tries each.
    /// </summary>
    private static readonly (double Rate, bool ToEveningEnd)[] Passes =
        [(0.08, false), (0.08, true), (0.12, false), (0.12, true), (0.15, false), (0.15, true)];

    /// <summary>Van-minutes used so far: from each van's ready minute to its next boarding, the evening's end once it is done.</summary>
    private static long Used(EveningModel model, int[] ready)
    {
        long used = 0;
        for (var i = 0; i < ready.Length; i++)
        {
            used += Math.Min(ready[i], model.LatestMinute) - model.Vans[i].ReadyMinute;
        }

        return used;
    }

    private static bool Overlaps(ulong[] a, ulong[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if ((a[i] & b[i]) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Trips of up to <see cref="MaxStopsPerTrip"/> stops that fit the largest van, each in its quickest valid order.</summary>
    /// <summary>Null when <paramref name="spent"/> says the budget ran out first.</summary>
    private static List<Trip>? Enumerate(EveningModel model, Func<bool> spent)
    {
        var maxSeats = model.Vans.Max(v => v.Van.Seats);
        var n = model.Candidates.Count;
        var trips = new List<Trip>();
        var set = new List<int>();

        var stopped = false;
        void Extend(int next, int people)
        {
            // The clock is read once per set of two, often enough (at most a few hundred trips in between).
            if (set.Count == 2 && spent())
            {
                stopped = true;
            }

            if (stopped)
            {
                return;
            }

            if (set.Count > 0 && Best(model, set) is { } trip)
            {
                trips.Add(trip);
            }

            if (set.Count == MaxStopsPerTrip)
            {
                return;
            }

            for (var node = next; node <= n; node++)
            {
                var p = model.Candidates[node - 1].People;
                if (people + p > maxSeats)
                {
                    continue;
                }

                set.Add(node);
                Extend(node + 1, people + p);
                set.RemoveAt(set.Count - 1);
            }
        }

        Extend(1, 0);
        return stopped ? null : trips;
    }

    /// <summary>The quickest order of the stops that meets every window without waiting on the way (ties: the later latest start).</summary>
    private static Trip? Best(EveningModel model, List<int> set)
    {
        Trip? best = null;
        foreach (var order in Permutations(set.ToArray(), 0))
        {
            var offsets = new int[order.Length];
            var t = model.Loading;
            var previous = 0;
            int earliest = 0, latest = int.MaxValue;
            for (var i = 0; i < order.Length; i++)
            {
                var candidate = model.Candidates[order[i] - 1];
                t += model.TravelMatrix[previous, order[i]];
                offsets[i] = t;
                earliest = Math.Max(earliest, candidate.From - t);
                latest = Math.Min(latest, candidate.Until - t);
                t += model.StopMinutes;
                previous = order[i];
            }

            t += model.TravelMatrix[previous, 0];
            if (earliest > latest)
            {
                continue;
            }

            if (best is null || t < best.Length || (t == best.Length && latest > best.LatestStart))
            {
                best = new Trip([.. order], offsets, t, order.Sum(node => model.Candidates[node - 1].People), earliest, latest);
            }
        }

        return best;
    }

    private static IEnumerable<int[]> Permutations(int[] items, int k)
    {
        if (k == items.Length)
        {
            yield return items;
            yield break;
        }

        for (var i = k; i < items.Length; i++)
        {
            (items[k], items[i]) = (items[i], items[k]);
            foreach (var p in Permutations(items, k + 1))
            {
                yield return p;
            }

            (items[k], items[i]) = (items[i], items[k]);
        }
    }
}
