using System.CommandLine;
using HostingMatch.Application.Matching;
using HostingMatch.Application.NightPlan;
using HostingMatch.Application.Requests;
using HostingMatch.Application.VanRuns;
using NodaTime.Text;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using HostingMatch.Application.Matching.Engine;
using HostingMatch.Application.VanRuns.Planner;

namespace HostingMatch.Cli.Commands;

/// <summary>
/// <c>hostingmatch night match [--night DATE]</c>: tonight's matching on the database, as the console's button does;
/// <c>hostingmatch night vans [--night DATE]</c>: tonight's van runs, planned from now;
/// <c>hostingmatch night plan [--night DATE]</c>: tonight's beds and rides together with the registered transport, from now.
/// </summary>
internal static class NightCommand
{
    public static Command Create()
    {
        var night = NightOption.Create();
        var match = new Command("match", "Run tonight's matching on the database and store the proposals; prints who goes where and why others are left.");
        match.Options.Add(night);
        match.SetAction(async (parse, ct) => await CliHost.RunAsync(async (services, token) =>
        {
            var tonight = NightOption.Value(parse, night, services);
            Print(await services.GetRequiredService<IMediator>().Send(new RunNightlyMatching(tonight), token));
            return ExitCodes.Success;
        }, ct));

        var vans = new Command("vans", "Plan tonight's van runs from the confirmed placements and print the trips.");
        vans.Options.Add(night);
        vans.SetAction(async (parse, ct) => await CliHost.RunAsync(async (services, token) =>
        {
            var tonight = NightOption.Value(parse, night, services);
            await PlanAndPrintRidesAsync(services.GetRequiredService<IMediator>(), tonight, token);
            return ExitCodes.Success;
        }, ct));

        var plan = new Command("plan", "Plan tonight's beds and rides together with the registered transport, from now (stores nothing, sends nothing), and print them.");
        plan.Options.Add(night);
        plan.SetAction(async (parse, ct) => await CliHost.RunAsync(async (services, token) =>
        {
            return await PlanAndPrintAsync(services.GetRequiredService<IMediator>(), NightOption.Value(parse, night, services), token);
        }, ct, refusalIsBadInput: true));

        var command = new Command("night", "Tonight, from the database.");
        command.Subcommands.Add(match);
        command.Subcommands.Add(vans);
        command.Subcommands.Add(plan);
        return command;
    }

    private static readonly OffsetDateTimePattern Clock = OffsetDateTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>The trips, one line each and a line per stop, then the stops the vans do not serve and why.</summary>
    internal static void PrintVanRuns(VanRunsResponse plan)
    {
        var s = plan.Summary;
        Console.WriteLine($"Van runs for the night of {plan.Night:yyyy-MM-dd}: {s.PeopleDelivered} people delivered, {s.DrivingMinutes} min of driving.");
        foreach (var trip in plan.Trips)
        {
            Console.WriteLine($"{trip.VanId} trip {trip.Trip}: leaves {Clock.Format(trip.DepartAt)}, back {Clock.Format(trip.ReturnAt)}, " +
                              $"{trip.Passengers} passenger(s){(trip.Departed ? " (left)" : string.Empty)}");
            foreach (var stop in trip.Stops)
            {
                Console.WriteLine($"    {Clock.Format(stop.ArriveAt)}  {stop.HostName} ({stop.HostCode}), {stop.People} {(stop.People == 1 ? "person" : "people")}: " +
                                  string.Join(", ", stop.Households.Select(h => h.Alias)));
            }
        }

        foreach (var u in plan.Unserved)
        {
            Console.WriteLine($"Not served by the vans: {u.HostName} ({u.HostCode}): {u.Reason}: {u.Detail}");
        }
    }

    /// <summary>Plans the vehicles' runs from the confirmed placements and prints them, then how every confirmed household reaches its bed.</summary>
    internal static async Task PlanAndPrintRidesAsync(IMediator mediator, NodaTime.LocalDate night, CancellationToken ct)
    {
        PrintVanRuns(await mediator.Send(new PlanVanRuns(night), ct));
        PrintConfirmedRides(await mediator.Send(new ListRequests(night), ct));
    }

    /// <summary>
    /// Every confirmed household and how it reaches its bed (a vehicle, its host fetching it, an escort, or transport the
    /// coordinators arranged), and the exact list of those with no way there yet.
    /// </summary>
    internal static void PrintConfirmedRides(IReadOnlyList<RequestResponse> requests)
    {
        var confirmed = requests.Where(r => r.Status is "confirmed" or "delivered").ToList();
        var withoutRide = confirmed.Where(r => r.Ride is null && r.Transport != "other").OrderBy(r => r.Alias, StringComparer.Ordinal).ToList();
        foreach (var way in confirmed.Where(r => r.Ride is not null && r.Ride.Way != "vehicle").GroupBy(r => r.Ride!.Way).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(way.Key == "host-fetches" ? "Fetched at the base by their host:" : "By public transport with an escort:");
            foreach (var r in way.OrderBy(r => r.Ride!.LeaveBaseAt?.ToInstant() ?? r.Ride!.ArriveAt.ToInstant()))
            {
                Console.WriteLine($"    {Clock.Format(r.Ride!.LeaveBaseAt ?? r.Ride.ArriveAt)} leaves the base, arrives {Clock.Format(r.Ride.ArriveAt)}: {r.Alias} ({r.Members.Count})");
            }
        }

        var arranged = confirmed.Where(r => r.Ride is null && r.Transport == "other").ToList();
        if (arranged.Count > 0)
        {
            Console.WriteLine($"Journey arranged by the coordinators: {string.Join(", ", arranged.Select(r => r.Alias))}");
        }

        var people = confirmed.Sum(r => r.Members.Count);
        var brought = confirmed.Except(withoutRide).Sum(r => r.Members.Count);
        Console.WriteLine(withoutRide.Count == 0
            ? $"Every confirmed household has its way to its bed tonight: {brought} people."
            : $"{brought} of {people} confirmed people have their way to a bed tonight; no ride yet for: " +
              string.Join("; ", withoutRide.Select(r => $"{r.Alias} ({r.Members.Count}): no vehicle, escort or fetching host can bring them, so add a vehicle or arrange their journey")));
    }

