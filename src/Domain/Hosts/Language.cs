namespace HostingMatch.Domain.Hosts;

/// <summary>The language a host's SMS are written in.</summary>
public enum Language
{
    Fr,
    En,
}
