using HostingMatch.Api.Infrastructure;
using HostingMatch.Api.Security;
using HostingMatch.Application.Nights;
using HostingMatch.Api.WebConsole;
using Mediator;
using Microsoft.Extensions.Options;

namespace HostingMatch.Api.Endpoints;

/// <summary>Coordinators' view of a whole night.</summary>
public static class NightEndpoints
{
    public static RouteGroupBuilder MapNights(this RouteGroupBuilder api)
    {
        var nights = api.MapGroup("/nights/{night}").WithTags("Nights");

        nights.MapGet("/summary", async (string night, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetNightSummary(NightRoute.Parse(night)), ct)))
            .WithSummary("People (not households) per priority tier and in total: requested, placed (confirmed or delivered), proposed, waiting, unplaced by reason, cancelled.")
            .WithMetadata(new NotAuditedAttribute())
            .ProducesProblem(StatusCodes.Status400BadRequest);

        nights.MapGet("/map", async (string night, IMediator mediator, IOptions<MapOptions> options, CancellationToken ct) =>
                TypedResults.Ok(new NightMapResponse(await mediator.Send(new GetNightMap(NightRoute.Parse(night)), ct), options.Value.Tiles)))
            .WithSummary("The night on a map: the base, the hosts who can host tonight or have guests (available, proposed, confirmed), " +
                         "the placements, and each trip of the van plan in driving order; with the tiles to draw under them (none when not configured).")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        return api;
    }
}

/// <summary>The night's map and the background tiles the console draws it on (null: no tiles configured).</summary>
public sealed record NightMapResponse(NightMap Map, MapTiles? Tiles);
