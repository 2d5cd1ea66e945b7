using HostingMatch.Api.Infrastructure;
using HostingMatch.Application.Matching;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using HostingMatch.Application.Matching.Engine;

namespace HostingMatch.Api.Endpoints;

/// <summary>Tonight's matching from the database, and "what if" simulations on a night file.</summary>
public static class MatchingEndpoints
{
    /// <summary>
    /// A night file is small (80 hosts, 40 households: about 40 KB); a national one is a few MB. The body-limit
    /// middleware refuses larger bodies with 413 from this endpoint's <see cref="RequestSizeLimitAttribute"/>.
    /// </summary>
    private const long MaxNightFileBytes = 8 * 1024 * 1024;

    public static RouteGroupBuilder MapMatching(this RouteGroupBuilder api)
    {
        api.MapPost("/nights/{night}/matching", async (string night, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RunNightlyMatching(NightRoute.Parse(night)), ct)))
            .WithTags("Matching")
            .WithSummary("Run the matching on the night's requests and hosts and store the proposals. Confirmed placements and " +
                         "proposals whose SMS went out are kept. A run already under way for that night gives 409 matching-in-progress.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/nights/{night}/requests/{id:guid}/hosts",
                async Task<Results<Ok<IReadOnlyList<HostForHousehold>>, NotFound>> (string night, Guid id, IMediator mediator, CancellationToken ct) =>
                    await mediator.Send(new HostsForHousehold(NightRoute.Parse(night), id), ct) is { } hosts
                        ? TypedResults.Ok(hosts)
                        : TypedResults.NotFound())
            .WithTags("Matching")
            .WithSummary("Every host for one request of the night, to move it by hand: beds and households each has left tonight, " +
                         "travel minutes, and whether the household may go there or the first hard rule that says no (reasonCode, " +
                         "reason). Allowed hosts first, then the nearest.");

        api.MapPost("/nights/{night}/requests/{id:guid}/placement",
                async Task<Results<Ok<ProposalResponse>, NotFound>> (string night, Guid id, PlacementInput input, IMediator mediator, CancellationToken ct) =>
                    await mediator.Send(new MoveHousehold(NightRoute.Parse(night), id, input.HostId), ct) is { } proposal
                        ? TypedResults.Ok(proposal)
                        : TypedResults.NotFound())
            .WithTags("Matching")
            .WithSummary("Move a household by hand: the request becomes proposed at that host. 409 with the code of the first hard " +
                         "rule the host breaks, or offer-already-sent, already-placed, request-cancelled, matching-in-progress.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/simulations/matching", async Task<Results<ContentHttpResult, ProblemHttpResult>> (HttpRequest request, SolverGate gate, CancellationToken ct) =>
            {
                var read = NightFileReader.Read(await request.ReadUtf8Async(ct));
                if (!read.IsValid)
                {
                    return InputProblems.Invalid("The night file is invalid; nothing was solved.", read.Errors);
                }

                var plan = MatchingEngine.Solve(read.Night!, new MatchingOptions(gate.Remaining(request.HttpContext, RunNightlyMatchingHandler.DefaultTimeLimit)));
                return TypedResults.Content(PlanJson.Write(plan, indented: false), "application/json");
            })
            .WithTags("Matching")
            .Accepts<string>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(MaxNightFileBytes))
            .WithSolverSlot()
            .WithSummary("Solve a night file (spec: matching.md) and return its plan without storing anything: \"what if three more hosts said yes?\"")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        return api;
    }

    /// <summary>Where a coordinator moves a household.</summary>
    public sealed record PlacementInput(Guid? HostId);
}
