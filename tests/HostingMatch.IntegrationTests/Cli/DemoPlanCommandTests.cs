using HostingMatch.IntegrationTests.Support;

namespace HostingMatch.IntegrationTests.Cli;

/// <summary>
/// <c>demo load</c> then <c>demo plan</c>, as scripts/night.sh runs them: the demo night registers its transport (the van,
/// two cars, two escorts), and the night plan says how many people reach a bed and by which ride.
/// </summary>
public sealed class DemoPlanCommandTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task TheDemoNightsPlanBringsPeopleByTheVanTheCarsAndTheFetchingHosts()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync(api.Database.ConnectionString, "demo", "load", "--night", "2026-11-26");
        Assert.True(exit == 0, stderr);
        Assert.Contains("3 vehicles", stdout);

        (exit, stdout, stderr) = await CliProcess.RunAsync(api.Database.ConnectionString, "demo", "plan", "--night", "2026-11-26");
        Assert.True(exit == 0, stderr);
        Assert.Contains("people reach a bed tonight", stdout);
        Assert.Contains("Le camion trip 1: leaves 20:", stdout);
        Assert.Contains("Voiture de", stdout);
        Assert.Contains("the host fetches them at the base", stdout);

        (exit, stdout, _) = await CliProcess.RunAsync(api.Database.ConnectionString, "transport", "show", "--night", "2026-11-26");
        Assert.Equal(0, exit);
        Assert.Contains("3 vehicle(s), 15 seat(s), 2 escort(s)", stdout);
    }
}
