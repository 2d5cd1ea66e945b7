using HostingMatch.Api.Infrastructure;
using HostingMatch.Application.Requests;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

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

        return api;
    }

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
