using System.Text.Json.Serialization;
using HostingMatch.Api.Infrastructure;
using HostingMatch.Application.Transport;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HostingMatch.Api.Endpoints;

/// <summary>
/// Tonight's transport (spec: transport.md): the vehicles out with their drivers and shifts, the volunteers who take
/// adults by public transport. Hosts who fetch their guests say so on their own record (<c>picksUpAtBase</c>).
/// </summary>
public static class TransportEndpoints
{
    public static RouteGroupBuilder MapTransport(this RouteGroupBuilder api)
    {
        var nights = api.MapGroup("/nights/{night}").WithTags("Transport");

        nights.MapGet("/transport", async (string night, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetNightTransport(NightRoute.Parse(night)), ct)))
            .WithSummary("Every way to reach a host that night: vehicles with their drivers and shifts, escorts, and the hosts " +
                         "available that night who fetch their guests at the base.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        nights.MapPost("/vehicles", async (string night, VehicleInput input, IMediator mediator, CancellationToken ct) =>
            {
                var vehicle = await mediator.Send(new RegisterVehicle(NightRoute.Parse(night), input), ct);
                return TypedResults.Created($"/api/v1/nights/{vehicle.Night:yyyy-MM-dd}/vehicles/{vehicle.Id}", vehicle);
            })
            .WithSummary("Register a vehicle for the night: the van with tonight's driver, or a volunteer's car (kind, label, the " +
                         "driver's first name and phone, 1-8 passenger seats, the shift on the night's clock: 21:00 to 00:30). " +
                         "409 vehicle-label-taken when the night already has a vehicle of that label.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        nights.MapPut("/vehicles/{id:guid}", async Task<Results<Ok<VehicleResponse>, NotFound>> (string night, Guid id, VehicleInput input,
                IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ChangeVehicle(NightRoute.Parse(night), id, input), ct) is { } vehicle
                    ? TypedResults.Ok(vehicle)
                    : TypedResults.NotFound())
            .WithSummary("Change a vehicle of the night: its driver, seats or shift (the whole vehicle, as for registering it).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        nights.MapDelete("/vehicles/{id:guid}", async Task<Results<NoContent, NotFound>> (string night, Guid id, IMediator mediator,
                CancellationToken ct) =>
                await mediator.Send(new WithdrawVehicle(NightRoute.Parse(night), id), ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithSummary("The vehicle is not out that night after all. 404 when the night has no such vehicle (already withdrawn).")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        nights.MapPost("/escorts", async (string night, EscortInput input, IMediator mediator, CancellationToken ct) =>
            {
                var escort = await mediator.Send(new RegisterEscort(NightRoute.Parse(night), input.FirstName, input.Phone), ct);
                return TypedResults.Created($"/api/v1/nights/{escort.Night:yyyy-MM-dd}/escorts/{escort.Id}", escort);
            })
            .WithSummary("Register a volunteer who takes one household of adults to its host by metro or bus that night. " +
                         "409 escort-already-registered for the same phone twice in a night.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        nights.MapDelete("/escorts/{id:guid}", async Task<Results<NoContent, NotFound>> (string night, Guid id, IMediator mediator,
                CancellationToken ct) =>
                await mediator.Send(new WithdrawEscort(NightRoute.Parse(night), id), ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithSummary("The escort is not available that night after all. 404 when the night has no such escort.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        return api;
    }

    /// <summary>A public-transport escort: first name and phone (E.164).</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record EscortInput(string? FirstName, string? Phone);
}
