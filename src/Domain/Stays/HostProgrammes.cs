namespace HostingMatch.Domain.Stays;

/// <summary>Which programmes a host takes part in: one-night emergency hosting in Paris, week-long stays, or both.</summary>
[Flags]
public enum HostProgrammes
{
    None = 0,

    /// <summary>The nightly matching (matching.md).</summary>
    OneNight = 1,

    /// <summary>Stays of a week or more (stays.md).</summary>
    Stays = 2,
}

/// <summary>Wire names of <see cref="HostProgrammes"/>: <c>one-night</c> and <c>stays</c>.</summary>
public static class HostProgrammeNames
{
    public const string OneNight = "one-night";
    public const string Stays = "stays";

    /// <summary>The programmes as a list of wire names, one-night first.</summary>
    public static IReadOnlyList<string> ToWire(this HostProgrammes programmes) =>
        [.. programmes.HasFlag(HostProgrammes.OneNight) ? [OneNight] : Array.Empty<string>(),
         .. programmes.HasFlag(HostProgrammes.Stays) ? [Stays] : Array.Empty<string>()];

    /// <summary>Parses one wire name; false for anything else.</summary>
    public static bool TryParse(string? text, out HostProgrammes programme)
    {
        programme = text switch
        {
            OneNight => HostProgrammes.OneNight,
            Stays => HostProgrammes.Stays,
            _ => HostProgrammes.None,
        };
        return programme != HostProgrammes.None;
    }
}
