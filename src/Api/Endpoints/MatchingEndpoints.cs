using HostingMatch.Api.Infrastructure;
using HostingMatch.Application.Matching;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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

        api.MapPost("/simulations/matching", async Task<Results<ContentHttpResult, ProblemHttpResult>> (HttpRequest request, CancellationToken ct) =>
            {
                using var reader = new StreamReader(request.Body);
                var read = NightFileReader.Read(await reader.ReadToEndAsync(ct));
                if (!read.IsValid)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.Validation,
                        title: "The night file is invalid; nothing was solved.",
                        extensions: new Dictionary<string, object?>
                        {
                            ["errors"] = read.Errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                        });
                }

                var plan = MatchingEngine.Solve(read.Night!, new MatchingOptions(RunNightlyMatchingHandler.DefaultTimeLimit));
                return TypedResults.Content(PlanJson.Write(plan, indented: false), "application/json");
            })
            .WithTags("Matching")
            .Accepts<string>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(MaxNightFileBytes))
            .WithSummary("Solve a night file (spec: matching.md) and return its plan without storing anything: \"what if three more hosts said yes?\"")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        return api;
    }
}
