using System.CommandLine;
using HostingMatch.Application.Stays;
using HostingMatch.Application.Stays.Planner;

namespace HostingMatch.Cli.Commands;

/// <summary>
/// <c>hostingmatch stays STAYS.json [--time-limit SECONDS]</c>: the chains of stays as the spec's JSON on stdout and
/// nothing else; problems on stderr, one line each (JSON path and message), exit 2 on bad input.
/// </summary>
public static class StaysCommand
{
    /// <summary>The default search budget: a region is proved in seconds; bigger programmes return their best plan.</summary>
    public const double DefaultTimeLimitSeconds = 60;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("stays") { Description = "The stays file (spec: stays.md)." };
        var timeLimit = new Option<double>("--time-limit")
        {
            Description = "Seconds the search may take before it returns its best plan (optimal: false, with a gap).",
            DefaultValueFactory = _ => DefaultTimeLimitSeconds,
        };
        var command = new Command("stays", "Plan week-long stays as chains of hosts.") { file, timeLimit };
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
                var read = StaysFileReader.Read(text);
                return (read.File, read.Errors);
            },
            (stays, limit) => StaysPlanJson.Write(StaysPlanner.Solve(stays, new StaysPlannerOptions(limit!.Value))));
    }
}
