using System.Globalization;
using HostingMatch.Application.Matching.Engine;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Requests;

namespace HostingMatch.Application.NightPlan.Engine;

/// <summary>
/// Why a household is left out of the night plan (transport.md): the matching's reasons first, by the matching's own
/// code; then <c>no-ride</c> when no way reaches any of its compatible hosts with enough beds even with everything free
/// (departed trips aside);
/// otherwise <c>outranked</c>, saying whether the beds or the rides went to others.
/// </summary>
internal static class NightPlanReasons
{
    /// <remarks><c>guests</c>: the plan's households by host.</remarks>
    public static (NightPlanReason Reason, string Detail) Explain(NightPlanProblem problem, Candidate plan, ILookup<int, int> guests, int h)
    {
        var m = problem.Matching;
        var (reason, detail) = UnplacedReasons.Explain(m, h);
        if (reason == UnplacedReason.NoCompatibleHost)
        {
            return (NightPlanReason.NoCompatibleHost, detail);
        }

        if (reason == UnplacedReason.TooLarge)
        {
            return (NightPlanReason.TooLarge, detail);
        }

        var roomy = m.Compatible[h].Where(k => HardRules.HasBedsFor(m.Hosts[k], m.People[h])).ToList();
        var couldReach = roomy.Count(k => problem.CouldReach(h, k));
        if (couldReach == 0)
        {
            return (NightPlanReason.NoRide, NoRide(problem, h, roomy));
        }

        if (problem.Pairs[h].Length == 0)
        {
            return (NightPlanReason.Outranked,
                $"{Count(couldReach, "host")} with enough beds could be reached tonight, but only by a vehicle, and a trip that has left already stopped there (a host's guests travel together).");
        }

        var reachable = problem.Pairs[h];
        var withRoom = reachable.Where(k => FitsWith(problem, guests, k, h)).ToList();
        if (withRoom.Count == 0)
        {
            return (NightPlanReason.Outranked,
                $"{Count(reachable.Length, "host")} with enough beds can be reached tonight, but their beds went to other households.");
        }

        return (NightPlanReason.Outranked, RidesTaken(problem, plan, h, withRoom));
    }

    private static string NoRide(NightPlanProblem problem, int h, List<int> roomy)
    {
        var m = problem.Matching;
        var transport = problem.File.Transport;
        var people = m.People[h];
        var parts = new List<string>();
        if (transport.Vehicles.Count == 0)
        {
            parts.Add("there is no vehicle tonight");
        }
        else if (transport.Vehicles.All(v => v.Seats < people))
        {
            parts.Add($"no vehicle has {people} seats");
        }
        else
        {
            parts.Add("no vehicle can reach them inside their hours and be back within its driver's shift");
        }

        parts.Add(roomy.Any(k => problem.File.ArrivalOf(m.Hosts[k].Id).PicksUpAtBase)
            ? "the hosts who fetch cannot do it within their hours"
            : "none of them fetches at the base");
        if (transport.PublicTransport.Escorts == 0)
        {
            parts.Add("no escort for public transport tonight");
        }
        else if (!problem.TransitAllowed[h])
        {
            parts.Add("public transport is only for households of adults, none vulnerable or in a wheelchair");
        }
        else
        {
            parts.Add($"they are beyond public transport ({transport.PublicTransport.MaxMinutes.ToString(CultureInfo.InvariantCulture)} minutes at most, arriving inside their hours)");
        }

        return $"{Count(roomy.Count, "compatible host")} with enough beds, but no way can bring this household to any of them tonight: {string.Join("; ", parts)}.";
    }

    private static string RidesTaken(NightPlanProblem problem, Candidate plan, int h, List<int> withRoom)
    {
        var m = problem.Matching;
        var transport = problem.File.Transport;
        var parts = new List<string>();
        if (withRoom.Any(k => problem.CanDrive(h, k)))
        {
            var used = plan.Trips.Select(t => t.VanId).Distinct(StringComparer.Ordinal).ToList();
            var lastBack = plan.Trips.Count == 0 ? null : plan.Trips.Max(t => t.ReturnAt.ToInstant()).InZone(HostingMatch.Domain.Night.Zone).TimeOfDay.ToString("HH:mm", null);
            parts.Add(lastBack is null
                ? "the vehicles have no trip left that reaches those hosts in time"
                : $"the vehicles are full for the evening ({string.Join(", ", used)}; last one back at {lastBack}) with no trip left that reaches those hosts in time");
        }

        if (withRoom.Any(k => problem.CanTransit(h, k)))
        {
            parts.Add($"all {Count(transport.PublicTransport.Escorts, "escort")} for public transport are taken");
        }

        parts.Add(withRoom.Any(problem.CanFetch) ? "the hosts who fetch have no bed left for it" : "those hosts do not fetch");
        return $"{Count(withRoom.Count, "host")} with a free bed for it, but the rides went to others: {string.Join("; ", parts)}.";
    }

    private static bool FitsWith(NightPlanProblem problem, ILookup<int, int> guests, int k, int h)
    {
        var m = problem.Matching;
        var together = new List<NightHousehold> { m.Households[h] };
        together.AddRange(guests[k].Select(o => m.Households[o]));
        return HardRules.FitsTogether(m.Hosts[k], together);
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
