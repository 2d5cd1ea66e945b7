using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HostingMatch.Application.Demo;
using HostingMatch.Application.Matching;
using HostingMatch.IntegrationTests.Support;

namespace HostingMatch.IntegrationTests.Security;

/// <summary>The Api with a simulation budget of 1 s (Limits:SimulationSeconds) instead of the endpoints' 10 s.</summary>
public sealed class ShortSimulationApiFactory : ApiFactory
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Limits:SimulationSeconds"] = Limit.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// Issue 13, item 5: a simulation answers within its time limit, reading and writing included, even on a 2,000-host night
/// that no engine settles in that time (the engine proves it in about 2.3 s since issue 19, so the limit is 1 s). The margin
/// (6 s over the limit) is for a loaded 2-core machine: at load averages of
/// 12-18 the engine itself overran by 1.5-3 s, building its problem and its aggregated model, which it cannot interrupt. The
/// endpoints' own 10 s, or no limit at all, would miss it (measured: 11.8 s with the 10-s limit). It runs alone, after the
/// other classes: their solves in parallel on the same two cores would measure the test run, not the Api.
/// </summary>
[Collection(TimedAlone.Name)]
public sealed class SimulationTimeLimitTests(ShortSimulationApiFactory api, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<ShortSimulationApiFactory>
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task AMatchingSimulationOfA2000HostNightAnswersWithinItsLimit()
    {
        // 2,000 hosts and 6,000 people: more people than beds, so the search has levels left to prove when the time is up.
        var night = NightFileJson.Write(ParisNightGenerator.Generate(seed: 7, hosts: 2000, people: 6000).Night, indented: false);
        var client = api.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5);

        var clock = Stopwatch.StartNew();
        var response = await client.PostAsync("/api/v1/simulations/matching", new StringContent(night, Encoding.UTF8, "application/json"));
        var plan = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        clock.Stop();

        output.WriteLine($"answered in {clock.Elapsed.TotalSeconds:F2} s ({night.Length / 1024} KB night file), " +
                         $"the engine's own time {plan["summary"]!["solveMilliseconds"]} ms");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Stopped by the limit, not finished early: the night is hard enough for this test to mean something.
        Assert.False((bool)plan["optimal"]!);
        Assert.NotEmpty(plan["placements"]!.AsArray());
        Assert.True(clock.Elapsed < ShortSimulationApiFactory.Limit + Margin,
            $"answered in {clock.Elapsed.TotalSeconds:F1} s (the engine's own time {plan["summary"]!["solveMilliseconds"]} ms), over the " +
            $"{ShortSimulationApiFactory.Limit.TotalSeconds} s limit plus {Margin.TotalSeconds} s");
    }
}

/// <summary>Tests that measure wall time: run after the parallel classes, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedAlone
{
    public const string Name = "timed alone";
}
