namespace HostingMatch.Domain.Households;

/// <summary>
/// The one place where a household's category and priority tier are derived
/// (spec: matching.md, "Household category" and "Priority tier").
/// </summary>
public static class Priority
{
    /// <summary>The highest tier (placed first).</summary>
    public const int HighestTier = 1;

    /// <summary>The lowest tier.</summary>
    public const int LowestTier = 3;

    /// <summary>Derives the category from the members.</summary>
    /// <exception cref="ArgumentException">When there are no members: a household has at least one.</exception>
    public static HouseholdCategory Categorize(IReadOnlyCollection<Member> members)
    {
        if (members.Count == 0)
        {
            throw new ArgumentException("A household has at least one member.", nameof(members));
        }

        var minors = members.Count(m => m.IsMinor);
        if (minors == members.Count)
        {
            return HouseholdCategory.Minor;
        }

        if (minors > 0)
        {
            return HouseholdCategory.Family;
        }

        return members.All(m => m.Sex == Sex.Female) ? HouseholdCategory.Women : HouseholdCategory.Men;
    }

    /// <summary>Tier 1: minors, families and vulnerable households; tier 2: women; tier 3: everyone else.</summary>
    public static int Tier(HouseholdCategory category, bool vulnerable) => category switch
    {
        HouseholdCategory.Minor or HouseholdCategory.Family => 1,
        _ when vulnerable => 1,
        HouseholdCategory.Women => 2,
        _ => 3,
    };
}
