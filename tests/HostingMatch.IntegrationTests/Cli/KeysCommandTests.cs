using System.Net;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace HostingMatch.IntegrationTests.Cli;

/// <summary>The real command line, as a process, on the same database as the Api under test.</summary>
public sealed class KeysCommandTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task KeysCreatePrintsOnlyAWorkingKeyAndCreatesTheOrganisation()
    {
        var (exit, stdout, _) = await RunAsync("keys", "create", "--org", "Maraude Sud", "--role", "partner", "--expires-in-days", "30");

        Assert.Equal(0, exit);
        var key = stdout.Trim();
        Assert.Matches("^hm_[a-z2-9]{8}_[A-Za-z0-9_-]{43}$", key);
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient(key).GetAsync("/api/v1/referrals")).StatusCode);
        await using var db = api.Database.NewContext();
        Assert.True(await db.Organisations.AnyAsync(o => o.Name == "Maraude Sud"));
    }

    [Fact]
    public async Task KeysCreateWithAnUnknownRoleExits2AndPrintsNothingOnStdout()
    {
        var (exit, stdout, stderr) = await RunAsync("keys", "create", "--org", "Maraude Sud", "--role", "root");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("root", stderr);
    }

    private Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) =>
        CliProcess.RunAsync(api.Database.ConnectionString, args);
}
