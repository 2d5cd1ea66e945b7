namespace HostingMatch.Application;

/// <summary>A handle on this assembly, for registration and architecture tests.</summary>
public static class ApplicationAssembly;
