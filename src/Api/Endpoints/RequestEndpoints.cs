using HostingMatch.Api.Infrastructure;
using HostingMatch.Application.Requests;
using Mediator;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace HostingMatch.Api.Endpoints;

/// <summary>Coordinators register tonight's households and see the night's requests.</summary>
public static class RequestEndpoints
{
    public static RouteGroupBuilder MapRequests(this RouteGroupBuilder api)
    {
        var nights = api.MapGroup("/nights/{night}").WithTags("Requests");

        nights.MapPost("/requests", async (string night, RequestInput input, IMediator mediator, CancellationToken ct) =>
            {
                var request = await mediator.Send(new RegisterRequest(NightRoute.Parse(night), input.Alias, input.Members,
                    input.Vulnerable, input.NeedsWheelchairAccess, input.Languages, input.NightsWithoutShelter, input.Notes), ct);
                return TypedResults.Created($"/api/v1/requests/{request.Id}", request);
            })
            .WithSummary("Register a household that needs a bed that night.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        nights.MapGet("/requests", async (string night, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListRequests(NightRoute.Parse(night)), ct)))
            .WithSummary("Every request of the night, highest priority first.");

        api.MapGet("/requests/{id:guid}", async Task<Results<Ok<RequestResponse>, NotFound>> (Guid id, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetRequest(id), ct) is { } request ? TypedResults.Ok(request) : TypedResults.NotFound())
            .WithTags("Requests")
            .WithSummary("One request with its household.");

        nights.MapPut("/requests/{id:guid}/transport", async Task<Results<Ok<RequestResponse>, NotFound>> (string night, Guid id,
                TransportInput input, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ArrangeTransport(NightRoute.Parse(night), id, input.Transport), ct) is { } request
                    ? TypedResults.Ok(request)
                    : TypedResults.NotFound())
            .WithSummary("How the household gets to its host: van (the default) or other (the host fetches them, public transport, " +
                         "a taxi), which the van plan then leaves out; a planned night's vans are planned again at once. " +
                         "409 request-closed for a cancelled or delivered request.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/requests/{id:guid}/again", async Task<Results<Created<RequestResponse>, NotFound>> (Guid id, AgainInput? input,
                IMediator mediator, CancellationToken ct) =>
            {
                var night = input?.Night is { } text ? NightRoute.Parse(text) : (LocalDate?)null;
                return await mediator.Send(new RegisterAgain(id, night), ct) is { } request
                    ? TypedResults.Created($"/api/v1/requests/{request.Id}", request)
                    : TypedResults.NotFound();
            })
            .WithTags("Requests")
            .WithSummary("The same household needs a bed again: its request for the night after (or the night given). Nights without " +
                         "shelter follow from this request (0 if it was placed), and the matching can send it back to last night's host. " +
                         "409 already-registered if the household already has a request that night.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }

    /// <summary>How a household travels to its host: <c>van</c> or <c>other</c>.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record TransportInput(string? Transport);

    /// <summary>Which night a household needs a bed again; no body (or no night): the night after.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record AgainInput(string? Night = null);

    /// <summary>A household for one night, as a coordinator types it.</summary>
    public sealed record RequestInput(
        string? Alias,
        IReadOnlyList<MemberInput>? Members,
        bool Vulnerable = false,
        bool NeedsWheelchairAccess = false,
        IReadOnlyList<string>? Languages = null,
        int NightsWithoutShelter = 0,
        string? Notes = null);
}
