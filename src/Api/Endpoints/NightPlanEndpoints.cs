using HostingMatch.Api.Infrastructure;
using HostingMatch.Application.NightPlan;
using HostingMatch.Application.NightPlan.Engine;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HostingMatch.Api.Endpoints;

/// <summary>"What if" night plans: beds and rides chosen together on a night file with its transport (spec: transport.md).</summary>
public static class NightPlanEndpoints
{
    /// <summary>As the matching's simulation: a national night file is a few MB.</summary>
    private const long MaxNightFileBytes = 8 * 1024 * 1024;

    /// <summary>The plan's budget over HTTP: the network's nights settle well within it (docs/benchmarks.md).</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(10);

    public static RouteGroupBuilder MapNightPlan(this RouteGroupBuilder api)
    {
        api.MapPost("/simulations/night-plan", async Task<Results<ContentHttpResult, ProblemHttpResult>> (HttpRequest request, SolverGate gate, CancellationToken ct) =>
            {
                var read = NightPlanFileReader.Read(await request.ReadUtf8Async(ct));
                if (read.File is null)
                {
                    return InputProblems.Invalid("The night file is invalid; nothing was planned.", read.Errors);
                }

                var plan = NightPlanner.Plan(read.File, new NightPlanOptions(gate.Remaining(request.HttpContext, TimeLimit)));
                return TypedResults.Content(NightPlanJson.Write(plan, indented: false), "application/json");
            })
            .WithTags("Night plan")
            .Accepts<string>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(MaxNightFileBytes))
            .WithSolverSlot()
            .WithSummary("Plan a night file with its transport block (spec: transport.md): hosts and rides chosen together, each placement " +
                         "with its ride, the vehicles' trips, the upper bound per tier. Nothing is stored. 400 with every problem of the file under errors.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("/nights/{night}/night-plan", async (string night, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new PreviewNightPlan(NightRoute.Parse(night)), ct)))
            .WithTags("Night plan")
            .WithSolverSlot()
            .WithSummary("Tonight's night plan from the database, stored nowhere and sent to nobody: who would sleep where and how each " +
                         "household would get there (vehicle and trip, the host fetching at the base, or public transport with an " +
                         "escort), with the vehicles, escorts and fetching hosts registered for the night. Placements already agreed are " +
                         "kept; those no way reaches tonight are listed under agreedWithoutRide. At most 5 s of search.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        return api;
    }
}
