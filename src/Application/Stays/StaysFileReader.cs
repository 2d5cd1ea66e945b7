namespace HostingMatch.Application.Stays;

/// <summary>Reads a stays file (spec: stays.md, "The stays file" and "Validation").</summary>
public static class StaysFileReader
{
}
