using HostingMatch.Application.VanRuns;
using HostingMatch.Domain;
using HostingMatch.Domain.Geography;
using NodaTime;
using HostingMatch.Application.VanRuns.Planner;

namespace HostingMatch.UnitTests.VanRuns;

/// <summary>
/// Checks a plan against the spec's hard rules, its reasons and its summary, straight from the runs file:
/// it shares nothing with the planner but the driving-time formula and <see cref="Night.At"/>, so a planner bug
/// cannot hide behind its own arithmetic. Arrivals and returns must be exactly the earliest the van makes (an arrival
/// waits only for its window to open), so a plan cannot report times later than the van really has.
/// Returns one sentence per broken rule; empty means the plan is valid.
/// </summary>
internal static class VanPlanChecker
{
    public static IReadOnlyList<string> Check(RunsFile input, VanPlan plan, VanPlannerOptions? options = null)
    {
        options ??= VanPlannerOptions.Default;
        var problems = new List<string>();
        Instant At(LocalTime t) => Night.At(input.Night, t).ToInstant();
        int Drive(GeoPoint a, GeoPoint b) => TravelTime.Minutes(a, b, input.Rules.DetourFactor, input.Rules.AverageSpeedKmh);
        var loading = Duration.FromMinutes(input.LoadingMinutes);
        var stopTime = Duration.FromMinutes(input.StopMinutes);
        var firstDeparture = At(input.FirstDeparture);
        var latest = At(input.LatestArrival);
        var stopsById = input.Stops.ToDictionary(s => s.HostId);
        var served = new HashSet<string>();
        int people = 0, driving = 0;
        long personMinutes = 0;

        void Offset(OffsetDateTime time, string what)
        {
            if (time != time.ToInstant().InZone(Night.Zone).ToOffsetDateTime())
            {
                problems.Add($"{what} {time} does not carry the Paris offset of its moment");
            }
        }

        foreach (var byVan in plan.Trips.GroupBy(t => t.VanId))
        {
            var van = input.Vans.FirstOrDefault(v => v.Id == byVan.Key);
            if (van is null)
            {
                problems.Add($"unknown van {byVan.Key}");
                continue;
            }

            var availability = options.VanAvailability.GetValueOrDefault(van.Id);
            var ready = availability is null || availability.From < firstDeparture ? firstDeparture : availability.From;
            var expectedNumber = (availability?.TripsDone ?? 0) + 1;
            var previousDepart = Instant.MinValue;
            foreach (var trip in byVan.OrderBy(t => t.Trip))
            {
                var name = $"{van.Id} trip {trip.Trip}";
                if (trip.Trip != expectedNumber++)
                {
                    problems.Add($"{name}: trips are not numbered 1..k without gaps");
                }

                var depart = trip.DepartAt.ToInstant();
                if (depart <= previousDepart)
                {
                    problems.Add($"{name}: trip numbers are not in time order");
                }

                previousDepart = depart;
                Offset(trip.DepartAt, $"{name} departAt");
                Offset(trip.ReturnAt, $"{name} returnAt");
                if (depart < ready + loading)
                {
                    problems.Add($"{name}: leaves at {trip.DepartAt} before boarding can end ({ready + loading}) (rule 4)");
                }

                if (trip.Stops.Count == 0)
                {
                    problems.Add($"{name}: empty trip");
                }

                if (trip.Passengers != trip.Stops.Sum(s => s.People) || trip.Passengers > van.Seats)
                {
                    problems.Add($"{name}: {trip.Passengers} passengers for {van.Seats} seats, stops total {trip.Stops.Sum(s => s.People)} (rule 1)");
                }

                var position = input.Base.Location;
                var free = depart;
                foreach (var stop in trip.Stops)
                {
                    if (!stopsById.TryGetValue(stop.HostId, out var source))
                    {
                        problems.Add($"{name}: unknown host {stop.HostId}");
                        continue;
                    }

                    if (!served.Add(stop.HostId))
                    {
                        problems.Add($"{stop.HostId} is served twice");
                    }

                    if (source.Transport == StopTransport.Other)
                    {
                        problems.Add($"{stop.HostId} has other transport but is on a trip");
                    }

                    if (!stop.HouseholdIds.Order().SequenceEqual(source.Households.Select(h => h.Id).Order()) || stop.People != source.People)
                    {
                        problems.Add($"{stop.HostId}: not all its households, or not all their people, ride together (rule 2)");
                    }

                    Offset(stop.ArriveAt, $"{stop.HostId} arriveAt");
                    var arrive = stop.ArriveAt.ToInstant();
                    var drive = Drive(position, source.Location);
                    var earliest = Instant.Max(free + Duration.FromMinutes(drive), At(source.ArrivalFrom));
                    if (arrive < free + Duration.FromMinutes(drive))
                    {
                        problems.Add($"{stop.HostId}: arrives at {stop.ArriveAt}, sooner than driving allows (rule 5)");
                    }
                    else if (arrive != earliest)
                    {
                        problems.Add($"{stop.HostId}: arrives at {stop.ArriveAt}, not at the earliest the van gets there ({earliest}): the times are not what the van does");
                    }

                    if (arrive < At(source.ArrivalFrom) || arrive > At(source.ArrivalUntil) || arrive > latest)
                    {
                        problems.Add($"{stop.HostId}: arrives at {stop.ArriveAt} outside its window {source.ArrivalFrom}-{source.ArrivalUntil} or after latestArrival (rule 3)");
                    }

                    driving += drive;
                    people += stop.People;
                    personMinutes += stop.People * (long)(arrive - firstDeparture).TotalMinutes;
                    free = arrive + stopTime;
                    position = source.Location;
                }

                var home = Drive(position, input.Base.Location);
                driving += home;
                if (trip.ReturnAt.ToInstant() < free + Duration.FromMinutes(home))
                {
                    problems.Add($"{name}: back at {trip.ReturnAt}, sooner than driving allows (rule 5)");
                }
                else if (trip.ReturnAt.ToInstant() != free + Duration.FromMinutes(home))
                {
                    problems.Add($"{name}: back at {trip.ReturnAt}, not at the earliest the van gets back ({free + Duration.FromMinutes(home)})");
                }

                ready = trip.ReturnAt.ToInstant();
            }
        }

        var maxSeats = input.Vans.Max(v => v.Seats);
        var unserved = new HashSet<string>();
        foreach (var stop in plan.Unserved)
        {
            if (!unserved.Add(stop.HostId) || served.Contains(stop.HostId))
            {
                problems.Add($"{stop.HostId} is reported twice");
            }

            if (!stopsById.TryGetValue(stop.HostId, out var source))
            {
                problems.Add($"unserved {stop.HostId} is unknown");
                continue;
            }

            if (source.Transport == StopTransport.Other)
            {
                problems.Add($"{stop.HostId} has other transport but is reported unserved");
            }

            var tooLarge = source.People > maxSeats;
            if (tooLarge != (stop.Reason == UnservedReason.TooLargeForVan) || string.IsNullOrWhiteSpace(stop.Detail))
            {
                problems.Add($"{stop.HostId}: reason {stop.Reason} is wrong for {source.People} people and {maxSeats} seats, or has no detail");
            }
        }

        foreach (var stop in input.Stops.Where(s => s.Transport == StopTransport.Van))
        {
            if (!served.Contains(stop.HostId) && !unserved.Contains(stop.HostId))
            {
                problems.Add($"{stop.HostId} is neither served nor reported unserved");
            }
        }

        if (plan.Summary.PeopleDelivered != people || plan.Summary.PersonArrivalMinutes != personMinutes || plan.Summary.DrivingMinutes != driving)
        {
            problems.Add($"summary {plan.Summary} does not add up: {people} people, {personMinutes} person-minutes, {driving} driving minutes");
        }

        return problems;
    }
}
