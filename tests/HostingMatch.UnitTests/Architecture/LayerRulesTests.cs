using System.Reflection;
using System.Runtime.CompilerServices;
using HostingMatch.Application.Offers;

namespace HostingMatch.UnitTests.Architecture;

/// <summary>
/// The rules of the design card that references alone do not show, read by reflection over the built assemblies:
/// aggregates change only through their methods, the engines are pure, the endpoints stay thin.
/// </summary>
public sealed class LayerRulesTests
{
    private static readonly Assembly Domain = typeof(HostingMatch.Domain.Night).Assembly;
    private static readonly Assembly Application = typeof(HostingMatch.Application.ApplicationAssembly).Assembly;
    private static readonly Assembly Api = typeof(Program).Assembly;

    /// <summary>Assemblies an engine must not use: EF Core, our Infrastructure, the mediator.</summary>
    private static readonly string[] ForbiddenInEngines = ["Microsoft.EntityFrameworkCore", "HostingMatch.Infrastructure", "Mediator"];

    /// <summary>Where the engines live: <c>Matching/Engine/</c>, <c>VanRuns/Planner/</c>, and any later <c>*/Engine</c> or <c>*/Planner</c> folder.</summary>
    private static bool IsEngineNamespace(string? ns) =>
        ns is not null && ns.Split('.').Skip(2).Any(part => part is "Engine" or "Planner");

    private static IEnumerable<Type> OwnTypes(Assembly assembly, Func<string?, bool> inNamespace) =>
        assembly.GetTypes().Where(t => !t.IsNested && inNamespace(t.Namespace));

    private static bool FromAssembly(Type used, string name) =>
        used.Assembly.GetName().Name is { } assembly
        && (assembly == name || assembly.StartsWith(name + ".", StringComparison.Ordinal));

    private static IEnumerable<string> Uses(Type type, Func<Type, bool> forbidden) =>
        TypeReferences.Of(type).Where(forbidden).Select(used => $"{type.FullName} uses {used.FullName} ({used.Assembly.GetName().Name})");

    /// <summary>Passes when there is no violation; otherwise fails listing every one, whole.</summary>
    private static void AssertNone(IEnumerable<string> violations)
    {
        var all = violations.Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(all.Count == 0, string.Join(Environment.NewLine, all));
    }

    [Fact]
    public void DomainTypes_ExposeNoPublicSetters()
    {
        var setters = Domain.GetExportedTypes()
            .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute)))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(p => p.SetMethod is { IsPublic: true })
                .Select(p => $"{t.FullName}.{p.Name} has a public setter")
                .Concat(t.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .Where(f => !f.IsInitOnly && !f.IsLiteral && !t.IsEnum)
                    .Select(f => $"{t.FullName}.{f.Name} is a public writable field")));
        AssertNone(setters);
    }

    [Fact]
    public void Engines_UseNeitherEfCoreNorInfrastructureNorTheMediator()
    {
        var engines = OwnTypes(Application, IsEngineNamespace).ToList();
        // Both engine folders are there, or the rule checks nothing.
        Assert.Contains(engines, t => t.Namespace == "HostingMatch.Application.Matching.Engine");
        Assert.Contains(engines, t => t.Namespace == "HostingMatch.Application.VanRuns.Planner");
        AssertNone(engines.SelectMany(t => Uses(t, used => ForbiddenInEngines.Any(name => FromAssembly(used, name)))));
    }

    [Fact]
    public void Engines_ReadNoClock() =>
        AssertNone(OwnTypes(Application, IsEngineNamespace)
            .SelectMany(t => Uses(t, used => used == typeof(NodaTime.IClock) || used == typeof(NodaTime.SystemClock)
                                            || used == typeof(DateTime) || used == typeof(DateTimeOffset) || used == typeof(TimeProvider))));

    /// <summary>
    /// The DbContext, ours or EF Core's, its sets, its change tracker and database, EF Core's query operators, or the
    /// handlers' <see cref="HostingMatch.Application.IHostingMatchDb"/>. (EF Core's exception types are not the DbContext.)
    /// </summary>
    private static bool TouchesTheDbContext(Type used) =>
        typeof(Microsoft.EntityFrameworkCore.DbContext).IsAssignableFrom(used)
        || used == typeof(HostingMatch.Application.IHostingMatchDb)
        || used == typeof(Microsoft.EntityFrameworkCore.DbSet<>)
        || used == typeof(Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions)
        || used.Namespace is "Microsoft.EntityFrameworkCore.ChangeTracking" or "Microsoft.EntityFrameworkCore.Infrastructure";

    [Fact]
    public void Endpoints_DoNotTouchTheDbContext()
    {
        var endpoints = OwnTypes(Api, ns => ns == "HostingMatch.Api.Endpoints").ToList();
        Assert.NotEmpty(endpoints);
        AssertNone(endpoints.SelectMany(t => Uses(t, TouchesTheDbContext)));
    }

    [Fact]
    // The checks above are only as good as what the scan sees: a handler's use of EF Core and the mediator, down in
    // its async state machine and lambdas, must show.
    public void TypeReferences_SeeWhatAHandlersCodeUses()
    {
        var used = TypeReferences.Of(typeof(SettleOffersHandler));
        Assert.Contains(used, t => FromAssembly(t, "Microsoft.EntityFrameworkCore"));
        Assert.Contains(used, t => FromAssembly(t, "Mediator"));
        Assert.Contains(typeof(HostingMatch.Domain.Placements.PlacementLifecycle), used);
        Assert.Contains(used, TouchesTheDbContext);
    }
}
