using HostingMatch.Api.Infrastructure;
using HostingMatch.Api.Security;
using HostingMatch.Application.Nights;
using Mediator;

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

        return api;
    }
}
