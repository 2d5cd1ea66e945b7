using HostingMatch.Api.Infrastructure;
using HostingMatch.Application.Stays;
using HostingMatch.Application.Stays.Planner;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HostingMatch.Api.Endpoints;

/// <summary>"What if" on a stays file: plan it and return the plan, storing nothing (spec: stays.md).</summary>
public static class StaysSimulationEndpoints
{
    /// <summary>A programme of a thousand hosts and a few hundred guests is well under this.</summary>
    private const long MaxStaysFileBytes = 4 * 1024 * 1024;

    /// <summary>
    /// The largest programme planned here, in guests times hosts times horizon nights: the planner's set-up (each guest's
    /// nights at each host, each guest's own best chain) grows with it outside the time limit, and 3,000 guests with 3,000
    /// hosts over a year (1.4 MB) took minutes and gigabytes. The benchmark's national programme (400 guests, 1,000 hosts,
    /// 84 nights) is 33.6 million; larger ones are for the command line, whose time and memory are its operator's.
    /// </summary>
    public const long MaxGuestHostNights = 50_000_000;

    /// <summary>How the file is held: <see cref="MaxGuestHostNights"/>, and its first 100 problems listed.</summary>
    public static readonly StaysFileLimits Limits = new(MaxGuestHostNights, InputProblems.ReportedErrors);

    /// <summary>
    /// The search budget of one request: a region is proved well within it; bigger programmes return their best plan
    /// with <c>optimal: false</c> and a <c>gap</c> rather than holding a connection and a core for minutes.
    /// </summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(30);

    public static RouteGroupBuilder MapStaysSimulation(this RouteGroupBuilder api)
    {
        api.MapPost("/simulations/stays", async Task<Results<ContentHttpResult, ProblemHttpResult>> (HttpRequest request, SolverGate gate, CancellationToken ct) =>
            {
                var read = StaysFileReader.Read(await request.ReadUtf8Async(ct), Limits);
                if (read.File is null)
                {
                    return InputProblems.Invalid("The stays file is invalid; nothing was planned.", read.Errors, read.ErrorCount);
                }

                var plan = StaysPlanner.Solve(read.File, new StaysPlannerOptions(gate.Remaining(request.HttpContext, TimeLimit)));
                return TypedResults.Content(StaysPlanJson.Write(plan, indented: false), "application/json");
            })
            .WithTags("Stays")
            .Accepts<string>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(MaxStaysFileBytes))
            .WithSolverSlot()
            .WithSummary("Plan a stays file (spec: stays.md) and return the spec's plan JSON without storing anything: " +
                         "\"what if two more hosts in Nord joined in April?\" At most 30 s of search; 400 with every problem of the file under errors, or for a " +
                         "programme over 50 million guests × hosts × nights (plan it with the command line).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        return api;
    }
}
