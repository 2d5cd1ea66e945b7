using System.Text;
using HostingMatch.Application.Validation;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Households;
using NodaTime;
using HostingMatch.Application.Matching.Engine;

namespace HostingMatch.Application.Matching;

/// <summary>Either a night that passed every check, or every problem found in it (never both).</summary>
public sealed record NightFileResult(NightFile? Night, IReadOnlyList<InputError> Errors)
{
    public bool IsValid => Night is not null;
}

/// <summary>
/// Reads a night file (spec: matching.md, "The night file") strictly: a night with any problem is
/// rejected as a whole, with one error per problem, each with its JSON path.
/// </summary>
public static class NightFileReader
{
    public static NightFileResult Read(string json)
    {
        var errors = new InputErrors();
        using var document = JsonFields.Parse(json, errors);
        if (document is null)
        {
            return new NightFileResult(null, errors.Items);
        }

        var root = JsonFields.Root(document.RootElement, errors);
        if (root is null)
        {
            return new NightFileResult(null, errors.Items);
        }

        var night = root.Night("night");
        var nightBase = ReadBase(root.Object("base"));
        var rules = ReadRules(root.Object("rules", required: false));
        var hosts = root.Objects("hosts").Select(ReadHost).ToList();
        var households = root.Objects("households").Select(ReadHousehold).ToList();

        RejectDuplicateIds(hosts.Select(h => (h.Id, h.Path)), errors);
        RejectDuplicateIds(households.Select(h => (h.Id, h.Path)), errors);
        var hostIds = hosts.Where(h => h.Id is not null).Select(h => h.Id!).ToHashSet(StringComparer.Ordinal);
        foreach (var household in households.Where(h => h.LastHostId is not null && !hostIds.Contains(h.LastHostId)))
        {
            errors.Add($"{household.Path}.lastHostId", $"names no host of this night ({TextHygiene.Quote(household.LastHostId!)})");
        }

        if (errors.Any)
        {
            return new NightFileResult(null, errors.Items);
        }

        return new NightFileResult(
            new NightFile(
                night!.Value,
                nightBase!,
                rules,
                hosts.Select(h => h.Host!).ToList(),
                households.Select(h => h.Household!).ToList()),
            []);
    }

    private static NightBase? ReadBase(JsonFields? fields)
    {
        if (fields is null)
        {
            return null;
        }

        var name = fields.Line("name", required: false);
        var location = ReadLocation(fields);
        return location is null ? null : new NightBase(name, location.Value);
    }

    /// <summary>A <c>latitude</c> and <c>longitude</c> in range, or null after recording what is wrong (shared with the stays file).</summary>
    internal static GeoPoint? ReadLocation(JsonFields fields)
    {
        var latitude = fields.Number("latitude", min: -90, max: 90, fallback: double.NaN);
        var longitude = fields.Number("longitude", min: -180, max: 180, fallback: double.NaN);
        // NaN is the fallback after an error (missing, wrong type, out of range), already recorded.
        return !double.IsNaN(latitude) && !double.IsNaN(longitude)
            ? new GeoPoint(latitude, longitude)
            : null;
    }

    private static MatchingRules ReadRules(JsonFields? fields)
    {
        if (fields is null)
        {
            return MatchingRules.Default;
        }

        return new MatchingRules(
            fields.Number("maxTravelMinutes", required: false, fallback: MatchingRules.DefaultMaxTravelMinutes, min: 0, minExclusive: true),
            fields.Number("averageSpeedKmh", required: false, fallback: MatchingRules.DefaultAverageSpeedKmh, min: 0, minExclusive: true),
            fields.Number("detourFactor", required: false, fallback: MatchingRules.DefaultDetourFactor, min: 0, minExclusive: true));
    }

    private sealed record HostRead(string Path, string? Id, NightHost? Host);

