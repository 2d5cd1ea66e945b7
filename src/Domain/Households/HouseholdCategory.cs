namespace HostingMatch.Domain.Households;

/// <summary>
/// The category of a household, derived from its members and never typed in
/// (spec: matching.md, "Household category"). Hosts accept categories; households placed
/// at the same host share one.
/// </summary>
public enum HouseholdCategory
{
    /// <summary>Every member is under 18: unaccompanied minors.</summary>
    Minor,
    /// <summary>At least one member 18 or over and at least one under 18.</summary>
    Family,
    /// <summary>Every member is 18 or over and female.</summary>
    Women,
    /// <summary>Every member is 18 or over and at least one is not female.</summary>
    Men,
}

/// <summary>Text forms of <see cref="HouseholdCategory"/> as the night file and the Api spell them.</summary>
public static class HouseholdCategoryNames
{
    /// <summary>The wire name: <c>minor</c>, <c>family</c>, <c>women</c> or <c>men</c>.</summary>
    public static string ToWire(this HouseholdCategory category) => category switch
    {
        HouseholdCategory.Minor => "minor",
        HouseholdCategory.Family => "family",
        HouseholdCategory.Women => "women",
        HouseholdCategory.Men => "men",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    /// <summary>Parses a wire name; false for anything else (case-sensitive, as the spec writes them).</summary>
    public static bool TryParse(string? text, out HouseholdCategory category)
    {
        switch (text)
        {
            case "minor": category = HouseholdCategory.Minor; return true;
            case "family": category = HouseholdCategory.Family; return true;
            case "women": category = HouseholdCategory.Women; return true;
            case "men": category = HouseholdCategory.Men; return true;
            default: category = default; return false;
        }
    }
}
