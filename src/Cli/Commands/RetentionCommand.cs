using System.CommandLine;
using HostingMatch.Application.Retention;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace HostingMatch.Cli.Commands;

/// <summary><c>hostingmatch retention run [--dry-run]</c>: forgets the personal data older than <c>Retention:Days</c> after its night.</summary>
internal static class RetentionCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Count what would be forgotten; change nothing." };
        var run = new Command("run", "Forget households' aliases and notes, referrers' names and phones, SMS, alerts, volunteers' phones " +
                                     "and console sessions older than Retention:Days (default 90) after their night; audited with the counts.") { dryRun };
        run.SetAction(async (parse, ct) => await CliHost.RunAsync(async (services, token) =>
        {
            var report = await services.GetRequiredService<IMediator>().Send(new PurgePersonalData(parse.GetValue(dryRun)), token);
            Console.WriteLine($"{(report.DryRun ? "Would forget" : "Forgot")} for nights before {report.Before:yyyy-MM-dd}: " +
                              $"{report.Households} household(s), {report.Referrals} referral(s), {report.SmsSent} SMS sent, {report.SmsReceived} SMS received, " +
                              $"{report.Alerts} alert(s), {report.Vehicles} vehicle(s), {report.Escorts} escort(s), {report.StaysGuests} stays guest(s) and journey(s), " +
                              $"{report.ConsoleSessions} console session(s).");
            return ExitCodes.Success;
        }, ct));
        var command = new Command("retention", "Personal data kept no longer than needed (docs/security.md).");
        command.Subcommands.Add(run);
        return command;
    }
}
