namespace HostingMatch.Application.NightPlan.Engine;

/// <summary>
/// One linear row of the vehicles' relaxation: <c>Σ Coefficients[i]·z[Pairs[i], Vehicle] ≤ Limit</c>, where
/// <c>z[p, v]</c> says that vehicle <c>v</c> drives pair <c>p</c>'s household to its host on a new trip.
/// </summary>
internal sealed record VehicleRow(string Name, int Vehicle, int[] Pairs, long[] Coefficients, long Limit);

/// <summary>
/// The per-vehicle rows of <see cref="TransportModel"/>: what every real night plan keeps for each vehicle, whatever its
/// trips (van-runs.md rules 1-5 within the shift, transport.md rule 3). Every row is valid for every plan; the proofs are
/// in the comments of <see cref="Rows"/>. Notation, in whole minutes from <c>firstDeparture</c>: for vehicle v, seats
/// <c>S</c>, first boarding at <c>R</c> (its <c>Ready</c>), back by <c>U</c>; loading <c>L</c>, stop <c>s</c>; for a
/// household of p people at host k, <c>d = Drive[k]</c> (base to k, equal to k to base: haversine is symmetric);
/// <c>e</c> its latest arrival <c>min(arrivalUntil, latestArrival, U − s − d)</c> and <c>r</c> its earliest
/// <c>max(arrivalFrom, R + L + d)</c>.
/// <para>Two facts carry every proof. (1) Driving minutes keep the triangle inequality, rounding up included
/// (<c>⌈a⌉ + ⌈b⌉ ≥ a + b ≥ c</c>, so the integer <c>⌈a⌉ + ⌈b⌉ ≥ ⌈c⌉</c>): a trip reaches a stop k no sooner than
/// <c>L + d</c> after its boarding starts, whatever it visits before, and is back no sooner than <c>d</c> after leaving
/// k, whatever it visits after. (2) A vehicle's trips are disjoint intervals inside <c>[R, U]</c> (rule 4: the next
/// boarding starts when the previous trip is back), each carrying at most <c>S</c> people (rule 1), each stop holding at
/// most <c>maxHouseholds</c> households (matching.md rule 6), so a stop's <c>S·s</c> seat-minutes can be shared as
/// <c>S·s / maxHouseholds</c> per household.</para>
/// </summary>
internal static class VehicleRelaxation
{
    /// <summary>Seat-minutes are counted in sixtieths, so that a stop shared by a host's households loses little to rounding down.</summary>
    public const long Scale = 60;

    /// <summary>At most this many deadlines (and as many release times) per vehicle get rows: any subset is valid, more only costs time.</summary>
    private const int Thresholds = 10;