    private static HostRead ReadHost(JsonFields fields)
    {
        var id = fields.Id("id");
        var location = ReadLocation(fields);
        var beds = fields.Int("beds", min: 0);
        var maxHouseholds = fields.Int("maxHouseholds", required: false, fallback: 1, min: 1);
        var accepts = ReadAccepts(fields);
        var certified = fields.Bool("minorsCertified");
        var wheelchair = fields.Bool("wheelchairAccessible", required: false);
        var available = fields.Bool("availableTonight");
        var validFrom = fields.Date("agreementValidFrom");
        var validUntil = fields.Date("agreementValidUntil");
        var certifiedUntil = fields.Date("certifiedUntil", required: false);
        // Host load (docs/matching.md): absent means no limit and no nights, so older night files plan as before.
        var maxNights = fields.Int("maxNightsPerMonth", required: false, fallback: -1, min: 1, max: 31);
        var nightsThisMonth = fields.Int("nightsHostedThisMonth", required: false, min: 0, max: 30);
        var nightsLast30 = fields.Int("nightsHostedLast30", required: false, min: 0, max: 30);

        var complete = id is not null && location is not null && validFrom is not null && validUntil is not null;
        var host = complete
            ? new NightHost(id!, location!.Value, beds, maxHouseholds, accepts, certified, wheelchair, available, validFrom!.Value, validUntil!.Value, certifiedUntil,
                maxNights < 0 ? null : maxNights, nightsThisMonth, nightsLast30)
            : null;
        return new HostRead(fields.Path, id, host);
    }

    /// <summary>The categories of <c>accepts</c>, recording each unknown one (shared with the stays file).</summary>
    internal static HashSet<HouseholdCategory> ReadAccepts(JsonFields fields)
    {
        var accepts = new HashSet<HouseholdCategory>();
        var index = 0;
        foreach (var name in fields.Strings("accepts"))
        {
            if (HouseholdCategoryNames.TryParse(name, out var category))
            {
                accepts.Add(category);
            }
            else
            {
                fields.Error($"accepts[{index}]", $"{TextHygiene.Quote(name)} is not a category (minor, family, women or men)");
            }

            index++;
        }

        return accepts;
    }

    private sealed record HouseholdRead(string Path, string? Id, string? LastHostId, NightHousehold? Household);

    private static HouseholdRead ReadHousehold(JsonFields fields)
    {
        var id = fields.Id("id");
        var vulnerable = fields.Bool("vulnerable", required: false);
        var wheelchair = fields.Bool("needsWheelchairAccess", required: false);
        var nights = fields.Int("nightsWithoutShelter", required: false, min: 0);
        var lastHostId = fields.Id("lastHostId", required: false);
        var members = ReadMembers(fields);
        var household = id is not null && members is not null
            ? new NightHousehold(id, members, vulnerable, wheelchair, nights, lastHostId)
            : null;
        return new HouseholdRead(fields.Path, id, lastHostId, household);
    }

    /// <summary>The <c>members</c> (at least one, each with <c>age</c> and <c>sex</c>), or null after recording what is wrong (shared with the stays file).</summary>
    internal static List<Member>? ReadMembers(JsonFields fields)
    {
        var members = new List<Member>();
        var memberFields = fields.Objects("members");
        if (fields.Has("members") && memberFields.Count == 0)
        {
            fields.Error("members", "must list at least one member");
        }

        var membersComplete = true;
        foreach (var member in memberFields)
        {
            var age = member.Int("age", min: 0, max: Member.MaxAge, fallback: -1);
            var sex = ReadSex(member);
            if (age < 0 || sex is null)
            {
                membersComplete = false;
                continue;
            }

            members.Add(new Member(age, sex.Value));
        }

        return membersComplete && members.Count > 0 ? members : null;
    }

    /// <summary>A member's <c>sex</c> (shared with the stays file).</summary>
    internal static Sex? ReadSex(JsonFields member)
    {
        var text = member.String("sex");
        switch (text)
        {
            case null: return null;
            case "female": return Sex.Female;
            case "male": return Sex.Male;
            case "other": return Sex.Other;
            default:
                member.Error("sex", $"{TextHygiene.Quote(text)} is not a sex (female, male or other)");
                return null;
        }
    }

    /// <summary>
    /// One error per id already used by an earlier item of the same list (shared with the stays file). Ids are compared in
    /// Unicode's composed form (NFC): "k-é" as one code point and as e with a combining accent are one text, printed alike,
    /// and would be two hosts to an ordinal comparison. Case is kept: "K-01" and "k-01" are two ids.
    /// </summary>
    internal static void RejectDuplicateIds(IEnumerable<(string? Id, string Path)> items, InputErrors errors)
    {
        var firstById = new Dictionary<string, (string Id, string Path)>(StringComparer.Ordinal);
        foreach (var (id, path) in items)
        {
            if (id is null)
            {
                continue;
            }

            var composed = id.Normalize(NormalizationForm.FormC);
            if (!firstById.TryAdd(composed, (id, path)))
            {
                var first = firstById[composed];
                errors.Add($"{path}.id", $"duplicates the id of {first.Path} ({TextHygiene.Quote(id)})"
                    + (string.Equals(first.Id, id, StringComparison.Ordinal) ? "" : ", written with other Unicode code points"));
            }
        }
    }
}
