using System.CommandLine;
using HostingMatch.Application.VanRuns;
using HostingMatch.Application.VanRuns.Planner;

namespace HostingMatch.Cli.Commands;

/// <summary>
/// <c>hostingmatch vans RUNS.json [--time-limit SECONDS]</c>: the evening's van plan as JSON on stdout and nothing
/// else; problems on stderr, one line each, exit 2 on bad input.
/// </summary>
public static class VansCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("runs") { Description = "The runs file (spec: van-runs.md)." };
        var timeLimit = new Option<double>("--time-limit")
        {
            Description = "Seconds the routing search may take.",
            DefaultValueFactory = _ => VanPlannerOptions.Default.TimeLimit.TotalSeconds,
        };
        var command = new Command("vans", "Plan the van trips from the base to the hosts.") { file, timeLimit };
        command.SetAction(parse => Run(
            parse.GetValue(file)!,
            parse.GetValue(timeLimit),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(FileInfo file, double timeLimitSeconds, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(file);
        return FileSolveVerb.Run(file.FullName, timeLimitSeconds, output, error,
            text =>
            {
                var read = RunsFileReader.Read(text);
                return (read.File, read.Errors);
            },
            (runs, limit) => VanPlanJson.Serialize(VanPlanner.Plan(runs, VanPlannerOptions.Default with { TimeLimit = limit!.Value })));
    }
}
