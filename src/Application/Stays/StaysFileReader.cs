using System.Globalization;
using HostingMatch.Application.Matching;
using HostingMatch.Application.Stays.Planner;
using HostingMatch.Application.Validation;
using HostingMatch.Domain.Households;
using NodaTime;
using NodaTime.Text;

namespace HostingMatch.Application.Stays;

/// <summary>
/// Either a stays file that passed every check, or the problems found in it (never both): every one, or the first
/// <see cref="StaysFileLimits.ReportedErrors"/>, and how many there are (<see cref="ErrorCount"/>).
/// </summary>
public sealed record StaysFileResult(StaysFile? File, IReadOnlyList<InputError> Errors)
{
    public bool IsValid => File is not null;

    /// <summary>How many problems the file has, listed in <see cref="Errors"/> or not.</summary>
    public int ErrorCount { get; init; } = Errors.Count;
}

/// <summary>
/// What a reader for the Api holds a stays file to: at most <paramref name="MaxGuestHostNights"/> guests times hosts times
/// horizon nights (the planner's set-up grows with that product outside its clock), and at most
/// <paramref name="ReportedErrors"/> problems listed (a file of a million problems is not answered with a million messages).
/// Null: no bound, as for the command line.
/// </summary>
public sealed record StaysFileLimits(long? MaxGuestHostNights = null, int? ReportedErrors = null);

/// <summary>
/// Reads a stays file (spec: stays.md, "The stays file" and "Validation") strictly: a file with any problem is
/// rejected as a whole, with one error per problem, each with its JSON path. Current stays are checked against
/// rules 3 to 7 on their nights inside the horizon, since a plan cannot repair an agreement already made.
/// </summary>
public static class StaysFileReader
{
    /// <summary>The longest horizon accepted: a year.</summary>
    public const int MaxHorizonNights = 366;

    /// <summary>
    /// Reads <paramref name="json"/>; with <paramref name="limits"/>, a programme over its size is refused too (at <c>$</c>)
    /// and only its first problems are listed.
    /// </summary>
    public static StaysFileResult Read(string json, StaysFileLimits? limits = null)
    {
        var maxGuestHostNights = limits?.MaxGuestHostNights;
        var errors = new InputErrors(limits?.ReportedErrors ?? int.MaxValue);
        using var document = JsonFields.Parse(json, errors);
        var root = document is null ? null : JsonFields.Root(document.RootElement, errors);
        if (root is null)
        {
            return Rejected(errors);
        }

        var planFrom = root.Date("planFrom");
        var planUntil = root.Date("planUntil");
        if (planFrom is { } from && planUntil is { } until)
        {
            if (until <= from)
            {
                root.Error("planUntil", "must be after planFrom");
            }
            else if (Period.DaysBetween(from, until) > MaxHorizonNights)
            {
                root.Error("planUntil", $"the horizon is at most {MaxHorizonNights} nights ({Period.DaysBetween(from, until)} given)");
            }
        }

        var rules = ReadRules(root.Object("rules", required: false));
        var hosts = root.Objects("hosts").Select(ReadHost).ToList();
        var guests = root.Objects("guests").Select(ReadGuest).ToList();
        NightFileReader.RejectDuplicateIds(hosts.Select(h => (h.Id, h.Path)), errors);
        NightFileReader.RejectDuplicateIds(guests.Select(g => (g.Id, g.Path)), errors);

        var hostById = new Dictionary<string, StaysHost>(StringComparer.Ordinal);
        foreach (var host in hosts.Where(h => h.Host is not null))
        {
            hostById.TryAdd(host.Host!.Id, host.Host);
        }

        foreach (var guest in guests.Where(g => g.CurrentHostId is not null && !hostById.ContainsKey(g.CurrentHostId)))
        {
            errors.Add($"{guest.Path}.current.hostId", $"names no host of this file ({TextHygiene.Quote(guest.CurrentHostId!)})");
        }

        if (errors.Any || planFrom is null || planUntil is null)
        {
            return Rejected(errors);
        }

        var nights = Period.DaysBetween(planFrom.Value, planUntil.Value);
        var size = (long)guests.Count * hosts.Count * nights;
        if (size > maxGuestHostNights)
        {
            errors.Add("$", string.Create(CultureInfo.InvariantCulture, $"the programme is too large to plan here: {guests.Count} guests × {hosts.Count} hosts × "
                + $"{nights} nights is {size:N0} guest-host-nights, over {maxGuestHostNights:N0}; plan it with the command line (hostingmatch stays)"));
            return Rejected(errors);
        }

        var file = new StaysFile(planFrom.Value, planUntil.Value, rules, [.. hosts.Select(h => h.Host!)], [.. guests.Select(g => g.Guest!)]);
        CheckCurrentStays(file, [.. guests.Select(g => g.Path)], errors);
        return errors.Any ? Rejected(errors) : new StaysFileResult(file, []);
    }

