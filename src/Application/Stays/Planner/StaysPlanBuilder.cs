using System.Globalization;
using HostingMatch.Domain.Households;
using NodaTime;
using NodaTime.Text;

namespace HostingMatch.Application.Stays.Planner;

/// <summary>Turns chains of candidate stays into the plan: stays with their journeys, the summary and the uncovered periods with their reasons.</summary>
internal static class StaysPlanBuilder
{
    private static readonly LocalDatePattern DayMonthYear = LocalDatePattern.Create("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static StaysPlan Build(StaysProblem problem, IReadOnlyList<List<Candidate>> chains, bool optimal, double? gap, TimeSpan elapsed)
    {
        var file = problem.File;
        var stays = new List<PlannedStay>();
        var uncovered = new List<UncoveredPeriod>();
        var covered = new long[3];
        var missing = new long[3];
        var moves = 0;
        long journeys = 0;
        foreach (var g in Enumerable.Range(0, file.Guests.Count).OrderBy(g => file.Guests[g].Id, StringComparer.Ordinal))
        {
            var guest = file.Guests[g];
            var last = problem.CurrentHost[g];
            var chainStarted = last >= 0;
            var coveredNights = new bool[problem.Days];
            foreach (var c in chains[g].OrderBy(c => c.From))
            {
                var journey = c.ContinuesCurrent ? 0 : problem.Journey(g, last, c.Host);
                if (chainStarted && !c.ContinuesCurrent)
                {
                    moves++;
                }

                chainStarted = true;
                last = c.Host;
                journeys += journey;
                covered[guest.Tier - 1] += (long)guest.People * c.Nights;
                for (var d = c.From; d < c.Until; d++)
                {
                    coveredNights[d] = true;
                }

                stays.Add(new PlannedStay(guest.Id, file.Hosts[c.Host].Id, problem.Date(c.From), problem.Date(c.Until), guest.People, guest.Tier, c.ContinuesCurrent, journey));
            }

            var runStart = -1;
            UncoveredReason? runReason = null;
            for (var d = problem.Start[g]; d <= problem.End[g]; d++)
            {
                UncoveredReason? reason = d < problem.End[g] && !coveredNights[d] ? ReasonOn(problem, g, d) : null;
                if (reason != runReason)
                {
                    if (runReason is { } r)
                    {
                        uncovered.Add(Period(problem, g, runStart, d, r));
                    }

                    runStart = d;
                    runReason = reason;
                }

                if (reason is not null)
                {
                    missing[guest.Tier - 1] += guest.People;
                }
            }
        }

        var summary = new StaysSummary(covered, missing, moves, journeys, (long)elapsed.TotalMilliseconds);
        return new StaysPlan(file.PlanFrom, file.PlanUntil, optimal, optimal ? null : gap, stays, uncovered, summary);
    }

    /// <summary>The reasons table: is there a host passing rules 3-5 with enough beds for the guest that night?</summary>
    internal static UncoveredReason ReasonOn(StaysProblem problem, int g, int day) =>
        problem.Compatible[g].Any(h => problem.NightOk[g][h][day]) ? UncoveredReason.Outranked : UncoveredReason.NoCompatibleHost;

    private static UncoveredPeriod Period(StaysProblem problem, int g, int from, int until, UncoveredReason reason)
    {
        var file = problem.File;
        var guest = file.Guests[g];
        var nights = until - from;
        var when = $"from {DayMonthYear.Format(problem.Date(from))} to {DayMonthYear.Format(problem.Date(until))} ({nights} night{(nights == 1 ? "" : "s")})";
        var regions = Regions(guest);
        string detail;
        if (reason == UncoveredReason.NoCompatibleHost)
        {
            var who = guest.Category switch
            {
                HouseholdCategory.Minor => "certified for minors",
                HouseholdCategory.Family => "accepting families",
                HouseholdCategory.Women => "accepting women alone",
                _ => "accepting men",
            };
            var access = guest.NeedsWheelchairAccess ? "wheelchair-accessible host" : "host";
            var beds = guest.People > 1 ? $" {guest.People} beds" : " a bed";
            detail = $"No {access} {who} in {regions} has{beds} {when}."
                + (guest.RefusedBy is { Count: > 0 } refused ? $" {refused.Count} host{(refused.Count == 1 ? " who" : "s who")} declined this guest or let the proposal expire {(refused.Count == 1 ? "is" : "are")} not asked again." : string.Empty);
        }
        else
        {
            var hosts = problem.Compatible[g].Count(h => Enumerable.Range(from, nights).Any(d => problem.NightOk[g][h][d]));
            detail = $"{hosts} compatible host{(hosts == 1 ? "" : "s")} in {regions} could take this guest {when}, but their beds go to guests ranking higher "
                + $"or the stay rules (at least {file.Rules.MinStayNights} nights, rotation limit, current stay) stop a stay there.";
        }

        return new UncoveredPeriod(guest.Id, problem.Date(from), problem.Date(until), reason, detail);
    }

    private static string Regions(StaysGuest guest)
    {
        if (guest.Regions is null || guest.Regions.Count == 0)
        {
            return "any region";
        }

        var names = guest.Regions.Select(Domain.Stays.Region.DisplayName).ToArray();
        return names.Length == 1 ? names[0] : string.Join(", ", names[..^1]) + " or " + names[^1];
    }
}
