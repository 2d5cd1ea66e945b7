using System.CommandLine;
using HostingMatch.Application.Transport;
using HostingMatch.Application.Validation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;

namespace HostingMatch.Cli.Commands;

/// <summary>
/// <c>hostingmatch transport show|add-vehicle|remove-vehicle|add-escort|remove-escort [--night DATE]</c>: tonight's
/// vehicles with their drivers and shifts, and the volunteers who take adults by public transport (transport.md).
/// Bad input and refusals (a label taken, an escort registered twice) say why on stderr and exit 2.
/// </summary>
internal static class TransportCommand
{
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public static Command Create()
    {
        var command = new Command("transport", "Tonight's vehicles, drivers and public-transport escorts.");
        command.Subcommands.Add(Show());
        command.Subcommands.Add(AddVehicle());
        command.Subcommands.Add(RemoveVehicle());
        command.Subcommands.Add(AddEscort());
        command.Subcommands.Add(RemoveEscort());
        return command;
    }

    private static Command Show()
    {
        var night = NightOption.Create();
        var show = new Command("show", "Print the night's vehicles, escorts and the available hosts who fetch their guests.") { night };
        show.SetAction(async (parse, ct) => await RunAsync(async (mediator, services, token) =>
        {
            Print(await mediator.Send(new GetNightTransport(NightOption.Value(parse, night, services)), token));
            return ExitCodes.Success;
        }, ct));
        return show;
    }

    private static Command AddVehicle()
    {
        var night = NightOption.Create();
        var kind = new Option<string>("--kind") { Description = "van or car.", Required = true };
        kind.AcceptOnlyFromAmong("van", "car");
        var label = new Option<string>("--label") { Description = "How coordinators call it tonight, e.g. \"Voiture de Léa\".", Required = true };
        var driver = new Option<string>("--driver") { Description = "The driver's first name.", Required = true };
        var phone = new Option<string>("--phone") { Description = "The driver's mobile, E.164 (+33612345678).", Required = true };
        var seats = new Option<int>("--seats") { Description = "Passenger seats, 1 to 8.", Required = true };
        var from = TimeOption("--from", "The start of the driver's shift, HH:mm (no trip leaves before).");
        var until = TimeOption("--until", "The end of the shift, HH:mm on the night's clock (00:30 is after midnight): back at the base by then.");
        var add = new Command("add-vehicle", "Register a vehicle and its driver for the night; prints it.") { night, kind, label, driver, phone, seats, from, until };
        add.SetAction(async (parse, ct) => await RunAsync(async (mediator, services, token) =>
        {
            var input = new VehicleInput(parse.GetValue(kind), Text(parse.GetValue(label)), Text(parse.GetValue(driver)), parse.GetValue(phone),
                parse.GetValue(seats), Time.Parse(parse.GetValue(from)!).Value, Time.Parse(parse.GetValue(until)!).Value);
            var vehicle = await mediator.Send(new RegisterVehicle(NightOption.Value(parse, night, services), input), token);
            Console.WriteLine($"{vehicle.Id}  {Describe(vehicle)}");
            return ExitCodes.Success;
        }, ct));
        return add;
    }

    private static Command RemoveVehicle()
    {
        var night = NightOption.Create();
        var id = new Argument<Guid>("id") { Description = "The vehicle's id, as add-vehicle or show printed it." };
        var remove = new Command("remove-vehicle", "The vehicle is not out tonight after all.") { night, id };
        remove.SetAction(async (parse, ct) => await RunAsync(async (mediator, services, token) =>
            await mediator.Send(new WithdrawVehicle(NightOption.Value(parse, night, services), parse.GetValue(id)), token)
                ? ExitCodes.Success
                : NotFound($"The night has no vehicle {parse.GetValue(id)}."), ct));
        return remove;
    }

