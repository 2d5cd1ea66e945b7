namespace HostingMatch.Domain.Requests;

/// <summary>Why a household is left unplaced tonight (spec: matching.md, the reasons table): exactly one per household.</summary>
public enum UnplacedReason
{
    /// <summary>No host tonight passes rules 1-5 for it, even with every bed free.</summary>
    NoCompatibleHost,

    /// <summary>Compatible hosts exist but none has enough beds for the whole household.</summary>
    TooLarge,

    /// <summary>Some compatible host has enough beds but the optimal plan gives it to other households.</summary>
    Outranked,

    /// <summary>
    /// Compatible hosts with enough beds exist, but no way (vehicle, escort, host who fetches) could bring the household to
    /// any of them tonight, even with everything free (transport.md): only a night with its transport registered says so.
    /// </summary>
    NoRide,
}

/// <summary>Wire names of <see cref="UnplacedReason"/>, as the plan JSON, the Api and the database write them.</summary>
public static class UnplacedReasonNames
{
    /// <summary>The kebab-case name: <c>no-compatible-host</c>, <c>too-large</c>, <c>outranked</c>, <c>no-ride</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For a value outside the enum.</exception>
    public static string ToWire(this UnplacedReason reason) => reason switch
    {
        UnplacedReason.NoCompatibleHost => "no-compatible-host",
        UnplacedReason.TooLarge => "too-large",
        UnplacedReason.Outranked => "outranked",
        UnplacedReason.NoRide => "no-ride",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
