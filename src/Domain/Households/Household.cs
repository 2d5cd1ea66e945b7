using HostingMatch.Domain.Common;
using NodaTime;

namespace HostingMatch.Domain.Households;

/// <summary>
/// People who must stay together, never split: a family, a lone minor or a group of minors, a woman
/// alone, a man alone, a group of adults. Known by an alias ("Famille A."), never by names in SMS.
/// No nationality or legal status is kept.
/// </summary>
public sealed class Household
{
    public const int MaxAliasLength = 80;
    public const int MaxMembers = 20;
    public const int MaxNotesLength = 2000;

    private List<Member> members = [];
    private List<string> languages = [];

    private Household()
    {
        Alias = string.Empty;
    }

    public Guid Id { get; private set; }
    public string Alias { get; private set; }
    public IReadOnlyList<Member> Members => members.AsReadOnly();
    public bool Vulnerable { get; private set; }
    public bool NeedsWheelchairAccess { get; private set; }

    /// <summary>Languages spoken (ISO 639-1 codes such as <c>ps</c>, <c>fr</c>), for the coordinators.</summary>
    public IReadOnlyList<string> Languages => languages.AsReadOnly();

    /// <summary>The organisation that referred the household; null when the coordinators registered it themselves.</summary>
    public Guid? ReferredBy { get; private set; }

    public string? Notes { get; private set; }
    public Instant CreatedAt { get; private set; }

    /// <summary>Derived from the members (matching.md), never typed in.</summary>
    public HouseholdCategory Category => Priority.Categorize(members);

    /// <summary>Derived from the category and vulnerability (matching.md).</summary>
    public int Tier => Priority.Tier(Category, Vulnerable);

    public int People => members.Count;

    /// <exception cref="DomainException"><c>household-invalid</c> with no members, too many, or a bad alias.</exception>
    public static Household Create(string alias, IEnumerable<Member> members, bool vulnerable, bool needsWheelchairAccess,
        IEnumerable<string> languages, Guid? referredBy, Instant now, string? notes = null)
    {
        var household = new Household
        {
            Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
            Alias = Guard.Text(alias, "household-invalid", "The household's alias", MaxAliasLength),
            Vulnerable = vulnerable,
            NeedsWheelchairAccess = needsWheelchairAccess,
            ReferredBy = referredBy,
            Notes = Guard.OptionalText(notes, "household-invalid", "Notes", MaxNotesLength),
            CreatedAt = now,
        };
        household.members.AddRange(members);
        if (household.members.Count is 0 or > MaxMembers)
        {
            throw new DomainException("household-invalid", $"A household has between 1 and {MaxMembers} members.");
        }

        household.languages.AddRange(languages.Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).Distinct());
        return household;
    }
}
