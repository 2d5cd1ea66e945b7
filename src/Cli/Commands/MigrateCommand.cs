using System.CommandLine;
using HostingMatch.Infrastructure;

namespace HostingMatch.Cli.Commands;

/// <summary><c>hostingmatch migrate</c>: applies pending database migrations (the Api also does at start).</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply pending database migrations to ConnectionStrings:Default.");
        command.SetAction(async (_, ct) =>
        {
            using var host = await CliHost.StartAsync(ct, migrate: false);
            await host.Services.MigrateDatabaseAsync(ct);
            Console.WriteLine("The database is up to date.");
            return ExitCodes.Success;
        });
        return command;
    }
}