    private static Command AddEscort()
    {
        var night = NightOption.Create();
        var name = new Option<string>("--name") { Description = "The escort's first name.", Required = true };
        var phone = new Option<string>("--phone") { Description = "The escort's mobile, E.164 (+33612345678).", Required = true };
        var add = new Command("add-escort", "Register a volunteer who takes a household of adults by metro or bus; prints it.") { night, name, phone };
        add.SetAction(async (parse, ct) => await RunAsync(async (mediator, services, token) =>
        {
            var escort = await mediator.Send(new RegisterEscort(NightOption.Value(parse, night, services), Text(parse.GetValue(name)), parse.GetValue(phone)), token);
            Console.WriteLine($"{escort.Id}  escort {escort.FirstName} {escort.Phone}");
            return ExitCodes.Success;
        }, ct));
        return add;
    }

    private static Command RemoveEscort()
    {
        var night = NightOption.Create();
        var id = new Argument<Guid>("id") { Description = "The escort's id, as add-escort or show printed it." };
        var remove = new Command("remove-escort", "The escort is not available tonight after all.") { night, id };
        remove.SetAction(async (parse, ct) => await RunAsync(async (mediator, services, token) =>
            await mediator.Send(new WithdrawEscort(NightOption.Value(parse, night, services), parse.GetValue(id)), token)
                ? ExitCodes.Success
                : NotFound($"The night has no escort {parse.GetValue(id)}."), ct));
        return remove;
    }

    /// <summary>
    /// A name typed on the command line, without the invisible characters that reorder or hide text, as the Api's JSON
    /// reader and the hosts' CSV leave them out (<see cref="TextHygiene"/>); what it refuses, the validators still refuse.
    /// </summary>
    private static string? Text(string? typed) => typed is null ? null : TextHygiene.Clean(typed);

    private static Option<string> TimeOption(string name, string description) => new(name)
    {
        Description = description,
        Required = true,
        Validators =
        {
            result =>
            {
                var text = result.GetValueOrDefault<string?>();
                if (text is not null && !Time.Parse(text).Success)
                {
                    result.AddError($"{name}: '{text}' is not a time written HH:mm.");
                }
            },
        },
    };

    /// <summary>Runs a verb; bad input (the validator's) and refusals (the domain's) are said on stderr, exit 2.</summary>
    private static Task<int> RunAsync(Func<IMediator, IServiceProvider, CancellationToken, Task<int>> verb, CancellationToken ct) =>
        CliHost.RunAsync((services, token) => verb(services.GetRequiredService<IMediator>(), services, token), ct, refusalIsBadInput: true);

    private static int NotFound(string message)
    {
        Console.Error.WriteLine(message);
        return ExitCodes.BadInput;
    }

    private static string Describe(VehicleResponse v) =>
        $"{v.Kind} \"{v.Label}\", {v.Seats} seat(s), driver {v.DriverFirstName} {v.DriverPhone}, {Time.Format(v.AvailableFrom)}-{Time.Format(v.AvailableUntil)}";

    private static void Print(NightTransportResponse t)
    {
        Console.WriteLine($"Transport for the night of {t.Night:yyyy-MM-dd}: {t.Vehicles.Count} vehicle(s), {t.Seats} seat(s), " +
                          $"{t.Escorts.Count} escort(s), {t.FetchingHosts.Count} available host(s) who fetch their guests.");
        foreach (var v in t.Vehicles)
        {
            Console.WriteLine($"  {v.Id}  {Describe(v)}");
        }

        foreach (var e in t.Escorts)
        {
            Console.WriteLine($"  {e.Id}  escort {e.FirstName} {e.Phone}" + (e.Takes is { } j
                ? $", takes {j.HouseholdAlias} ({j.People} people) to {j.HostDisplayName}: leaves the base at {Time.Format(j.LeaveBaseAt.TimeOfDay)}, arrives around {Time.Format(j.ArriveAt.TimeOfDay)}"
                : string.Empty));
        }

        foreach (var h in t.FetchingHosts)
        {
            Console.WriteLine($"  host {h.DisplayName} ({h.Code}) fetches at the base, arrival {Time.Format(h.ArrivalFrom)}-{Time.Format(h.ArrivalUntil)}");
        }
    }
}
