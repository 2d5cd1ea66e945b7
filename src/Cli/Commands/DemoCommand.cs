using HostingMatch.Application.Stays;
using System.CommandLine;
using HostingMatch.Application.Demo;
using HostingMatch.Application.Matching;
using HostingMatch.Application.VanRuns;
using HostingMatch.Domain;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using HostingMatch.Application.Matching.Engine;
using HostingMatch.Application.VanRuns.Planner;

namespace HostingMatch.Cli.Commands;

/// <summary>
/// <c>hostingmatch demo load [--night DATE] [--seed N]</c>: a realistic generated Paris night in the database;
/// <c>hostingmatch demo night [--seed N] [--hosts N] [--people N]</c>: the same generator's night as a night file;
/// <c>hostingmatch demo vans [--night DATE]</c>: the night's van runs planned as at 20:00 that evening.
/// The verbs that write refuse a database holding hosts the demo did not create (<see cref="DemoDatabaseGuard"/>).
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var night = NightOption.Create();
        var seed = new Option<int>("--seed") { Description = "The generator's seed: the same seed gives the same night.", DefaultValueFactory = _ => 1 };
        var confirmed = DemoDatabaseGuard.CreateOption();
        var load = new Command("load", "Load a generated Paris night (a base, a van, ~80 hosts, ~36 people) into the database. Safe to run twice.");
        load.Options.Add(night);
        load.Options.Add(seed);
        load.Options.Add(confirmed);
        load.SetAction(async (parse, ct) => await CliHost.RunAsync(async (services, token) =>
        {
            var tonight = NightOption.Value(parse, night, services);
            var report = await services.GetRequiredService<IMediator>().Send(new LoadDemoNight(tonight, parse.GetValue(seed)), token);
            Console.WriteLine(report.NightAlreadyLoaded
                ? $"Night of {tonight:yyyy-MM-dd}: already loaded; {report.HostsCreated} host(s) added, {report.HostsKept} kept."
                : $"Night of {tonight:yyyy-MM-dd}: {report.RequestsCreated} household(s) waiting, {report.HostsCreated} host(s) added, {report.HostsKept} kept.");
            if (report.VehiclesRegistered > 0)
            {
                Console.WriteLine($"Tonight's transport: {report.VehiclesRegistered} vehicles (the van and two volunteers' cars) and two escorts registered.");
            }

            return ExitCodes.Success;
        }, ct, refuse: (services, token) => DemoDatabaseGuard.RefuseUnlessDemoAsync(services, parse.GetValue(confirmed), "demo load", token)));

        var demo = new Command("demo", "Demo data.");
        demo.Subcommands.Add(load);
        demo.Subcommands.Add(NightFile());
        demo.Subcommands.Add(DemoSmsCommand.Create());
        demo.Subcommands.Add(Vans());
        demo.Subcommands.Add(Plan());
        demo.Subcommands.Add(Stays());
        return demo;
    }

    /// <summary>The demo evening's clock for planning the vans: before the first departure (20:30), whatever the real time.</summary>
    private static readonly LocalTime VansPlannedAt = new(20, 0);

    /// <summary>
    /// <c>night vans</c> as the demo evening sees it: planned at 20:00 on the night, so the demo shows trips when it is
    /// run late at night too (from the real clock, after about 23:00 no trip reaches a host before the windows close).
    /// </summary>
    private static Command Vans()
    {
        var night = NightOption.Create();
        var vans = new Command("vans", "Plan the demo night's van runs as at 20:00 that evening, whatever the real time, and print the trips.");
        vans.Options.Add(night);
        var confirmed = DemoDatabaseGuard.CreateOption();
        vans.Options.Add(confirmed);
        var clock = new DemoClock();
        vans.SetAction(async (parse, ct) => await CliHost.RunAsync(async (services, token) =>
        {
            var tonight = NightOption.Value(parse, night, services);
            clock.Reset(Night.At(tonight, VansPlannedAt).ToInstant());
            await NightCommand.PlanAndPrintRidesAsync(services.GetRequiredService<IMediator>(), tonight, token);
            return ExitCodes.Success;
        }, ct, configureServices: s => s.AddSingleton<IClock>(clock),
            refuse: (services, token) => DemoDatabaseGuard.RefuseUnlessDemoAsync(services, parse.GetValue(confirmed), "demo vans", token)));
        return vans;
    }

    /// <summary>
    /// <c>night plan</c> as the demo evening sees it: at 20:00 on the night, whatever the real time, so that every vehicle's
    /// shift is still ahead. Prints who reaches which bed and how, and who does not and why.
    /// </summary>
    private static Command Plan()
    {
        var night = NightOption.Create();
        var plan = new Command("plan", "Plan the demo night's beds and rides together as at 20:00 that evening (stores nothing, sends nothing) and print them.");
        plan.Options.Add(night);
        var confirmed = DemoDatabaseGuard.CreateOption();
        plan.Options.Add(confirmed);
        var clock = new DemoClock();
        plan.SetAction(async (parse, ct) => await CliHost.RunAsync(async (services, token) =>
        {
            var tonight = NightOption.Value(parse, night, services);
            clock.Reset(Night.At(tonight, VansPlannedAt).ToInstant());
            return await NightCommand.PlanAndPrintAsync(services.GetRequiredService<IMediator>(), tonight, token);
        }, ct, configureServices: s => s.AddSingleton<IClock>(clock),
            refuse: (services, token) => DemoDatabaseGuard.RefuseUnlessDemoAsync(services, parse.GetValue(confirmed), "demo plan", token),
            refusalIsBadInput: true));
        return plan;
    }

    /// <summary>
    /// <c>demo stays</c>: loads the generated Bretagne and Île-de-France programme, plans its 8 weeks from tomorrow
    /// (as <c>POST /api/v1/stays/plan</c> does) and prints each guest's chain and the uncovered nights with their reasons.
    /// </summary>
    private static Command Stays()
    {
        var seed = new Option<int>("--seed") { Description = "Same seed, same programme.", DefaultValueFactory = _ => 1 };
        var limit = new Option<int>("--time-limit") { Description = "The planner's budget in seconds.", DefaultValueFactory = _ => 30 };
        var confirmed = DemoDatabaseGuard.CreateOption();
        var stays = new Command("stays", "Load a generated stays programme (Bretagne, Île-de-France: 60 hosts, 30 guests), plan 8 weeks " +
                                         "from tomorrow and print each guest's chain and the uncovered nights.") { seed, limit, confirmed };
        stays.SetAction(async (parse, ct) => await CliHost.RunAsync(async (services, token) =>
        {
            var mediator = services.GetRequiredService<IMediator>();
            var tomorrow = Night.Current(services.GetRequiredService<IClock>().GetCurrentInstant()).PlusDays(1);
            var report = await mediator.Send(new LoadDemoStays(tomorrow, parse.GetValue(seed)), token);
            Console.WriteLine(report.AlreadyLoaded
                ? $"Stays programme: already loaded; {report.HostsCreated} host(s) added, {report.HostsKept} kept."
                : $"Stays programme: {report.GuestsCreated} guest(s), {report.HostsCreated} host(s) added, {report.HostsKept} kept.");
            var plan = await mediator.Send(new PlanStays(tomorrow, tomorrow.PlusWeeks(8), null, parse.GetValue(limit)), token);
            PrintStaysPlan(plan);
            return ExitCodes.Success;
        }, ct, refuse: (services, token) => DemoDatabaseGuard.RefuseUnlessDemoAsync(services, parse.GetValue(confirmed), "demo stays", token)));
        return stays;
    }

    private static void PrintStaysPlan(StaysPlanResponse plan)
    {
        var s = plan.Summary;
        Console.WriteLine($"Stays from {plan.PlanFrom:yyyy-MM-dd} to {plan.PlanUntil:yyyy-MM-dd}: {(plan.Optimal ? "optimal" : $"best found, gap {plan.Gap:P1}")}; " +
                          $"person-nights covered by tier {string.Join("/", s.PersonNightsCovered)}, uncovered {string.Join("/", s.PersonNightsUncovered)}; " +
                          $"{s.Moves} move(s), {s.JourneyMinutes} journey minutes; solved in {s.SolveMilliseconds} ms.");
        var guests = plan.Stays.Select(x => (x.GuestId, x.GuestAlias)).Concat(plan.Uncovered.Select(u => (u.GuestId, u.GuestAlias)))
            .Distinct().OrderBy(g => g.GuestAlias, StringComparer.Ordinal);
        foreach (var (id, alias) in guests)
        {
            var chain = plan.Stays.Where(x => x.GuestId == id).Select(x => $"{x.HostCode} {x.From:dd/MM}-{x.Until:dd/MM} ({x.JourneyMinutes} min)");
            Console.WriteLine($"  {alias}: {string.Join(" -> ", chain.DefaultIfEmpty("no stay"))}");
            foreach (var u in plan.Uncovered.Where(u => u.GuestId == id))
            {
                Console.WriteLine($"    uncovered {u.From:dd/MM}-{u.Until:dd/MM} ({u.Reason}): {u.Detail}");
            }
        }
    }

    private static Command NightFile()
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
        return night;
    }
}

