using System.CommandLine;
using HostingMatch.Application.VanRuns;

namespace HostingMatch.Cli.Commands;

/// <summary><c>hostingmatch vans RUNS.json [--time-limit SECONDS]</c>: the evening's van plan as JSON on stdout.</summary>
internal static class VansCommand
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
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(timeLimit)));
        return command;
    }

    private static int Run(FileInfo file, double timeLimitSeconds)
    {
        if (!file.Exists)
        {
            Console.Error.WriteLine($"{file.FullName}: no such file");
            return ExitCodes.BadInput;
        }

        if (!(timeLimitSeconds > 0) || timeLimitSeconds > 3600)
        {
            Console.Error.WriteLine("--time-limit: must be above 0 and at most 3600 seconds");
            return ExitCodes.BadInput;
        }

        var read = RunsFileReader.Read(File.ReadAllText(file.FullName));
        if (read.File is null)
        {
            foreach (var error in read.Errors)
            {
                Console.Error.WriteLine(error);
            }

            return ExitCodes.BadInput;
        }

        var plan = VanPlanner.Plan(read.File, VanPlannerOptions.Default with { TimeLimit = TimeSpan.FromSeconds(timeLimitSeconds) });
        Console.Out.WriteLine(VanPlanJson.Serialize(plan));
        return ExitCodes.Success;
    }
}
