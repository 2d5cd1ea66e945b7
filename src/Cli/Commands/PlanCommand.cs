using System.CommandLine;
using HostingMatch.Application.NightPlan;
using HostingMatch.Application.NightPlan.Engine;

namespace HostingMatch.Cli.Commands;

/// <summary>
/// <c>hostingmatch plan NIGHT.json [--time-limit SECONDS]</c>: the night plan (beds and rides together, spec:
/// transport.md) as JSON on stdout and nothing else; problems on stderr, one line each (<c>$.path: message</c>), exit 2
/// on bad input.
/// </summary>
public static class PlanCommand
{
    public static Command Create()
    {
        var night = new Argument<string>("night") { Description = "The night file with its transport block (JSON, spec: transport.md)." };
        var timeLimit = new Option<double?>("--time-limit")
        {
            Description = $"Seconds the whole plan may take (default {NightPlanOptions.DefaultTimeLimit.TotalSeconds:0}).",
        };
        var command = new Command("plan", "Choose tonight's hosts and rides together and print the night plan.") { night, timeLimit };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(night),
            parse.GetValue(timeLimit),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string path, double? timeLimitSeconds, TextWriter output, TextWriter error) =>
        FileSolveVerb.Run(path, timeLimitSeconds, output, error,
            text =>
            {
                var read = NightPlanFileReader.Read(text);
                return (read.File, read.Errors);
            },
            (night, limit) => NightPlanJson.Write(NightPlanner.Plan(night, new NightPlanOptions(TimeLimit: limit))));
}
