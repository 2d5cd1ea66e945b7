using System.CommandLine;
using HostingMatch.Application.Demo;
using HostingMatch.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HostingMatch.Cli.Commands;

/// <summary>
/// Keeps the demo verbs off a real database: <c>demo load</c> adds 80 fake hosts and a night of fake people,
/// <c>demo sms</c> answers open offers on the hosts' behalf, <c>demo vans</c> replans the night. Every host the demo
/// creates has a phone in the range reserved for fiction (<see cref="ParisNightGenerator.FictionPhonePrefix"/>); a
/// host with any other number was put there by someone else, so the verbs refuse (exit 2) unless told otherwise.
/// </summary>
internal static class DemoDatabaseGuard
{
    public const string OptionName = "--yes-this-is-a-demo-database";

    public static Option<bool> CreateOption() => new(OptionName)
    {
        Description = "Run even though the database holds hosts the demo did not create (their phones are outside the demo's fiction range).",
    };

    /// <summary>
    /// Null when the verb may go on; <see cref="ExitCodes.BadInput"/>, with the reason on stderr, when the database
    /// holds hosts the demo did not create and <paramref name="confirmed"/> is false. Runs before any migration.
    /// </summary>
    public static async Task<int?> RefuseUnlessDemoAsync(IServiceProvider services, bool confirmed, string verb, CancellationToken ct)
    {
        if (confirmed)
        {
            return null;
        }

        var db = services.GetRequiredService<HostingMatchDbContext>();
        // A database with no schema yet has no hosts at all.
        if (!(await db.Database.GetAppliedMigrationsAsync(ct)).Any())
        {
            return null;
        }

        var prefix = ParisNightGenerator.FictionPhonePrefix;
        var others = await db.Hosts.AsNoTracking()
            .CountAsync(h => !(h.Phone.StartsWith(prefix) && h.Phone.Length == prefix.Length + 5), ct);
        if (others == 0)
        {
            return null;
        }

        Console.Error.WriteLine(
            $"{verb}: refused. This database holds {others} host(s) the demo did not create (phones outside the range " +
            "reserved for fiction, +33 6 39 98 00 00 to +33 6 39 98 99 99): it looks like real data. The demo would add fake " +
            "hosts and people to it, answer offers in hosts' names and replan the vans. Run the demo on its own database " +
            $"(scripts/night.sh uses a private cluster), or, if this really is a demo database, add {OptionName} (a demo " +
            "database loaded before 2026-11-26 has demo hosts with ordinary-looking numbers: it needs the flag too).");
        return ExitCodes.BadInput;
    }
}
