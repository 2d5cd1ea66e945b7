using HostingMatch.Domain.Requests;
using System.CommandLine;
using System.Globalization;
using HostingMatch.Application.Matching;
using HostingMatch.Application.Matching.Engine;

namespace HostingMatch.Cli.Commands;

/// <summary>
/// <c>hostingmatch match NIGHT.json [--time-limit SECONDS] [--table]</c>: the plan JSON on stdout and
/// nothing else; problems on stderr, one line each (<c>$.path: message</c>), exit 2 on bad input.
/// </summary>
public static class MatchCommand
{
    public static Command Create()
    {
        var night = new Argument<string>("night") { Description = "The night file (JSON, spec: matching.md)." };
        var timeLimit = new Option<double?>("--time-limit")
        {
            Description = "Seconds of search at most; past it the best plan found is printed with \"optimal\": false.",
        };
        var table = new Option<bool>("--table") { Description = "Print a table for people instead of the plan JSON." };
        var command = new Command("match", "Match tonight's households with hosts, optimally, and print the plan.")
        {
            night, timeLimit, table,
        };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(night),
            parse.GetValue(timeLimit),
            parse.GetValue(table),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string path, double? timeLimitSeconds, bool table, TextWriter output, TextWriter error) =>
        FileSolveVerb.Run(path, timeLimitSeconds, output, error,
            text =>
            {
                var read = NightFileReader.Read(text);
                return (read.Night, read.Errors);
            },
            (night, limit) =>
            {
                var plan = MatchingEngine.Solve(night, new MatchingOptions(TimeLimit: limit));
                return table ? PlanTable.Write(plan) : PlanJson.Write(plan);
            });
}

/// <summary>The plan as a coordinator reads it on a terminal.</summary>
internal static class PlanTable
{
    public static string Write(Plan plan)
    {
        var text = new System.Text.StringBuilder();
        var s = plan.Summary;
        var proved = plan.Optimal ? "proved optimal" : $"NOT proved optimal (gap {plan.Gap?.ToString("P2", CultureInfo.InvariantCulture) ?? "unknown"})";
        text.AppendLine(CultureInfo.InvariantCulture, $"Night {plan.Night:yyyy-MM-dd}: {proved}, solved in {s.SolveMilliseconds} ms");
        text.AppendLine();
        text.AppendLine($"{"Household",-14} {"Host",-14} {"People",6} {"Tier",4} {"Minutes",7}");
        foreach (var p in plan.Placements)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{p.HouseholdId,-14} {p.HostId,-14} {p.People,6} {p.Tier,4} {p.TravelMinutes,7}");
        }

        text.AppendLine();
        text.AppendLine($"{"Unplaced",-14} {"Tier",4} {"Reason",-20} Detail");
        foreach (var u in plan.Unplaced)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{u.HouseholdId,-14} {u.Tier,4} {u.Reason.ToWire(),-20} {u.Detail}");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"People placed by tier 1/2/3: {string.Join(" / ", s.PeoplePlaced)}; unplaced: {string.Join(" / ", s.PeopleUnplaced)}");
        text.Append(CultureInfo.InvariantCulture, $"Waiting nights placed: {s.WaitingNightsPlaced}; same host as last night: {s.ContinuityPlacements}; travel: {s.TravelMinutes} min");
        return text.ToString();
    }
}
