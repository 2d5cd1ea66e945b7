using HostingMatch.Application.Matching;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Households;
using HostingMatch.Application.Matching.Engine;
using HostingMatch.Domain.Requests;

namespace HostingMatch.UnitTests.Matching;

/// <summary>
/// Checks a plan from scratch against matching.md, reusing nothing of the engine but Priority and
/// TravelTime: the 8 hard rules, completeness, the summary, and the reason of each unplaced household.
/// </summary>
internal static class PlanChecker
{
    public static int Travel(NightFile night, NightHost host) =>
        TravelTime.Minutes(night.Base.Location, host.Location, night.Rules.DetourFactor, night.Rules.AverageSpeedKmh);

    /// <summary>Rules 1 to 5, written out again independently, plus exclusions.</summary>
    public static bool Compatible(NightFile night, NightHost k, NightHousehold h, MatchingOptions? options = null)
    {
        var category = Priority.Categorize(h.Members);
        return k.AvailableTonight
            && k.AgreementValidFrom <= night.Night && night.Night <= k.AgreementValidUntil
            // Host load: tonight would be one more night this month, and the month may not go past the host's maximum.
            && (k.MaxNightsPerMonth is null || k.NightsHostedThisMonth + 1 <= k.MaxNightsPerMonth)
            && k.Accepts.Contains(category)
            && (category != HouseholdCategory.Minor || (k.MinorsCertified && !(k.CertifiedUntil < night.Night)))
            && (!h.NeedsWheelchairAccess || k.WheelchairAccessible)
            && Travel(night, k) <= night.Rules.MaxTravelMinutes
            && !(options?.Exclusions?.Contains((h.Id, k.Id)) ?? false);
    }

    /// <summary>
    /// The objective vector of an assignment (household index to host index or -1): the seven levels, host load (the
    /// recent nights of each host used, once per host) and travel negated.
    /// </summary>
    public static long[] Vector(NightFile night, IReadOnlyList<int> hostOf)
    {
        var v = new long[7];
        foreach (var k in hostOf.Where(k => k >= 0).Distinct())
        {
            v[5] -= night.Hosts[k].NightsHostedLast30;
        }

        for (var i = 0; i < hostOf.Count; i++)
        {
            if (hostOf[i] < 0)
            {
                continue;
            }

            var h = night.Households[i];
            var k = night.Hosts[hostOf[i]];
            v[Priority.Tier(Priority.Categorize(h.Members), h.Vulnerable) - 1] += h.Members.Count;
            v[3] += h.NightsWithoutShelter;
            v[4] += h.LastHostId == k.Id ? 1 : 0;
            v[6] -= Travel(night, k);
        }

        return v;
    }

    public static IReadOnlyList<string> Problems(NightFile night, Plan plan, MatchingOptions? options = null)
    {
        var problems = new List<string>();
        var hostIndex = night.Hosts.Select((k, i) => (k.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var householdIndex = night.Households.Select((h, i) => (h.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var hostOf = Enumerable.Repeat(-1, night.Households.Count).ToArray();
        var seen = new HashSet<string>();

        foreach (var p in plan.Placements)
        {
            if (!seen.Add(p.HouseholdId))
            {
                problems.Add($"rule 8: {p.HouseholdId} appears twice");
                continue;
            }

            var h = night.Households[householdIndex[p.HouseholdId]];
            var k = night.Hosts[hostIndex[p.HostId]];
            hostOf[householdIndex[p.HouseholdId]] = hostIndex[p.HostId];
            if (!Compatible(night, k, h, options))
            {
                problems.Add($"rules 1-5: {h.Id} at {k.Id}");
            }

            if (p.People != h.Members.Count || p.Tier != Priority.Tier(Priority.Categorize(h.Members), h.Vulnerable) || p.TravelMinutes != Travel(night, k))
            {
                problems.Add($"placement fields wrong for {h.Id}");
            }
        }

        foreach (var u in plan.Unplaced)
        {
            if (!seen.Add(u.HouseholdId))
            {
                problems.Add($"{u.HouseholdId} appears twice");
            }
        }

        if (seen.Count != night.Households.Count)
        {
            problems.Add("not every household appears");
        }

        for (var k = 0; k < night.Hosts.Count; k++)
        {
            var here = Enumerable.Range(0, hostOf.Length).Where(i => hostOf[i] == k).Select(i => night.Households[i]).ToList();
            if (here.Sum(h => h.Members.Count) > night.Hosts[k].Beds || here.Count > night.Hosts[k].MaxHouseholds)
            {
                problems.Add($"rule 6 at {night.Hosts[k].Id}");
            }

            if (here.Select(h => Priority.Categorize(h.Members)).Distinct().Count() > 1)
            {
                problems.Add($"rule 7 at {night.Hosts[k].Id}");
            }
        }

        if (options?.Pins is { } pins)
        {
            foreach (var (household, host) in pins)
            {
                if (!plan.Placements.Any(p => p.HouseholdId == household && p.HostId == host))
                {
                    problems.Add($"pin {household} -> {host} not kept");
                }
            }
        }

        var v = Vector(night, hostOf);
        var s = plan.Summary;
        if (!v.SequenceEqual(s.ObjectiveVector))
        {
            problems.Add($"summary {string.Join(",", s.ObjectiveVector)} but placements give {string.Join(",", v)}");
        }

        foreach (var u in plan.Unplaced)
        {
            var h = night.Households[householdIndex[u.HouseholdId]];
            var compatible = night.Hosts.Where(k => Compatible(night, k, h, options)).ToList();
            var expected = compatible.Count == 0 ? UnplacedReason.NoCompatibleHost
                : compatible.All(k => k.Beds < h.Members.Count) ? UnplacedReason.TooLarge
                : UnplacedReason.Outranked;
            if (u.Reason != expected)
            {
                problems.Add($"{h.Id}: reason {u.Reason}, expected {expected}");
            }

            if (string.IsNullOrWhiteSpace(u.Detail))
            {
                problems.Add($"{h.Id}: no detail");
            }
        }

        return problems;
    }
}
