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
        var category = problem.Category[h];
        var who = Describe(category);
        var hosts = Enumerable.Range(0, problem.Hosts.Count).ToList();

        hosts = hosts.Where(k => HardRules.IsAvailable(problem.Hosts[k], night.Night)).ToList();
        if (hosts.Count == 0)
        {
            return "No host is available tonight with an agreement valid for this night.";
        }

        hosts = hosts.Where(k => HardRules.AcceptsCategory(problem.Hosts[k], category)).ToList();
        if (hosts.Count == 0)
        {
            return $"No host available tonight accepts {who}.";
        }

        hosts = hosts.Where(k => HardRules.MinorsNeedCertifiedHost(problem.Hosts[k], category, night.Night)).ToList();
        if (hosts.Count == 0)
        {
            return "No host available tonight that accepts unaccompanied minors is certified for minors.";
        }

        hosts = hosts.Where(k => HardRules.WheelchairAccess(problem.Hosts[k], household.NeedsWheelchairAccess)).ToList();
        if (hosts.Count == 0)
        {
            return $"No wheelchair-accessible host available tonight accepts {who}.";
        }

        var limit = night.Rules.MaxTravelMinutes.ToString(CultureInfo.InvariantCulture);
        var nearest = hosts.Min(k => problem.Travel[k]);
        hosts = hosts.Where(k => HardRules.WithinTravelLimit(problem.Travel[k], night.Rules)).ToList();
        if (hosts.Count == 0)
        {
            var certified = category == HouseholdCategory.Minor ? "certified " : "";
            return $"No {certified}host for {who} within {limit} minutes of the base tonight (the nearest is {nearest} minutes away).";
        }

        return $"Every host that could take this household tonight ({hosts.Count}) has said no tonight, let an offer go unanswered, " +
               "or had this household's offer cancelled.";
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