    /// <remarks><c>drivers</c>: Per pair, the vehicles that can drive it (enough seats, and a first trip to it alone keeps the windows and the shift).</remarks>
    public static List<VehicleRow> Rows(NightPlanProblem problem, IReadOnlyList<(int H, int K)> pairs, IReadOnlyList<int>[] drivers)
    {
        var rows = new List<VehicleRow>();
        var transport = problem.File.Transport;
        long loading = transport.LoadingMinutes, stop = transport.StopMinutes;
        for (var v = 0; v < problem.Vehicles.Count; v++)
        {
            var vehicle = problem.Vehicles[v];
            long seats = vehicle.Vehicle.Seats, ready = vehicle.Ready, until = vehicle.Until;
            var mine = Enumerable.Range(0, pairs.Count).Where(p => drivers[p].Contains(v)).ToArray();
            if (mine.Length == 0)
            {
                continue;
            }

            long People(int p) => problem.Matching.People[pairs[p].H];
            long D(int p) => problem.Drive[pairs[p].K];
            long Share(int p) => Scale * seats * stop / problem.Matching.Hosts[pairs[p].K].MaxHouseholds;
            long Latest(int p) => Math.Min(Math.Min(problem.Until[pairs[p].K], problem.LatestMinute), until - stop - D(p));
            long Earliest(int p) => Math.Max(problem.From[pairs[p].K], ready + loading + D(p));

            // Shift: a trip with stops Q lasts at least L + |Q|·s + 2·max d (fact 1: out to its farthest stop and back)
            // and carries at most S people, so S·length ≥ Σ over its households p·(L + 2d) + S·s/maxHouseholds; the trips
            // are disjoint in [R, U] (fact 2).
            rows.Add(Row("shift", v, mine, p => (Scale * People(p) * (loading + 2 * D(p))) + Share(p), Scale * seats * (until - ready)));

            // Trips: each trip lasts at least L + s + 2·dmin, so at most ⌊(U − R) / (L + s + 2·dmin)⌋ of them fit, each with
            // at most S people.
            var dmin = mine.Min(D);
            rows.Add(Row("trips", v, mine, People, seats * ((until - ready) / (loading + stop + (2 * dmin)))));

            // Deadlines T: consider the trips that carry a household with e ≤ T, in time order, the last one m. Each of
            // them reaches its last such stop by T and leaves it by T + s: call the part of a trip from its boarding to
            // there its prefix; it lasts at least L + d + s·(such stops) for every such stop's d (fact 1). The trips
            // before m end before m starts, so they and m's prefix are disjoint in [R, T + s]:
            //  - one-way: Σ S·prefix ≤ S·(T + s − R), and S·prefix ≥ Σ p·(L + d) + S·s/maxHouseholds over its households;
            //  - round trips: the trips before m are whole (as in the shift row), and m's households' p·d add up to at most
            //    S·dmax_T, so Σ p·(L + 2d) + S·s/maxHouseholds ≤ S·(T + s − R + dmax_T);
            //  - trips: the trips before m last at least L + s + 2·dmin_T, m's prefix at least L + s + dmin_T.
            foreach (var deadline in Pick(mine.Select(Latest).Distinct().Order().ToList()))
            {
                var set = mine.Where(p => Latest(p) <= deadline).ToArray();
                var span = deadline + stop - ready;
                long near = set.Min(D), far = set.Max(D);
                rows.Add(Row($"by {deadline} one-way", v, set, p => (Scale * People(p) * (loading + D(p))) + Share(p), Scale * seats * span));
                rows.Add(Row($"by {deadline} round", v, set, p => (Scale * People(p) * (loading + 2 * D(p))) + Share(p), Scale * seats * (span + far)));
                var first = loading + stop + near;
                var trips = span < first ? 0 : 1 + ((span - first) / (loading + stop + (2 * near)));
                rows.Add(Row($"by {deadline} trips", v, set, People, seats * trips));
            }

            // Large households: a trip carries at most c households of more than S/(c+1) people (c + 1 of them would be more
            // than S people, rule 1). A trip with j ≤ c of them lasts at least L + s + 2d for each one's d (fact 1), so at
            // least (1/c)·Σ (L + s + 2d) over them; and its prefix to its last such stop due by T at least
            // (1/c)·Σ (L + s + d) over those. Over the disjoint trips: Σ (L + s + 2d) ≤ c·(U − R), Σ (L + s + d) over
            // deadlines ≤ T is at most c·(T + s − R), and their number at most c times the trips.
            var classes = new Dictionary<string, (int Per, int[] Set)>();
            for (var per = 1; per <= 3; per++)
            {
                var set = mine.Where(p => People(p) * (per + 1) > seats).ToArray();
                if (set.Length > per && classes.Values.All(c => !c.Set.SequenceEqual(set)))
                {
                    classes[$"over {seats}/{per + 1}"] = (per, set);
                }
            }

            foreach (var (name, (per, set)) in classes)
            {
                var trips = (until - ready) / (loading + stop + (2 * dmin));
                rows.Add(Row($"{name} trips", v, set, _ => 1, per * trips));
                rows.Add(Row($"{name} shift", v, set, p => loading + stop + (2 * D(p)), per * (until - ready)));
                foreach (var deadline in Pick(set.Select(Latest).Distinct().Order().ToList()))
                {
                    var due = set.Where(p => Latest(p) <= deadline).ToArray();
                    rows.Add(Row($"{name} by {deadline}", v, due, p => loading + stop + D(p), per * (deadline + stop - ready)));
                }
            }

            // Release times T: the trips that carry a household with r ≥ T reach such a stop at T or later and are back by
            // U. From the first such arrival, a trip spends s per such stop and drives back at least d of each (fact 1);
            // the later trips lie whole in [T, U]: Σ p·d + S·s/maxHouseholds ≤ S·(U − T).
            foreach (var release in Pick(mine.Select(Earliest).Distinct().OrderDescending().ToList()))
            {
                var set = mine.Where(p => Earliest(p) >= release).ToArray();
                rows.Add(Row($"from {release}", v, set, p => (Scale * People(p) * D(p)) + Share(p), Scale * seats * (until - release)));
            }
        }

        return rows;
    }

    /// <summary>Whether a plan's vehicle rides keep every row: <c>vehicleOf</c> per household, the vehicle on a new trip, else -1.</summary>
    public static IEnumerable<string> Violations(IReadOnlyList<VehicleRow> rows, IReadOnlyList<(int H, int K)> pairs, int[] hostOf, int[] vehicleOf)
    {
        foreach (var row in rows)
        {
            long used = 0;
            for (var i = 0; i < row.Pairs.Length; i++)
            {
                var (h, k) = pairs[row.Pairs[i]];
                used += hostOf[h] == k && vehicleOf[h] == row.Vehicle ? row.Coefficients[i] : 0;
            }

            if (used > row.Limit)
            {
                yield return $"vehicle {row.Vehicle}, row '{row.Name}': {used} > {row.Limit}";
            }
        }
    }

    private static VehicleRow Row(string name, int v, int[] set, Func<int, long> coefficient, long limit) =>
        new(name, v, set, set.Select(coefficient).ToArray(), Math.Max(0, limit));

    /// <summary>Up to <see cref="Thresholds"/> values spread over the sorted list, its last (the loosest) always included.</summary>
    private static IEnumerable<long> Pick(List<long> sorted)
    {
        if (sorted.Count <= Thresholds)
        {
            return sorted;
        }

        return Enumerable.Range(1, Thresholds).Select(i => sorted[(i * sorted.Count / Thresholds) - 1]).Distinct();
    }
}