/// <summary>The <c>--night</c> option every night verb shares: a date, tonight (in Paris) when left out.</summary>
internal static class NightOption
{
    public static Option<string?> Create() => new("--night")
    {
        Description = "The night, YYYY-MM-DD (the evening's date). Default: tonight in Paris.",
        Validators =
        {
            result =>
            {
                var text = result.GetValueOrDefault<string?>();
                if (text is null)
                {
                    return;
                }

                var parsed = NodaTime.Text.LocalDatePattern.Iso.Parse(text);
                if (!parsed.Success)
                {
                    result.AddError($"--night: '{text}' is not a date written YYYY-MM-DD.");
                }
                else if (parsed.Value > Night.Last)
                {
                    result.AddError($"--night: {Night.AfterLastProblem}.");
                }
            },
        },
    };

    public static LocalDate Value(ParseResult parse, Option<string?> option, IServiceProvider services) =>
        parse.GetValue(option) is { } text
            ? NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value
            : Night.Current(services.GetRequiredService<IClock>().GetCurrentInstant());
}

/// <summary>The <c>--month</c> option of the monthly verbs (<c>report</c>, <c>hosts thank</c>): a month written YYYY-MM, required.</summary>
internal static class MonthOption
{
    private static readonly NodaTime.Text.LocalDatePattern Pattern = NodaTime.Text.LocalDatePattern.CreateWithInvariantCulture("yyyy-MM");

    public static Option<string> Create() => new("--month")
    {
        Description = "The month, YYYY-MM.",
        Required = true,
        Validators =
        {
            result =>
            {
                var text = result.GetValueOrDefault<string>() ?? string.Empty;
                if (text.Length != 7 || !Pattern.Parse(text).Success)
                {
                    result.AddError($"--month: '{text}' is not a month written YYYY-MM (e.g. 2026-11).");
                }
            },
        },
    };

    /// <summary>The month's first day.</summary>
    public static LocalDate Value(ParseResult parse, Option<string> option) => Pattern.Parse(parse.GetValue(option)!).Value;
}
