using System.Reflection;

namespace HostingMatch.UnitTests.Architecture;

/// <summary>The layers point inward: Domain knows nothing of ours, Application only Domain, and so on.</summary>
public sealed class DependencyDirectionTests
{
    private static readonly Assembly Domain = typeof(HostingMatch.Domain.Night).Assembly;
    private static readonly Assembly Application = typeof(HostingMatch.Application.ApplicationAssembly).Assembly;
    private static readonly Assembly Infrastructure = typeof(HostingMatch.Infrastructure.InfrastructureAssembly).Assembly;
    private static readonly Assembly Api = typeof(Program).Assembly;

    private static string[] OurReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("HostingMatch.", StringComparison.Ordinal))
            .Order()
            .ToArray();

    [Fact]
    public void Domain_ReferencesNothingOfOurs_AndNoFrameworkButNodaTime()
    {
        Assert.Empty(OurReferences(Domain));
        var outside = Domain.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard" && n != "NodaTime");
        Assert.Empty(outside);
    }

    [Fact]
    // Handlers use EF Core's DbSet through IHostingMatchDb (see docs/adr/0001), but never a provider.
    public void Application_ReferencesOnlyDomain()
    {
        Assert.All(OurReferences(Application), name => Assert.Equal("HostingMatch.Domain", name));
        Assert.DoesNotContain(Application.GetReferencedAssemblies(),
            a => a.Name!.StartsWith("Microsoft.EntityFrameworkCore.Relational", StringComparison.Ordinal)
                 || a.Name!.StartsWith("Npgsql", StringComparison.Ordinal)
                 || a.Name!.StartsWith("Twilio", StringComparison.Ordinal)
                 || a.Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Infrastructure_DoesNotReferenceTheApi() =>
        Assert.DoesNotContain("HostingMatch.Api", OurReferences(Infrastructure));

    [Fact]
    public void Api_ReferencesInwardOnly() =>
        Assert.DoesNotContain("HostingMatch.Cli", OurReferences(Api));
}
