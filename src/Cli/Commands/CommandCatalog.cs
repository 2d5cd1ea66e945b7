using System.CommandLine;

namespace HostingMatch.Cli.Commands;

/// <summary>Every verb of the command line, one file each in this folder.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        MatchCommand.Create(),
        DemoCommand.Create(),
    ];
}
