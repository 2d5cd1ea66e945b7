using System.CommandLine;
using HostingMatch.Application.Access;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace HostingMatch.Cli.Commands;

/// <summary>
/// <c>hostingmatch keys create --org NAME --role ROLE [--expires-in-days N]</c>: issues an API key, creating the
/// organisation when new, and prints only the key on stdout (it is shown this once; only its hash is kept).
/// </summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var org = new Option<string>("--org") { Description = "The organisation's name; created when new.", Required = true };
        var role = new Option<string>("--role") { Description = "partner, coordinator or admin.", Required = true };
        role.AcceptOnlyFromAmong("partner", "coordinator", "admin");
        var expires = new Option<int?>("--expires-in-days") { Description = "Days until the key stops working (1 to 3650); never when absent." };

        var create = new Command("create", "Issue a key and print it (only it) on stdout.") { org, role, expires };
        create.SetAction(async (parse, ct) => await CliHost.RunAsync(async (services, token) =>
        {
            var mediator = services.GetRequiredService<IMediator>();
            var key = await mediator.Send(new IssueApiKey(null, parse.GetValue(org), parse.GetValue(role), parse.GetValue(expires)), token);
            await Console.Out.WriteLineAsync(key!.Key);
            return ExitCodes.Success;
        }, ct));

        var keys = new Command("keys", "Manage API keys.");
        keys.Subcommands.Add(create);
        return keys;
    }
}
