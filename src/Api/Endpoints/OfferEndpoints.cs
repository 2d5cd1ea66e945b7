using HostingMatch.Api.Infrastructure;
using HostingMatch.Application.Offers;
using HostingMatch.Application.Sms;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HostingMatch.Api.Endpoints;

/// <summary>Coordinators' view of the SMS conversation: send tonight's offers, follow them, resend, cancel, alerts.</summary>
public static class OfferEndpoints
{
    public static RouteGroupBuilder MapOffers(this RouteGroupBuilder api)
    {
        var offers = api.MapGroup("").WithTags("Offers");

        offers.MapPost("/nights/{night}/offers", async (string night, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SendTonightsOffers(NightRoute.Parse(night)), ct)))
            .WithSummary("Send the night's offers: each proposal whose host has no open offer becomes an offer and its SMS. " +
                         "Returns the offers created; proposals waiting for their host to answer another offer go out later by themselves.");

        offers.MapPost("/nights/{night}/van-runs/sms", async (string night, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SendVanArrivalTimes(NightRoute.Parse(night)), ct)))
            .WithTags("Van runs")
            .WithSummary("Text each host on the night's van runs the van's arrival time. A host already told that time is not " +
                         "told again; after a re-plan that moved it, they get the new one. Returns the codes of the hosts messaged.");

        offers.MapGet("/nights/{night}/offers", async (string night, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListOffers(NightRoute.Parse(night)), ct)))
            .WithSummary("The night's offers with their status and where their SMS stands (pending, sent, delivered, failed).");

        offers.MapPost("/offers/{id:guid}/resend", async Task<Results<Ok<OfferResponse>, NotFound>> (Guid id, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ResendOffer(id), ct) is { } offer ? TypedResults.Ok(offer) : TypedResults.NotFound())
            .WithSummary("Send an open offer's SMS again. Its deadline does not move. 409 offer-not-open otherwise.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        offers.MapPost("/offers/{id:guid}/cancel", async Task<Results<Ok<OfferResponse>, NotFound>> (Guid id, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new CancelOffer(id), ct) is { } offer ? TypedResults.Ok(offer) : TypedResults.NotFound())
            .WithSummary("Cancel an open or accepted offer by hand: the household goes back to the pool and is matched again.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        offers.MapGet("/hosts/{id:guid}/sms", async Task<Results<Ok<IReadOnlyList<SmsHistoryItem>>, NotFound>> (Guid id, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetHostSmsHistory(id), ct) is { } history ? TypedResults.Ok(history) : TypedResults.NotFound())
            .WithTags("Hosts")
            .WithSummary("Every SMS to and from a host, oldest first.");

        offers.MapGet("/alerts", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListAlerts(), ct)))
            .WithTags("Alerts")
            .WithSummary("What the coordinators must look at: hosts who sent STOP or cancelled, SMS that could not be sent.");

        return api;
    }
}
