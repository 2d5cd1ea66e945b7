using HostingMatch.Application.Stays.Planner;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Households;
using NodaTime;

namespace HostingMatch.UnitTests.Stays;

/// <summary>
/// Checks a stays plan against stays.md, written from the spec and not from the planner: every hard rule night by
/// night, maximal and sorted stays, the coverage partition, the reasons and their maximal runs, and the summary's
/// levels recomputed from the stays.
/// </summary>
internal static class StaysPlanChecker
{
    public static List<string> Problems(StaysFile file, StaysPlan plan)
    {
        var problems = new List<string>();
        var hosts = file.Hosts.ToDictionary(h => h.Id);
        var guests = file.Guests.ToDictionary(g => g.Id);
        var covered = new long[3];
        var uncovered = new long[3];
        var moves = 0;
        long journeys = 0;

        var sorted = plan.Stays.OrderBy(s => s.GuestId, StringComparer.Ordinal).ThenBy(s => s.From).ToList();
        if (!sorted.SequenceEqual(plan.Stays))
        {
            problems.Add("stays are not sorted by guest, then from");
        }

        foreach (var guest in file.Guests)
        {
            var from = Max(guest.NeedFrom, file.PlanFrom);
            var until = Min(guest.NeedUntil ?? file.PlanUntil, file.PlanUntil);
            var chain = plan.Stays.Where(s => s.GuestId == guest.Id).OrderBy(s => s.From).ToList();
            var previousHost = guest.Current?.HostId;
            var previousUntil = (LocalDate?)null;
            string? previousStayHost = null;
            var hasChain = guest.Current is not null;
            foreach (var stay in chain)
            {
                var host = hosts[stay.HostId];
                var label = $"{guest.Id} at {host.Id} [{stay.From}, {stay.Until})";
                if (stay.From >= stay.Until)
                {
                    problems.Add($"{label}: empty stay");
                    continue;
                }

                // Rule 1.
                if (stay.From < from || stay.Until > until)
                {
                    problems.Add($"{label}: rule 1, outside the nights to plan [{from}, {until})");
                }

                // Rule 2 and maximality.
                if (previousUntil is { } pu && stay.From < pu)
                {
                    problems.Add($"{label}: rule 2, overlaps the previous stay");
                }

                if (previousUntil is { } pu2 && stay.From == pu2 && previousStayHost == stay.HostId)
                {
                    problems.Add($"{label}: not maximal, touches the previous stay at the same host");
                }

                var continues = guest.Current is { } c && c.HostId == stay.HostId && stay.From == from && from == file.PlanFrom;
                if (stay.ContinuesCurrent != continues)
                {
                    problems.Add($"{label}: continuesCurrent is {stay.ContinuesCurrent}, the spec says {continues}");
                }

                // Rules 3, 4, 5.
                for (var night = stay.From; night < stay.Until; night = night.PlusDays(1))
                {
                    if (!host.Available.Any(p => p.From <= night && night < p.Until))
                    {
                        problems.Add($"{label}: rule 3, not available on {night}");
                    }

                    if (night < host.AgreementValidFrom || night > host.AgreementValidUntil)
                    {
                        problems.Add($"{label}: rule 3, agreement not valid on {night}");
                    }

                    if (guest.Category == HouseholdCategory.Minor && host.CertifiedUntil is { } cu && night > cu)
                    {
                        problems.Add($"{label}: rule 4, certification expired on {night}");
                    }
                }

                if (!host.Accepts.Contains(guest.Category) || (guest.Category == HouseholdCategory.Minor && !host.MinorsCertified)
                    || (guest.NeedsWheelchairAccess && !host.WheelchairAccessible))
                {
                    problems.Add($"{label}: rule 4");
                }

                if (guest.Regions is { Count: > 0 } regions && !regions.Contains(host.Region))
                {
                    problems.Add($"{label}: rule 5");
                }

                // Rule 7.
                var length = Period.DaysBetween(continues ? guest.Current!.Since : stay.From, stay.Until);
                if (length > host.MaxNightsPerGuest)
                {
                    problems.Add($"{label}: rule 7, {length} nights over {host.MaxNightsPerGuest}");
                }

                if (!continues && stay.Until != until && Period.DaysBetween(stay.From, stay.Until) < file.Rules.MinStayNights)
                {
                    problems.Add($"{label}: rule 7, shorter than {file.Rules.MinStayNights} nights");
                }

                // Moves and journeys.
                var journeyFrom = previousHost is null ? guest.Location : hosts[previousHost].Location;
                var journey = continues ? 0 : TravelTime.Minutes(journeyFrom, host.Location, file.Rules.DetourFactor, file.Rules.AverageSpeedKmh);
                if (stay.JourneyMinutes != journey)
                {
                    problems.Add($"{label}: journey {stay.JourneyMinutes}, the spec gives {journey}");
                }

                if (hasChain && !continues)
                {
                    moves++;
                }

                if (stay.People != guest.People || stay.Tier != guest.Tier)
                {
                    problems.Add($"{label}: people or tier wrong");
                }

                hasChain = true;
                journeys += journey;
                covered[guest.Tier - 1] += (long)guest.People * Period.DaysBetween(stay.From, stay.Until);
                previousHost = stay.HostId;
                previousStayHost = stay.HostId;
                previousUntil = stay.Until;
            }

            // Rule 8.
            if (guest.Current is { } current)
            {
                var mandatoryUntil = Min(current.Until, until);
                if (from < mandatoryUntil && !chain.Any(s => s.HostId == current.HostId && s.From == from && s.Until >= mandatoryUntil))
                {
                    problems.Add($"{guest.Id}: rule 8, not at {current.HostId} until {current.Until}");
                }
            }

            // The partition and the reasons.
            var periods = plan.Uncovered.Where(u => u.GuestId == guest.Id).OrderBy(u => u.From).ToList();
            for (var night = from; night < until; night = night.PlusDays(1))
            {
                var inStays = chain.Count(s => s.From <= night && night < s.Until);
                var inPeriods = periods.Where(u => u.From <= night && night < u.Until).ToList();
                if (inStays + inPeriods.Count != 1)
                {
                    problems.Add($"{guest.Id}: the night {night} is in {inStays} stays and {inPeriods.Count} uncovered periods");
                    continue;
                }

                if (inPeriods.Count == 1)
                {
                    uncovered[guest.Tier - 1] += guest.People;
                    var n = night;
                    var compatible = file.Hosts.Any(h => Passes3To5(h, guest, n) && h.Beds >= guest.People);
                    var reason = compatible ? UncoveredReason.Outranked : UncoveredReason.NoCompatibleHost;
                    if (inPeriods[0].Reason != reason)
                    {
                        problems.Add($"{guest.Id}: the night {night} is {inPeriods[0].Reason}, the spec says {reason}");
                    }
                }
            }

            foreach (var p in periods)
            {
                if (p.From < from || p.Until > until || p.From >= p.Until || string.IsNullOrWhiteSpace(p.Detail))
                {
                    problems.Add($"{guest.Id}: bad uncovered period [{p.From}, {p.Until})");
                }
            }

            for (var i = 1; i < periods.Count; i++)
            {
                if (periods[i].From == periods[i - 1].Until && periods[i].Reason == periods[i - 1].Reason)
                {
                    problems.Add($"{guest.Id}: uncovered periods [{periods[i - 1].From}, {periods[i].From}) and the next are not maximal");
                }
            }
        }

        // Rule 6, night by night at every host.
        for (var night = file.PlanFrom; night < file.PlanUntil; night = night.PlusDays(1))
        {
            var n = night;
            foreach (var group in plan.Stays.Where(s => s.From <= n && n < s.Until).GroupBy(s => s.HostId))
            {
                var host = hosts[group.Key];
                var there = group.Select(s => guests[s.GuestId]).ToList();
                if (there.Sum(g => g.People) > host.Beds || there.Count > host.MaxHouseholds || there.Select(g => g.Category).Distinct().Count() > 1)
                {
                    problems.Add($"{host.Id} on {night}: rule 6");
                }
            }
        }

        var s = plan.Summary;
        if (!s.PersonNightsCovered.SequenceEqual(covered) || !s.PersonNightsUncovered.SequenceEqual(uncovered) || s.Moves != moves || s.JourneyMinutes != journeys)
        {
            problems.Add($"summary [{string.Join(",", s.Levels)}] uncovered [{string.Join(",", s.PersonNightsUncovered)}], the stays give "
                + $"[{string.Join(",", covered)},{moves},{journeys}] uncovered [{string.Join(",", uncovered)}]");
        }

        return problems;
    }

    /// <summary>Rules 3 to 5 for one guest at one host on one night.</summary>
    public static bool Passes3To5(StaysHost h, StaysGuest g, LocalDate night) =>
        h.Available.Any(p => p.From <= night && night < p.Until)
        && h.AgreementValidFrom <= night && night <= h.AgreementValidUntil
        && h.Accepts.Contains(g.Category)
        && (g.Category != HouseholdCategory.Minor || (h.MinorsCertified && (h.CertifiedUntil is null || night <= h.CertifiedUntil)))
        && (!g.NeedsWheelchairAccess || h.WheelchairAccessible)
        && (g.Regions is not { Count: > 0 } || g.Regions.Contains(h.Region));

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;

    private static LocalDate Min(LocalDate a, LocalDate b) => a < b ? a : b;
}
