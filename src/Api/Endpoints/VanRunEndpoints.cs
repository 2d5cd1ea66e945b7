using HostingMatch.Api.Infrastructure;
using HostingMatch.Application.Stays.Journeys;
using HostingMatch.Application.VanRuns;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using HostingMatch.Application.VanRuns.Planner;

namespace HostingMatch.Api.Endpoints;

/// <summary>The night's van runs: plan them from the confirmed placements, read them, print a trip's run sheet.</summary>
public static class VanRunEndpoints
{
    /// <summary>A runs file of a few hundred stops is well under this.</summary>
    private const long MaxRunsFileBytes = 1024 * 1024;

    public static RouteGroupBuilder MapVanRuns(this RouteGroupBuilder api)
    {
        var runs = api.MapGroup("/nights/{night}/van-runs").WithTags("Van runs");

        api.MapPost("/simulations/van-runs", async Task<Results<ContentHttpResult, ProblemHttpResult>> (HttpRequest request, SolverGate gate, CancellationToken ct) =>
            {
                var read = RunsFileReader.Read(await request.ReadUtf8Async(ct));
                return read.File is null
                    ? InputProblems.Invalid("The runs file is invalid; nothing was planned.", read.Errors)
                    : TypedResults.Content(VanPlanJson.Serialize(VanPlanner.Plan(read.File, new VanPlannerOptions
                    {
                        TimeLimit = gate.Remaining(request.HttpContext, VanPlannerOptions.Default.TimeLimit),
                    })), "application/json");
            })
            .WithTags("Van runs")
            .Accepts<string>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(MaxRunsFileBytes))
            .WithSolverSlot()
            .WithSummary("Plan a runs file (spec: van-runs.md) and return the spec's plan JSON without storing anything: " +
                         "\"what if a second van came out tonight?\" 400 with every problem of the file under errors.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        runs.MapPost("/", async (string night, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new PlanVanRuns(NightRoute.Parse(night)), ct)))
            .WithSummary("Plan (or re-plan) the night's van runs from the confirmed placements. Trips that have left are never changed.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        runs.MapGet("/", async Task<Results<Ok<VanRunsResponse>, NotFound>> (string night, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetVanRuns(NightRoute.Parse(night)), ct) is { } plan ? TypedResults.Ok(plan) : TypedResults.NotFound())
            .WithSummary("The night's current van plan; 404 when none was made.");

        runs.MapGet("/{vanId}/{trip:int}/sheet", async Task<Results<ContentHttpResult, NotFound>> (string night, string vanId, int trip, string? format,
                HttpResponse response, IMediator mediator, CancellationToken ct) =>
            {
                var date = NightRoute.Parse(night);
                var found = (await mediator.Send(new GetVanRuns(date), ct))?.Trips.FirstOrDefault(t => t.VanId == vanId && t.Trip == trip);
                if (found is null)
                {
                    return TypedResults.NotFound();
                }

                if (format == "csv")
                {
                    response.Headers.ContentDisposition = $"attachment; filename=\"run-{date:yyyy-MM-dd}-{trip}.csv\"";
                    return TypedResults.Content(RunSheet.Csv(found), "text/csv; charset=utf-8");
                }

                // The page's own styles and nothing else: no script, no image, no form.
                response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
                return TypedResults.Content(RunSheet.Html(found, date), "text/html; charset=utf-8");
            })
            .WithSummary("The driver's run sheet for one trip: printable HTML (default) or CSV with ?format=csv.")
            .Produces<string>(StatusCodes.Status200OK, "text/html", "text/csv");

        return api;
    }

    /// <summary>A token is a few hundred characters; anything longer is not one of ours.</summary>
    private const int MaxTokenLength = 600;

    /// <summary>
    /// The page a driver's SMS links to: their vehicle's trips tonight as the plan stands now, without an account (the signed
    /// token names the night and the vehicle and expires at noon after the night). 404 for a forged, altered or expired link,
    /// or a vehicle no longer registered; nothing says which.
    /// </summary>
    public static IEndpointRouteBuilder MapDriverSheets(this IEndpointRouteBuilder app)
    {
        // GET and HEAD: a messaging app checking the link before showing it asks with HEAD (Kestrel sends no body then).
        app.MapMethods("/drivers/{token}", [HttpMethods.Get, HttpMethods.Head], async Task<Results<ContentHttpResult, NotFound>> (string token, HttpResponse response, IDriverSheetLinks links,
                IMediator mediator, CancellationToken ct) =>
            {
                if (token.Length > MaxTokenLength || links.Read(token) is not { } link
                    || await mediator.Send(new GetDriverSheet(link.Night, link.VehicleId), ct) is not { } sheet)
                {
                    return TypedResults.NotFound();
                }

                SheetHeaders(response);
                return TypedResults.Content(RunSheet.Driver(sheet), "text/html; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        // A volunteer driving a guest between two homes (docs/stays.md, "Journeys"): the same kind of signed link, one journey.
        app.MapMethods("/journeys/{token}", [HttpMethods.Get, HttpMethods.Head], async Task<Results<ContentHttpResult, NotFound>> (string token, HttpResponse response, IJourneySheetLinks links,
                IMediator mediator, CancellationToken ct) =>
            {
                if (token.Length > MaxTokenLength || links.Read(token) is not { } link
                    || await mediator.Send(new GetJourneySheet(link.StayId, link.DriverPhone), ct) is not { } sheet)
                {
                    return TypedResults.NotFound();
                }

                SheetHeaders(response);
                return TypedResults.Content(RunSheet.Journey(sheet), "text/html; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    private static void SheetHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
