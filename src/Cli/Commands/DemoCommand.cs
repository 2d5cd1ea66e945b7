using System.CommandLine;
using HostingMatch.Application.Demo;
using HostingMatch.Application.Matching;

namespace HostingMatch.Cli.Commands;

/// <summary><c>hostingmatch demo night [--seed N] [--hosts N] [--people N]</c>: prints a generated night file.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Same seed, same night.", DefaultValueFactory = _ => 1 };
        var hosts = new Option<int>("--hosts") { Description = "Number of hosts.", DefaultValueFactory = _ => 80 };
        var people = new Option<int>("--people") { Description = "Number of people over all households.", DefaultValueFactory = _ => 36 };
        var night = new Command("night", "Print a realistic generated Paris night in the night-file format.") { seed, hosts, people };
        night.SetAction(parse =>
        {
            var hostCount = parse.GetValue(hosts);
            var peopleCount = parse.GetValue(people);
            if (hostCount < 0 || peopleCount < 0)
            {
                parse.InvocationConfiguration.Error.WriteLine("--hosts and --people: must be at least 0");
                return ExitCodes.BadInput;
            }

            var generated = ParisNightGenerator.Generate(parse.GetValue(seed), hostCount, peopleCount);
            parse.InvocationConfiguration.Output.WriteLine(NightFileJson.Write(generated.Night));
            return ExitCodes.Success;
        });
        return new Command("demo", "Demo data.") { night };
    }
}
