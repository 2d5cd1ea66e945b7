using System.CommandLine;

namespace HostingMatch.Cli.Commands;

/// <summary><c>hostingmatch migrate</c>: applies pending database migrations (the Api also does at start).</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply pending database migrations (database from ConnectionStrings__Default).");
        command.SetAction(async (_, ct) => await CliHost.RunAsync((_, _) =>
        {
            Console.Error.WriteLine("The database is up to date.");
            return Task.FromResult(ExitCodes.Success);
        }, ct));
        return command;
    }
}
