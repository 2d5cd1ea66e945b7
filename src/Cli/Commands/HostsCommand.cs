using System.CommandLine;
using HostingMatch.Application.Hosts;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace HostingMatch.Cli.Commands;

/// <summary><c>hostingmatch hosts import FILE.csv</c>: the coordinators' spreadsheet, all or nothing (docs/hosts-csv.md).</summary>
internal static class HostsCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The CSV file (UTF-8, ';' or ',' separated, French or English headers)." };
        var import = new Command("import", "Import hosts from a CSV spreadsheet: every row is checked, and one bad row imports nothing.");
        import.Arguments.Add(file);
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"{path.FullName}: no such file");
                return ExitCodes.BadInput;
            }

            if (TextFile.Read(path.FullName, Console.Error) is not { } csv)
            {
                return ExitCodes.BadInput;
            }

            return await CliHost.RunAsync(async (services, token) =>
            {
                var report = await services.GetRequiredService<IMediator>().Send(new ImportHosts(csv), token);
                if (!report.Imported)
                {
                    foreach (var error in report.Errors)
                    {
                        Console.Error.WriteLine($"{path.Name}:{error.Line}: {error.Column ?? "-"}: {error.Problem}");
                    }

                    Console.Error.WriteLine(report.StoppedAtLine is { } stopped
                        ? $"Nothing was imported: {report.ErrorCount} problem(s) by line {stopped}, where the check stopped (the first {report.Errors.Count} are listed)."
                        : $"Nothing was imported: {report.ErrorCount} problem(s).");
                    return ExitCodes.BadInput;
                }

                Console.WriteLine($"Imported {report.Created + report.Updated} host(s): {report.Created} new, {report.Updated} updated.");
                return ExitCodes.Success;
            }, ct);
        });

        var hosts = new Command("hosts", "Manage hosts.");
        hosts.Subcommands.Add(import);
        hosts.Subcommands.Add(Thank());
        return hosts;
    }

    /// <summary><c>hosts thank --month YYYY-MM</c>: queues each host's thanks for that month (once per host and month; STOP respected).</summary>
    private static Command Thank()
    {
        var month = MonthOption.Create();
        var thank = new Command("thank", "Thank by SMS every host who hosted in the month: how many people over how many nights " +
                                         "(once per host and month; hosts who sent STOP get nothing). The Api's outbox sends them.") { month };
        thank.SetAction(async (parse, ct) => await CliHost.RunAsync(async (services, token) =>
        {
            var first = MonthOption.Value(parse, month);
            var thanked = await services.GetRequiredService<Mediator.IMediator>().Send(new Application.Hosts.SendMonthlyThanks(first), token);
            Console.WriteLine(thanked.Count == 0
                ? $"No host to thank for {first:yyyy-MM} (none hosted, all already thanked, or they sent STOP)."
                : $"Thanks queued for {thanked.Count} host(s): {string.Join(", ", thanked)}.");
            return ExitCodes.Success;
        }, ct));
        return thank;
    }
}
