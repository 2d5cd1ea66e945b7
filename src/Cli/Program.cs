using System.CommandLine;
using HostingMatch.Cli;
using HostingMatch.Cli.Commands;

// hostingmatch <verb> ...: every verb prints its result on stdout, problems on stderr,
// and exits 0 on success, 2 on bad input, 1 on any other failure.
var root = new RootCommand("HostingMatch: tonight's beds for exiles, from the command line.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

var parsed = root.Parse(args);
if (ParseErrors.Report(parsed, Console.Error))
{
    return ExitCodes.BadInput;
}

return await parsed.InvokeAsync();

/// <summary>The tool's entry point; internal so that it never competes with the Api's public Program in the tests.</summary>
internal partial class Program;
