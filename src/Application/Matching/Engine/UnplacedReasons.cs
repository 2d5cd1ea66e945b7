using HostingMatch.Domain.Requests;
using System.Globalization;
using HostingMatch.Domain.Households;

namespace HostingMatch.Application.Matching.Engine;

/// <summary>
/// The reasons table of matching.md: exactly one reason per unplaced household, decided from rules 1-5
/// and the beds alone (never from the solver), and a sentence a coordinator understands.
/// </summary>
internal static class UnplacedReasons
{
    /// <summary>The one reason of household <paramref name="h"/> of <paramref name="problem"/>, and its sentence.</summary>
    /// <param name="problem">The night as the reasons are decided against it.</param>
    /// <param name="h">The household's index in the problem.</param>
    /// <param name="keptPlacements">
    /// True when placements kept from earlier tonight (confirmed, or offered and waiting for the host's answer), which the
    /// engine does not move whatever their priority, may be what fills the hosts: an <c>outranked</c> detail says so.
    /// </param>
    public static (UnplacedReason Reason, string Detail) Explain(MatchingProblem problem, int h, bool keptPlacements = false)
    {
        var compatible = problem.Compatible[h];
        if (compatible.Length == 0)
        {
            return (UnplacedReason.NoCompatibleHost, WhyNoCompatibleHost(problem, h));
        }

        var people = problem.People[h];
        var roomy = compatible.Count(k => HardRules.HasBedsFor(problem.Hosts[k], people));
        if (roomy == 0)
        {
            var largest = compatible.Max(k => problem.Hosts[k].Beds);
            // Hosts big enough that are out only because they refused (an exclusion): the coordinator should know.
            var refused = Enumerable.Range(0, problem.Hosts.Count).Count(k => !compatible.Contains(k)
                && HardRules.Allows(problem.Night, problem.Hosts[k], problem.Households[h], problem.Travel[k])
                && HardRules.HasBedsFor(problem.Hosts[k], people));
            return (UnplacedReason.TooLarge,
                $"Compatible hosts exist tonight but none has {people} beds (the largest has {largest}); the household cannot be split." +
                (refused == 0 ? string.Empty : $" {refused} host(s) with enough beds said no tonight or let an offer go unanswered."));
        }

        return (UnplacedReason.Outranked, keptPlacements
            ? $"{roomy} compatible host(s) with enough beds, but their places are taken tonight by households already placed " +
              "(confirmed, or offered and waiting for the host's answer) or went to households of the same or a higher priority."
            : $"{roomy} compatible host(s) with enough beds, but their places went to households of the same or a higher priority tonight.");
    }

    /// <summary>Applies rules 1-5 one after the other and names the first one that leaves no host.</summary>
    private static string WhyNoCompatibleHost(MatchingProblem problem, int h)
    {
        var night = problem.Night;
        var household = problem.Households[h];
        var who = Describe(problem.Category[h]);
        var broken = Enumerable.Range(0, problem.Hosts.Count)
            .Select(k => (Rule: HardRules.FirstBroken(night.Night, night.Rules, problem.Hosts[k], household, problem.Travel[k]), Travel: problem.Travel[k]))
            .ToList();
        var passing = broken.Count(b => b.Rule is null);
        if (passing > 0)
        {
            return $"Every host that could take this household tonight ({passing}) has said no tonight, let an offer go unanswered, " +
                   "or had this household's offer cancelled.";
        }

        // Filtering the hosts by rule 1, then 2, and so on, the rule that empties the list is the latest of the hosts'
        // first broken rules (rule 1 when there is no host at all).
        var rule = broken.Count == 0 ? HardRule.Available : broken.Max(b => b.Rule!.Value);
        switch (rule)
        {
            case HardRule.Available:
                // Hosts who would be available but for their monthly limit of nights (host load): the coordinator should know.
                var atLimit = problem.Hosts.Count(k => !HardRules.WithinMonthlyLimit(k)
                    && HardRules.IsAvailable(k with { MaxNightsPerMonth = null }, night.Night));
                return "No host is available tonight with an agreement valid for this night" +
                       (atLimit == 0 ? "." : $": {atLimit} host(s) have already hosted their maximum of nights this month.");
            case HardRule.AcceptsCategory:
                return $"No host available tonight accepts {who}.";
            case HardRule.MinorsNeedCertifiedHost:
                return "No host available tonight that accepts unaccompanied minors is certified for minors.";
            case HardRule.WheelchairAccess:
                return $"No wheelchair-accessible host available tonight accepts {who}.";
            default:
                var limit = night.Rules.MaxTravelMinutes.ToString(CultureInfo.InvariantCulture);
                var nearest = broken.Where(b => b.Rule == HardRule.WithinTravelLimit).Min(b => b.Travel);
                var certified = problem.Category[h] == HouseholdCategory.Minor ? "certified " : "";
                return $"No {certified}host for {who} within {limit} minutes of the base tonight (the nearest is {nearest} minutes away).";
        }
    }

    /// <summary>The category in a coordinator's words: "families", "women alone".</summary>
    internal static string Describe(HouseholdCategory category) => category switch
    {
        HouseholdCategory.Minor => "unaccompanied minors",
        HouseholdCategory.Family => "families",
        HouseholdCategory.Women => "women alone",
        HouseholdCategory.Men => "men",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };
}
