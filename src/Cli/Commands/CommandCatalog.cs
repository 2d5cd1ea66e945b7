using System.CommandLine;

namespace HostingMatch.Cli.Commands;

/// <summary>Every verb of the command line, one file each in this folder.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        MigrateCommand.Create(),
        HostsCommand.Create(),
        MatchCommand.Create(),
        DemoCommand.Create(),
        NightCommand.Create(),
        VansCommand.Create(),
        TransportCommand.Create(),
        PlanCommand.Create(),
        StaysCommand.Create(),
        KeysCommand.Create(),
        RetentionCommand.Create(),
        ReportCommand.Create(),
    ];
}
