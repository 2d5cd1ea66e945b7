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
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!file.Exists)
        {
            error.WriteLine($"{file.FullName}: no such file");
            return ExitCodes.BadInput;
        }

        if (!(timeLimitSeconds > 0) || timeLimitSeconds > 3600)
        {
            error.WriteLine("--time-limit: must be above 0 and at most 3600 seconds");
            return ExitCodes.BadInput;
        }

        var read = RunsFileReader.Read(File.ReadAllText(file.FullName));
        if (read.File is null)
        {
            foreach (var problem in read.Errors)
            {
                error.WriteLine(problem);
            }

            return ExitCodes.BadInput;
        }

        var plan = VanPlanner.Plan(read.File, VanPlannerOptions.Default with { TimeLimit = TimeSpan.FromSeconds(timeLimitSeconds) });
        output.WriteLine(VanPlanJson.Serialize(plan));
        return ExitCodes.Success;
    }
}
