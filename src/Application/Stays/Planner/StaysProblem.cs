using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Households;
using NodaTime;

namespace HostingMatch.Application.Stays.Planner;

/// <summary>One candidate stay: guest <see cref="Guest"/> at host <see cref="Host"/> for the day indexes <c>[From, Until)</c> of the horizon.</summary>
internal readonly record struct Candidate(int Guest, int Host, int From, int Until, bool ContinuesCurrent)
{
    public int Nights => Until - From;
}

/// <summary>
/// A stays file turned into day indexes (0 is <c>planFrom</c>) and the static rules: which host may take
/// which guest on which night (rules 3-5, beds), the candidate stays of each guest (rules 1, 7, 8) and the journeys.
/// </summary>
internal sealed class StaysProblem
{
    public StaysProblem(StaysFile file)
    {
        File = file;
        Days = Period.DaysBetween(file.PlanFrom, file.PlanUntil);
        var hostIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var h = 0; h < file.Hosts.Count; h++)
        {
            hostIndex[file.Hosts[h].Id] = h;
        }

        var guests = file.Guests.Count;
        Start = new int[guests];
        End = new int[guests];
        CurrentHost = new int[guests];
        MandatoryUntil = new int[guests];
        NightOk = new bool[guests][][];
        Compatible = new int[guests][];
        People = new int[guests];
        Category = new HouseholdCategory[guests];
        Tier = new int[guests];
        for (var g = 0; g < guests; g++)
        {
            var guest = file.Guests[g];
            People[g] = guest.People;
            Category[g] = guest.Category;
            Tier[g] = guest.Tier;
            Start[g] = Math.Max(0, Index(guest.NeedFrom));
            End[g] = Math.Min(Days, guest.NeedUntil is { } until ? Index(until) : Days);
            if (End[g] < Start[g])
            {
                End[g] = Start[g];
            }

            CurrentHost[g] = -1;
            MandatoryUntil[g] = Start[g];
            if (guest.Current is { } current)
            {
                if (!hostIndex.TryGetValue(current.HostId, out var ch))
                {
                    throw new ArgumentException($"Guest {guest.Id}: its current stay names the unknown host {current.HostId}.", nameof(file));
                }

                CurrentHost[g] = ch;
                MandatoryUntil[g] = Math.Clamp(Index(current.Until), Start[g], End[g]);
            }

            NightOk[g] = new bool[file.Hosts.Count][];
            var compatible = new List<int>();
            for (var h = 0; h < file.Hosts.Count; h++)
            {
                var host = file.Hosts[h];
                if (!Accepts(host, guest) || guest.WasRefusedBy(host.Id))
                {
                    continue;
                }

                var ok = new bool[Days];
                var any = false;
                for (var t = Start[g]; t < End[g]; t++)
                {
                    ok[t] = HostOpen(host, guest, Date(t));
                    any |= ok[t];
                }

                if (any)
                {
                    NightOk[g][h] = ok;
                    compatible.Add(h);
                }
            }

            Compatible[g] = [.. compatible];
        }
    }

    public StaysFile File { get; }

    /// <summary>Per guest: its people, category and tier, derived once (the derivation walks the members).</summary>
    public int[] People { get; }

    /// <inheritdoc cref="People"/>
    public HouseholdCategory[] Category { get; }

    /// <inheritdoc cref="People"/>
    public int[] Tier { get; }

    public int Days { get; }

    /// <summary>First day index of each guest's nights to plan.</summary>
    public int[] Start { get; }

    /// <summary>Day index after the last night to plan of each guest (equal to <see cref="Start"/> when there is none).</summary>
    public int[] End { get; }

    /// <summary>Host index of each guest's current stay, or -1.</summary>
    public int[] CurrentHost { get; }

    /// <summary>The guest must be at its current host on the nights <c>[Start, MandatoryUntil)</c> (rule 8).</summary>
    public int[] MandatoryUntil { get; }

    /// <summary>Per guest and host: null when the host never passes rules 3-5 and beds for the guest; else per day, whether it does.</summary>
    public bool[][][] NightOk { get; }

    /// <summary>Per guest: hosts that pass rules 3-5 and beds on at least one of its nights.</summary>
    public int[][] Compatible { get; }

    public int Index(LocalDate date) => Period.DaysBetween(File.PlanFrom, date);

    public LocalDate Date(int day) => File.PlanFrom.PlusDays(day);

    /// <summary>Rules 4 and 5 and beds, the parts that do not depend on the night.</summary>
    public static bool Accepts(StaysHost host, StaysGuest guest) =>
        host.Accepts.Contains(guest.Category)
        && (guest.Category != HouseholdCategory.Minor || host.MinorsCertified)
        && (!guest.NeedsWheelchairAccess || host.WheelchairAccessible)
        && guest.MayStayIn(host.Region)
        && host.Beds >= guest.People
        && host.MaxHouseholds >= 1;

    /// <summary>Rule 3 and the certificate's expiry of rule 4, on one night.</summary>
    public static bool HostOpen(StaysHost host, StaysGuest guest, LocalDate night) =>
        host.Available.Any(p => p.Contains(night))
        && host.AgreementValidFrom <= night && night <= host.AgreementValidUntil
        && (guest.Category != HouseholdCategory.Minor || host.CertifiedUntil is null || night <= host.CertifiedUntil);

    /// <summary>The longest a stay of guest <paramref name="g"/> at host <paramref name="h"/> from day <paramref name="from"/> may last (rule 7).</summary>
    public int MaxNights(int g, int h, int from)
    {
        var host = File.Hosts[h];
        if (IsContinuing(g, h, from))
        {
            return host.MaxNightsPerGuest - Period.DaysBetween(File.Guests[g].Current!.Since, Date(from));
        }

        return host.MaxNightsPerGuest;
    }

    /// <summary>The nights guest <paramref name="g"/> must spend at its current host (rule 8), as one stay, or nothing.</summary>
    public List<Candidate> Agreed(int g) =>
        MandatoryUntil[g] > Start[g] ? [new Candidate(g, CurrentHost[g], Start[g], MandatoryUntil[g], ContinuesCurrent: true)] : [];

    /// <summary>A stay at the current host from the first night to plan continues the current stay.</summary>
    public bool IsContinuing(int g, int h, int from) => CurrentHost[g] == h && from == Start[g];

    /// <summary>Rule 7's lower bound holds for a stay (continuing stays and stays ending with the nights to plan are exempt).</summary>
    public bool LongEnough(int g, int h, int from, int until) =>
        until - from >= File.Rules.MinStayNights || until == End[g] || IsContinuing(g, h, from);

    /// <summary>
    /// Every stay guest <paramref name="g"/> could make under rules 1, 3-5, 7 and 8 (ignoring the other guests).
    /// </summary>
    public List<Candidate> Candidates(int g)
    {
        var list = new List<Candidate>();
        foreach (var h in Compatible[g])
        {
            var ok = NightOk[g][h];
            for (var a = Start[g]; a < End[g]; a++)
            {
                if (!ok[a])
                {
                    continue;
                }

                // Rule 8: before the current stay ends, only the continuing stay may be there.
                if (a < MandatoryUntil[g] && !IsContinuing(g, h, a))
                {
                    continue;
                }

                var max = MaxNights(g, h, a);
                for (var b = a + 1; b <= End[g] && b - a <= max && ok[b - 1]; b++)
                {
                    if (IsContinuing(g, h, a) && b < MandatoryUntil[g])
                    {
                        continue;
                    }

                    if (LongEnough(g, h, a, b))
                    {
                        list.Add(new Candidate(g, h, a, b, IsContinuing(g, h, a)));
                    }
                }
            }
        }

        return list;
    }

    /// <summary>Journey minutes from <paramref name="from"/> (host index, or -1: the guest's own location) to host <paramref name="to"/>.</summary>
    public int Journey(int g, int from, int to)
    {
        var rules = File.Rules;
        var origin = from < 0 ? File.Guests[g].Location : File.Hosts[from].Location;
        return TravelTime.Minutes(origin, File.Hosts[to].Location, rules.DetourFactor, rules.AverageSpeedKmh);
    }
}