    /// <summary>Plans and prints tonight's night plan (run with <c>refusalIsBadInput</c>: agreed placements that do not hold together exit 2).</summary>
    internal static async Task<int> PlanAndPrintAsync(IMediator mediator, NodaTime.LocalDate night, CancellationToken ct)
    {
        PrintNightPlan(await mediator.Send(new PreviewNightPlan(night), ct));
        return ExitCodes.Success;
    }

    /// <summary>How many people reach a bed tonight and how; everyone else with the reason; agreed placements no ride reaches.</summary>
    internal static void PrintNightPlan(NightPlanView plan)
    {
        var s = plan.Summary;
        Console.WriteLine($"Night plan for the night of {plan.Night:yyyy-MM-dd} (beds and rides together; nothing stored or sent): " +
                          $"{s.PeopleBrought.Sum()} people reach a bed tonight (by tier {string.Join(" / ", s.PeopleBrought)}; at best " +
                          $"{string.Join(" / ", s.UpperBound)}; the matching then the vehicles would bring {string.Join(" / ", s.SequentialPeopleBrought)}), " +
                          $"{s.PeopleLeft.Sum()} without a place, {s.SolveMilliseconds} ms.");
        foreach (var way in plan.Placements.GroupBy(p => p.Ride.Way).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {way.Key}: {way.Sum(p => p.People)} people");
        }

        foreach (var trip in plan.Trips)
        {
            Console.WriteLine($"{trip.VehicleLabel} trip {trip.Trip}: leaves {Clock.Format(trip.DepartAt)}, back {Clock.Format(trip.ReturnAt)}, {trip.Passengers} passenger(s)");
            foreach (var stop in trip.Stops)
            {
                Console.WriteLine($"    {Clock.Format(stop.ArriveAt)}  {stop.HostName} ({stop.HostCode}): {string.Join(", ", stop.Aliases)}");
            }
        }

        foreach (var p in plan.Placements.Where(p => p.Ride.Way != "vehicle"))
        {
            var how = p.Ride.Way == "host-fetches" ? "the host fetches them at the base" : $"metro or bus with an escort, leaving {Clock.Format(p.Ride.LeaveAt!.Value)}";
            Console.WriteLine($"{p.Alias} ({p.People}): {p.HostName} ({p.HostCode}), {how}, arriving about {Clock.Format(p.Ride.ArriveAt)}");
        }

        foreach (var u in plan.Unplaced)
        {
            Console.WriteLine($"Without a place: {u.Alias} ({u.People}), tier {u.Tier}: {u.Reason}: {u.Detail}");
        }

        foreach (var a in plan.AgreedWithoutRide)
        {
            Console.WriteLine($"Agreed but no ride reaches the host tonight, to arrange by hand: {a.Alias} ({a.People}) at {a.HostName} ({a.HostCode}), {a.Status}");
        }

        foreach (var a in plan.OnTheirWay)
        {
            Console.WriteLine($"Already on their way or there, no ride to plan: {a.Alias} ({a.People}) at {a.HostName} ({a.HostCode}), {a.Status}");
        }
    }

    private static void Print(MatchingRunResponse run)
    {
        var s = run.Summary;
        Console.WriteLine($"Night of {run.Night:yyyy-MM-dd}: {(run.Optimal ? "optimal plan (proved)" : run.Gap is { } gap ? $"best plan found in time, gap {gap:P1}" : "best plan found in time (not proved optimal)")}, " +
                          $"{s.SolveMilliseconds} ms.");
        Console.WriteLine($"People placed by tier: {s.PeoplePlaced[0]} / {s.PeoplePlaced[1]} / {s.PeoplePlaced[2]}; " +
                          $"left: {s.PeopleUnplaced[0]} / {s.PeopleUnplaced[1]} / {s.PeopleUnplaced[2]}; kept from before: {run.KeptPlacements}.");
        Console.WriteLine();
        Console.WriteLine($"{"Tier",-5}{"Household",-16}{"People",7}  {"Host",-22}{"Travel",7}");
        foreach (var p in run.Proposals)
        {
            Console.WriteLine($"{p.Tier,-5}{p.Alias,-16}{p.People,7}  {p.HostName + " (" + p.HostCode + ")",-22}{p.TravelMinutes,5} min");
        }

        if (run.Unplaced.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Without a place tonight:");
            foreach (var u in run.Unplaced)
            {
                Console.WriteLine($"{u.Tier,-5}{u.Alias,-16}{u.People,7}  {u.Reason}: {u.Detail}");
            }
        }
    }
}
