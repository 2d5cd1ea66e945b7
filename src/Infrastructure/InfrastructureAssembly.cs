namespace HostingMatch.Infrastructure;

/// <summary>A handle on this assembly, for registration and architecture tests.</summary>
public static class InfrastructureAssembly;