    private static StaysFileResult Rejected(InputErrors errors) => new(null, errors.Items) { ErrorCount = errors.Count };

    private static StaysRules ReadRules(JsonFields? fields)
    {
        if (fields is null)
        {
            return StaysRules.Default;
        }

        return new StaysRules(
            fields.Int("minStayNights", required: false, fallback: StaysRules.DefaultMinStayNights, min: 1),
            fields.Number("averageSpeedKmh", required: false, fallback: StaysRules.DefaultAverageSpeedKmh, min: 0, minExclusive: true),
            fields.Number("detourFactor", required: false, fallback: StaysRules.DefaultDetourFactor, min: 0, minExclusive: true));
    }

    private sealed record HostRead(string Path, string? Id, StaysHost? Host);

    private static HostRead ReadHost(JsonFields fields)
    {
        var id = fields.Id("id");
        var region = fields.Line("region");
        var location = NightFileReader.ReadLocation(fields);
        var beds = fields.Int("beds", min: 0);
        var maxHouseholds = fields.Int("maxHouseholds", required: false, fallback: 1, min: 1);
        var accepts = NightFileReader.ReadAccepts(fields);
        var certified = fields.Bool("minorsCertified");
        var certifiedUntil = fields.Date("certifiedUntil", required: false);
        var wheelchair = fields.Bool("wheelchairAccessible", required: false);
        var validFrom = fields.Date("agreementValidFrom");
        var validUntil = fields.Date("agreementValidUntil");
        var maxNights = fields.Int("maxNightsPerGuest", required: false, fallback: StaysHost.DefaultMaxNightsPerGuest, min: 1);
        var periods = new List<StayPeriod>();
        var complete = true;
        foreach (var period in fields.Objects("available"))
        {
            if (ReadPeriod(period) is { } p)
            {
                periods.Add(p);
            }
            else
            {
                complete = false;
            }
        }

        var ordered = periods.Select((p, i) => (Period: p, Index: i)).OrderBy(p => p.Period.From).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Period.From < ordered[i - 1].Period.Until)
            {
                fields.Error($"available[{ordered[i].Index}]", $"overlaps available[{ordered[i - 1].Index}]");
                complete = false;
            }
        }

        complete &= id is not null && region is not null && location is not null && validFrom is not null && validUntil is not null;
        var host = complete
            ? new StaysHost(id!, region!, location!.Value, beds, accepts, certified, validFrom!.Value, validUntil!.Value, periods, maxHouseholds,
                maxNights, certifiedUntil, wheelchair)
            : null;
        return new HostRead(fields.Path, id, host);
    }

    private static StayPeriod? ReadPeriod(JsonFields fields)
    {
        var from = fields.Date("from");
        var until = fields.Date("until");
        if (from is null || until is null)
        {
            return null;
        }

        if (until <= from)
        {
            fields.Error("until", "must be after from");
            return null;
        }

        return new StayPeriod(from.Value, until.Value);
    }

    private sealed record GuestRead(string Path, string? Id, string? CurrentHostId, StaysGuest? Guest);

    private static GuestRead ReadGuest(JsonFields fields)
    {
        var id = fields.Id("id");
        var members = NightFileReader.ReadMembers(fields);
        var vulnerable = fields.Bool("vulnerable", required: false);
        var wheelchair = fields.Bool("needsWheelchairAccess", required: false);
        var needFrom = fields.Date("needFrom");
        var needUntil = fields.Date("needUntil", required: false);
        var complete = true;
        if (needFrom is { } f && needUntil is { } u && u <= f)
        {
            fields.Error("needUntil", "must be after needFrom");
            complete = false;
        }

        var regions = fields.Has("regions") ? fields.Lines("regions", required: false) : [];
        var location = NightFileReader.ReadLocation(fields);
        CurrentStay? current = null;
        string? currentHostId = null;
        if (fields.Object("current", required: false) is { } currentFields)
        {
            currentHostId = currentFields.Id("hostId");
            var since = currentFields.Date("since");
            var until = currentFields.Date("until");
            if (currentHostId is not null && since is not null && until is not null)
            {
                current = new CurrentStay(currentHostId, since.Value, until.Value);
            }
            else
            {
                complete = false;
            }
        }

        complete &= id is not null && members is not null && needFrom is not null && location is not null;
        var guest = complete
            ? new StaysGuest(id!, members!, needFrom!.Value, location!.Value, needUntil, regions, vulnerable, wheelchair, current)
            : null;
        return new GuestRead(fields.Path, id, currentHostId, guest);
    }

    /// <summary>
    /// A current stay must itself be allowed (stays.md, "Hard rules", last paragraph): it starts before the horizon,
    /// ends at or after its start, and its nights inside the horizon pass rules 3 to 6, its length rule 7.
    /// </summary>
    private static void CheckCurrentStays(StaysFile file, IReadOnlyList<string> paths, InputErrors errors)
    {
        var hosts = file.Hosts.ToDictionary(h => h.Id, StringComparer.Ordinal);
        var people = new Dictionary<(string Host, LocalDate Night), List<int>>();
        for (var g = 0; g < file.Guests.Count; g++)
        {
            var guest = file.Guests[g];
            if (guest.Current is not { } current)
            {
                continue;
            }

            var path = $"{paths[g]}.current";
            var host = hosts[current.HostId];
            if (current.Since >= file.PlanFrom)
            {
                errors.Add($"{path}.since", "must be before planFrom");
                continue;
            }

            if (current.Until < file.PlanFrom)
            {
                errors.Add($"{path}.until", "must be on or after planFrom");
                continue;
            }

            var length = Period.DaysBetween(current.Since, current.Until);
            if (length > host.MaxNightsPerGuest)
            {
                errors.Add($"{path}.until", $"breaks rule 7 on the night of {Iso(current.Since.PlusDays(host.MaxNightsPerGuest))}: the stay lasts {length} nights, "
                    + $"over host {host.Id}'s maxNightsPerGuest of {host.MaxNightsPerGuest}");
                continue;
            }

            var last = current.Until < file.PlanUntil ? current.Until : file.PlanUntil;
            if (last > file.PlanFrom && !StaysProblem.Accepts(host, guest))
            {
                errors.Add(path, RuleOfAccepts(host, guest, file.PlanFrom));
                continue;
            }

            for (var night = file.PlanFrom; night < last; night = night.PlusDays(1))
            {
                if (!StaysProblem.HostOpen(host, guest, night))
                {
                    var rule = host.Available.Any(p => p.Contains(night)) && host.AgreementValidFrom <= night && night <= host.AgreementValidUntil
                        ? $"breaks rule 4 on the night of {Iso(night)}: host {host.Id}'s certification for minors ends on {Iso(host.CertifiedUntil!.Value)}"
                        : $"breaks rule 3 on the night of {Iso(night)}: host {host.Id} is not available or its agreement is not valid that night";
                    errors.Add(path, rule);
                    break;
                }

                if (!people.TryGetValue((host.Id, night), out var there))
                {
                    people[(host.Id, night)] = there = [];
                }

                there.Add(g);
            }
        }

        // Rule 6 over the current stays together: the first night each host is over-full, once per host.
        foreach (var group in people.OrderBy(p => p.Key.Night).GroupBy(p => p.Key.Host))
        {
            var host = hosts[group.Key];
            foreach (var ((_, night), there) in group)
            {
                var total = there.Sum(g => file.Guests[g].People);
                var problem = total > host.Beds ? $"{total} people for {host.Beds} beds"
                    : there.Count > host.MaxHouseholds ? $"{there.Count} households for maxHouseholds {host.MaxHouseholds}"
                    : there.Select(g => file.Guests[g].Category).Distinct().Count() > 1 ? "households of different categories"
                    : null;
                if (problem is not null)
                {
                    errors.Add($"{paths[there[^1]]}.current", $"breaks rule 6 on the night of {Iso(night)}: with the other current stays host {host.Id} has {problem}");
                    break;
                }
            }
        }
    }

    private static string RuleOfAccepts(StaysHost host, StaysGuest guest, LocalDate night)
    {
        if (!guest.MayStayIn(host.Region))
        {
            return $"breaks rule 5 on the night of {Iso(night)}: host {host.Id} is in region {host.Region}, not one of the guest's regions";
        }

        if (host.Beds < guest.People)
        {
            return $"breaks rule 6 on the night of {Iso(night)}: host {host.Id} has {host.Beds} beds for {guest.People} people";
        }

        if (host.MaxHouseholds < 1)
        {
            return $"breaks rule 6 on the night of {Iso(night)}: host {host.Id} takes no household";
        }

        return $"breaks rule 4 on the night of {Iso(night)}: host {host.Id} does not accept this guest ({guest.Category.ToWire()}"
            + (guest.NeedsWheelchairAccess ? ", needs wheelchair access" : "") + ")";
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
