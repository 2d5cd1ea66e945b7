using System.Diagnostics;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Requests;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace HostingMatch.IntegrationTests.Cli;

/// <summary>The demo's SMS night, as a process, on its own database.</summary>
public sealed class DemoSmsCommandTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task DemoSmsRunsTheNightUntilItSettlesAndLeavesItConsistent()
    {
        Assert.Equal(0, (await RunAsync("demo", "load", "--night", "2026-11-26")).Exit);

        var (exit, stdout, stderr) = await RunAsync("demo", "sms", "--night", "2026-11-26", "--seed", "2");

        Assert.True(exit == 0, stderr);
        Assert.Contains("Round 1:", stdout);
        Assert.Contains("Summary of the night of 2026-11-26:", stdout);
        Assert.Contains("placed, tier", stdout);
        await using var db = database.NewContext();
        var offers = await db.Offers.ToListAsync();
        var requests = await db.Requests.ToListAsync();
        Assert.Contains(offers, o => o.Status == OfferStatus.Declined || o.Status == OfferStatus.Expired);
        Assert.DoesNotContain(offers, o => o.Status == OfferStatus.Open);
        Assert.Equal(offers.Count(o => o.Status == OfferStatus.Accepted), requests.Count(r => r.Status == RequestStatus.Confirmed));
        Assert.Equal(offers.Count, await db.OutboundSms.CountAsync(m => m.Status == Domain.Sms.OutboundSmsStatus.Sent));
    }

    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ConnectionStrings__Default"] = database.ConnectionString },
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HostingMatch.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
