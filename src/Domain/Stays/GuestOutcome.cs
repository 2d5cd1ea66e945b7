namespace HostingMatch.Domain.Stays;

/// <summary>How a guest's time in the stays programme ended (its exit), for the coordinators and the reports.</summary>
public enum GuestOutcome
{
    /// <summary>A place with child welfare (ASE).</summary>
    AsePlace,

    /// <summary>Recognised as a minor (by the department or a judge).</summary>
    RecognisedMinor,

    /// <summary>Not recognised as a minor.</summary>
    NotRecognised,

    /// <summary>Oriented towards the adults' system (emergency housing, an asylum seekers' centre...).</summary>
    AdultOrientation,

    /// <summary>Left without news.</summary>
    LeftWithoutNews,

    /// <summary>Anything else (the note says what).</summary>
    Other,
}

/// <summary>What an outcome means for the one-night programme.</summary>
public static class GuestOutcomeShelter
{
    /// <summary>
    /// Whether the household has a roof or has left the network's sight (a place with child welfare, recognised as a minor,
    /// left without news): its one-night requests from the exit on are withdrawn. Otherwise (not recognised as a minor,
    /// oriented towards the adults' system, anything else) it may still need a bed tonight: its requests stay, for the
    /// night coordinators to decide, and nobody falls between the programmes on the way out.
    /// </summary>
    public static bool EndsTheNeedForShelter(this GuestOutcome outcome) =>
        outcome is GuestOutcome.AsePlace or GuestOutcome.RecognisedMinor or GuestOutcome.LeftWithoutNews;
}

/// <summary>Wire names of <see cref="GuestOutcome"/>: <c>ase-place</c>, <c>recognised-minor</c>, <c>not-recognised</c>,
/// <c>adult-orientation</c>, <c>left-without-news</c>, <c>other</c>.</summary>
public static class GuestOutcomeNames
{
    private static readonly Dictionary<GuestOutcome, string> Names = new()
    {
        [GuestOutcome.AsePlace] = "ase-place",
        [GuestOutcome.RecognisedMinor] = "recognised-minor",
        [GuestOutcome.NotRecognised] = "not-recognised",
        [GuestOutcome.AdultOrientation] = "adult-orientation",
        [GuestOutcome.LeftWithoutNews] = "left-without-news",
        [GuestOutcome.Other] = "other",
    };

    /// <summary>Every wire name, in the enum's order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<GuestOutcome>().Select(o => Names[o])];

    /// <summary>The kebab-case name.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For a value outside the enum.</exception>
    public static string ToWire(this GuestOutcome outcome) =>
        Names.TryGetValue(outcome, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(outcome));

    /// <summary>Parses one wire name; false for anything else.</summary>
    public static bool TryParse(string? text, out GuestOutcome outcome)
    {
        foreach (var (value, name) in Names)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                outcome = value;
                return true;
            }
        }

        outcome = default;
        return false;
    }
}
