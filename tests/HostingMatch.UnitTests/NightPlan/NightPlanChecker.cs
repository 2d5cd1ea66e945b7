using HostingMatch.Application.Matching.Engine;
using HostingMatch.Application.NightPlan.Engine;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Households;
using NodaTime;

namespace HostingMatch.UnitTests.NightPlan;

/// <summary>
/// Checks a night plan against every hard rule of matching.md, van-runs.md and transport.md, written from the specs
/// alone: its own haversine, categories, tiers, clock (NodaTime's lenient mapping in Europe/Paris: a repeated time is
/// its first occurrence, a missing one moves forward) and ways. Returns one line per broken rule; empty is valid.
/// </summary>
internal static class NightPlanChecker
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    public static List<string> Check(NightPlanFile file, Application.NightPlan.Engine.NightPlan plan)
    {
        var problems = new List<string>();
        var night = file.Night;
        var t = file.Transport;
        var hosts = night.Hosts.ToDictionary(k => k.Id);
        var households = night.Households.ToDictionary(h => h.Id);
        var reference = At(night.Night, t.FirstDeparture);

        // Every household exactly once (an agreed placement the rides cannot bring is listed apart, still at its host).
        var listed = plan.Placements.Select(p => p.HouseholdId).Concat(plan.Unplaced.Select(u => u.HouseholdId))
            .Concat(plan.PinnedWithoutRide.Select(p => p.HouseholdId)).ToList();
        if (!listed.Order().SequenceEqual(night.Households.Select(h => h.Id).Order()))
        {
            problems.Add("the plan does not list every household exactly once");
        }

        // Matching rules 1-5 per placement, 6-7 per host.
        foreach (var p in plan.Placements)
        {
            var h = households[p.HouseholdId];
            var k = hosts[p.HostId];
            if (!Allows(night, k, h))
            {
                problems.Add($"{p.HouseholdId} at {p.HostId} breaks one of rules 1-5");
            }

            if (p.People != h.Members.Count || p.Tier != Tier(h) || p.TravelMinutes != Minutes(night.Base.Location, k.Location, night.Rules.DetourFactor, night.Rules.AverageSpeedKmh))
            {
                problems.Add($"{p.HouseholdId}: people, tier or travel minutes are wrong");
            }
        }

        var sleeping = plan.Placements.Select(p => (p.HostId, p.HouseholdId)).Concat(plan.PinnedWithoutRide.Select(p => (p.HostId, p.HouseholdId)));
        foreach (var group in sleeping.GroupBy(p => p.HostId))
        {
            var k = hosts[group.Key];
            var members = group.Select(p => households[p.HouseholdId]).ToList();
            if (members.Sum(h => h.Members.Count) > k.Beds || members.Count > k.MaxHouseholds || members.Select(Category).Distinct().Count() > 1)
            {
                problems.Add($"{group.Key}: rule 6 or 7 broken");
            }
        }

        // Ways (transport.md 1-3) and the vehicles' trips (van-runs.md 1-5 within each shift).
        var vehicles = t.Vehicles.ToDictionary(v => v.Id);
        var byTrip = plan.Trips.ToDictionary(x => (x.VanId, x.Trip));
        var onTrip = new Dictionary<string, (string Van, int Trip, string Host, OffsetDateTime Arrive)>();
        foreach (var trip in plan.Trips)
        {
            foreach (var stop in trip.Stops)
            {
                foreach (var id in stop.HouseholdIds)
                {
                    if (!onTrip.TryAdd(id, (trip.VanId, trip.Trip, stop.HostId, stop.ArriveAt)))
                    {
                        problems.Add($"{id} is on two trips");
                    }
                }
            }
        }

        var escorted = 0;
        long personMinutes = 0;
        foreach (var p in plan.Placements)
        {
            var h = households[p.HouseholdId];
            var k = hosts[p.HostId];
            var arrival = file.ArrivalOf(k.Id);
            var from = At(night.Night, arrival.ArrivalFrom ?? t.FirstDeparture);
            var until = At(night.Night, arrival.ArrivalUntil ?? t.LatestArrival);
            var ride = p.Ride;
            personMinutes += h.Members.Count * Elapsed(reference, ride.ArriveAt.ToInstant());
            switch (ride.Way)
            {
                case RideWay.HostFetches:
                    var expected = Max(from, reference + Duration.FromMinutes(Minutes(night.Base.Location, k.Location, t.Rules.DetourFactor, t.Rules.AverageSpeedKmh)));
                    if (!arrival.PicksUpAtBase || ride.ArriveAt.ToInstant() != expected || expected > until)
                    {
                        problems.Add($"{p.HouseholdId}: the host-fetches ride is not allowed or not at max(arrivalFrom, firstDeparture + travel)");
                    }

                    if (onTrip.ContainsKey(p.HouseholdId))
                    {
                        problems.Add($"{p.HouseholdId} has two ways");
                    }

                    break;
                case RideWay.PublicTransport:
                    escorted++;
                    var pt = t.PublicTransport;
                    var minutes = (int)Math.Ceiling((Km(night.Base.Location, k.Location) * pt.DetourFactor / pt.SpeedKmh * 60) + pt.WalkMinutes);
                    var adults = h.Members.All(m => m.Age >= 18) && !h.Vulnerable && !h.NeedsWheelchairAccess;
                    var leave = ride.LeaveAt?.ToInstant();
                    var arrive = ride.ArriveAt.ToInstant();
                    if (!adults || minutes > pt.MaxMinutes || leave is null || leave < reference || arrive != leave + Duration.FromMinutes(minutes)
                        || arrive < from || arrive > until || arrive > At(night.Night, pt.LastArrivalOrDefault))
                    {
                        problems.Add($"{p.HouseholdId}: the public-transport ride breaks transport.md way 3");
                    }

                    if (onTrip.ContainsKey(p.HouseholdId))
                    {
                        problems.Add($"{p.HouseholdId} has two ways");
                    }

                    break;
                case RideWay.Vehicle:
                    if (!onTrip.TryGetValue(p.HouseholdId, out var seat) || seat.Van != ride.VehicleId || seat.Trip != ride.Trip
                        || seat.Host != p.HostId || seat.Arrive != ride.ArriveAt)
                    {
                        problems.Add($"{p.HouseholdId}: its vehicle ride is not the trip that carries it to its host");
                    }

                    break;
            }
        }

        if (escorted > t.PublicTransport.Escorts)
        {
            problems.Add($"{escorted} households by public transport, more than the {t.PublicTransport.Escorts} escorts");
        }

        var placedIds = plan.Placements.ToDictionary(p => p.HouseholdId);
        foreach (var id in onTrip.Keys.Where(id => !placedIds.ContainsKey(id) || placedIds[id].Ride.Way != RideWay.Vehicle))
        {
            problems.Add($"{id} rides a trip but is not placed with a vehicle ride");
        }

        // Rule 2: all vehicle households of one host on the same trip.
        foreach (var group in onTrip.GroupBy(o => o.Value.Host))
        {
            if (group.Select(g => (g.Value.Van, g.Value.Trip)).Distinct().Count() > 1)
            {
                problems.Add($"{group.Key}: its households travel on different trips");
            }
        }

        long driving = 0;
        foreach (var tripsOfVehicle in plan.Trips.GroupBy(x => x.VanId))
        {
            if (!vehicles.TryGetValue(tripsOfVehicle.Key, out var vehicle))
            {
                problems.Add($"trip of an unknown vehicle {tripsOfVehicle.Key}");
                continue;
            }

            // transport.md: van-runs.md rule 4 "with firstDeparture replaced by the vehicle's availableFrom".
            var shiftStart = At(night.Night, vehicle.AvailableFrom);
            var shiftEnd = At(night.Night, vehicle.AvailableUntil);
            Instant? previousReturn = null;
            var number = 0;
            foreach (var trip in tripsOfVehicle.OrderBy(x => x.DepartAt.ToInstant()))
            {
                number++;
                if (trip.Trip != number)
                {
                    problems.Add($"{trip.VanId}: trips are not numbered 1..k in time order");
                }

                var people = trip.Stops.Sum(s => s.HouseholdIds.Sum(id => households[id].Members.Count));
                if (people > vehicle.Seats || trip.Passengers != people || trip.Stops.Any(s => s.People != s.HouseholdIds.Sum(id => households[id].Members.Count)))
                {
                    problems.Add($"{trip.VanId} trip {trip.Trip}: more passengers than seats, or miscounted");
                }

                var depart = trip.DepartAt.ToInstant();
                var earliest = previousReturn is { } r ? Max(shiftStart, r) : shiftStart;
                if (depart < earliest + Duration.FromMinutes(t.LoadingMinutes))
                {
                    problems.Add($"{trip.VanId} trip {trip.Trip}: leaves before boarding is done (rule 4, availableFrom)");
                }

                var at = night.Base.Location;
                var time = depart;
                var first = true;
                foreach (var stop in trip.Stops)
                {
                    var k = hosts[stop.HostId];
                    var drive = Minutes(at, k.Location, t.Rules.DetourFactor, t.Rules.AverageSpeedKmh);
                    driving += drive;
                    var arrive = stop.ArriveAt.ToInstant();
                    var arrival = file.ArrivalOf(k.Id);
                    var from = At(night.Night, arrival.ArrivalFrom ?? t.FirstDeparture);
                    var until = At(night.Night, arrival.ArrivalUntil ?? t.LatestArrival);
                    if (arrive < time + Duration.FromMinutes(drive) || arrive < from || arrive > until || arrive > At(night.Night, t.LatestArrival))
                    {
                        problems.Add($"{trip.VanId} trip {trip.Trip}: {stop.HostId} reached outside its window or sooner than driving allows");
                    }

                    if (first && arrive != depart + Duration.FromMinutes(drive) && arrive != from)
                    {
                        problems.Add($"{trip.VanId} trip {trip.Trip}: the first stop is not reached as the trip leaves");
                    }

                    first = false;
                    time = arrive + Duration.FromMinutes(t.StopMinutes);
                    at = k.Location;
                }

                var back = Minutes(at, night.Base.Location, t.Rules.DetourFactor, t.Rules.AverageSpeedKmh);
                driving += back;
                if (trip.ReturnAt.ToInstant() < time + Duration.FromMinutes(back) || trip.ReturnAt.ToInstant() > shiftEnd)
                {
                    problems.Add($"{trip.VanId} trip {trip.Trip}: back at {trip.ReturnAt}, too soon or after the shift ends");
                }

                previousReturn = trip.ReturnAt.ToInstant();
            }
        }

        // The summary.
        var s = plan.Summary;
        for (var tier = 1; tier <= 3; tier++)
        {
            if (s.PeoplePlaced[tier - 1] != plan.Placements.Where(p => p.Tier == tier).Sum(p => p.People)
                || s.PeopleUnplaced[tier - 1] != plan.Unplaced.Where(u => households[u.HouseholdId] is var h && Tier(h) == tier).Sum(u => households[u.HouseholdId].Members.Count))
            {
                problems.Add($"summary: people of tier {tier} miscounted");
            }
        }

        if (s.WaitingNightsPlaced != plan.Placements.Sum(p => (long)households[p.HouseholdId].NightsWithoutShelter)
            || s.ContinuityPlacements != plan.Placements.Count(p => households[p.HouseholdId].LastHostId == p.HostId)
            || s.TravelMinutes != plan.Placements.Sum(p => (long)p.TravelMinutes))
        {
            problems.Add("summary: levels 4-5 or travel miscounted");
        }

        if (s.PersonArrivalMinutes != personMinutes || s.DrivingMinutes != driving)
        {
            problems.Add($"summary: person arrival minutes {s.PersonArrivalMinutes} (checked {personMinutes}) or driving {s.DrivingMinutes} (checked {driving}) miscounted");
        }

        if (Compare(s.UpperBound, s.PeoplePlaced) < 0)
        {
            problems.Add("summary: the upper bound is below the plan");
        }

        // The reasons.
        foreach (var u in plan.Unplaced)
        {
            var h = households[u.HouseholdId];
            var compatible = night.Hosts.Where(k => Allows(night, k, h)).ToList();
            var roomy = compatible.Where(k => k.Beds >= h.Members.Count).ToList();
            var expected = compatible.Count == 0 ? NightPlanReason.NoCompatibleHost
                : roomy.Count == 0 ? NightPlanReason.TooLarge
                : roomy.All(k => !Reachable(file, h, k)) ? NightPlanReason.NoRide
                : NightPlanReason.Outranked;
            if (u.Reason != expected || string.IsNullOrWhiteSpace(u.Detail) || u.Tier != Tier(h))
            {
                problems.Add($"{u.HouseholdId}: reason {u.Reason}, the spec says {expected}");
            }
        }

        return problems;
    }

    /// <summary>Whether some way, alone and with everything free, brings household h to host k (transport.md, ways 1-3).</summary>
    public static bool Reachable(NightPlanFile file, NightHousehold h, NightHost k)
    {
        var night = file.Night;
        var t = file.Transport;
        var reference = At(night.Night, t.FirstDeparture);
        var arrival = file.ArrivalOf(k.Id);
        var from = At(night.Night, arrival.ArrivalFrom ?? t.FirstDeparture);
        var until = At(night.Night, arrival.ArrivalUntil ?? t.LatestArrival);
        var drive = Duration.FromMinutes(Minutes(night.Base.Location, k.Location, t.Rules.DetourFactor, t.Rules.AverageSpeedKmh));
        if (arrival.PicksUpAtBase && Max(from, reference + drive) <= until)
        {
            return true;
        }

        var pt = t.PublicTransport;
        var minutes = Duration.FromMinutes((int)Math.Ceiling((Km(night.Base.Location, k.Location) * pt.DetourFactor / pt.SpeedKmh * 60) + pt.WalkMinutes));
        var adults = h.Members.All(m => m.Age >= 18) && !h.Vulnerable && !h.NeedsWheelchairAccess;
        var ptArrive = Max(reference, from - minutes) + minutes;
        if (pt.Escorts > 0 && adults && minutes <= Duration.FromMinutes(pt.MaxMinutes) && ptArrive <= until && ptArrive <= At(night.Night, pt.LastArrivalOrDefault))
        {
            return true;
        }

        foreach (var v in t.Vehicles.Where(v => v.Seats >= h.Members.Count))
        {
            var start = At(night.Night, v.AvailableFrom);
            var arrive = Max(start + Duration.FromMinutes(t.LoadingMinutes) + drive, from);
            if (arrive <= until && arrive <= At(night.Night, t.LatestArrival) && arrive + Duration.FromMinutes(t.StopMinutes) + drive <= At(night.Night, v.AvailableUntil))
            {
                return true;
            }
        }

        return false;
    }

    public static int Compare(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }

        return 0;
    }

    /// <summary>A clock time of the night as a moment (van-runs.md: before noon is after midnight).</summary>
    public static Instant At(LocalDate night, LocalTime time) =>
        Paris.AtLeniently((time < new LocalTime(12, 0) ? night.PlusDays(1) : night) + time).ToInstant();

    public static int Elapsed(Instant from, Instant to) => (int)Math.Ceiling((to - from).TotalMinutes);

    public static bool Allows(NightFile night, NightHost k, NightHousehold h)
    {
        var category = Category(h);
        return k.AvailableTonight && k.AgreementValidFrom <= night.Night && night.Night <= k.AgreementValidUntil
            && k.Accepts.Contains(category)
            && (category != HouseholdCategory.Minor || k.MinorsCertified)
            && (!h.NeedsWheelchairAccess || k.WheelchairAccessible)
            && Minutes(night.Base.Location, k.Location, night.Rules.DetourFactor, night.Rules.AverageSpeedKmh) <= night.Rules.MaxTravelMinutes;
    }

    public static HouseholdCategory Category(NightHousehold h) =>
        h.Members.All(m => m.Age < 18) ? HouseholdCategory.Minor
        : h.Members.Any(m => m.Age < 18) ? HouseholdCategory.Family
        : h.Members.All(m => m.Sex == Sex.Female) ? HouseholdCategory.Women
        : HouseholdCategory.Men;

    public static int Tier(NightHousehold h) => Category(h) switch
    {
        HouseholdCategory.Minor or HouseholdCategory.Family => 1,
        _ when h.Vulnerable => 1,
        HouseholdCategory.Women => 2,
        _ => 3,
    };

    public static int Minutes(GeoPoint a, GeoPoint b, double detour, double speed) => (int)Math.Ceiling(Km(a, b) * detour / speed * 60);

    public static double Km(GeoPoint a, GeoPoint b)
    {
        double Rad(double x) => x * Math.PI / 180;
        var dPhi = Rad(b.Latitude - a.Latitude);
        var dLambda = Rad(b.Longitude - a.Longitude);
        var s = (Math.Sin(dPhi / 2) * Math.Sin(dPhi / 2)) + (Math.Cos(Rad(a.Latitude)) * Math.Cos(Rad(b.Latitude)) * Math.Sin(dLambda / 2) * Math.Sin(dLambda / 2));
        return 2 * 6371.0088 * Math.Asin(Math.Sqrt(s));
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
}
