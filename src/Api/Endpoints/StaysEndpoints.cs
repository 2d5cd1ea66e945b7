using System.Text.Json.Serialization;
using HostingMatch.Api.Infrastructure;
using HostingMatch.Application.Requests;
using HostingMatch.Application.Stays;
using HostingMatch.Application.Stays.Journeys;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using NodaTime;

namespace HostingMatch.Api.Endpoints;

/// <summary>
/// The stays programme from the database (docs/stays.md): guests and their needs, stays and their status, planning
/// and the latest plan. Coordinators only.
/// </summary>
public static class StaysEndpoints
{
    public static RouteGroupBuilder MapStays(this RouteGroupBuilder api)
    {
        var stays = api.MapGroup("/stays").WithTags("Stays");

        stays.MapPost("/guests", async (GuestInput input, IMediator mediator, CancellationToken ct) =>
            {
                var guest = await mediator.Send(new RegisterGuest(input.Alias, input.Members, input.NeedFrom, input.NeedUntil, input.Regions,
                    input.WaitingAt, input.Latitude, input.Longitude, input.Vulnerable, input.NeedsWheelchairAccess, input.Languages,
                    input.ReferredBy, input.Notes, input.HouseholdId), ct);
                return TypedResults.Created($"/api/v1/stays/guests/{guest.Id}", guest);
            })
            .WithSummary("Register a guest of the stays programme: the household, its need [needFrom, needUntil) (needUntil null: " +
                         "open-ended), the regions it may stay in (none: any), the referring organisation, where it waits now.")
            .WithDescription("householdId instead of the household's fields: a household the one-night programme knows (a request's " +
                             "householdId) moves into the stays programme as itself, its alias, members and nights without shelter " +
                             "kept; alias, members, languages, notes, referredBy, vulnerable and needsWheelchairAccess are then left " +
                             "out (400). 400 on householdId for an unknown household, 409 guest-already-registered when it is a guest already.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        stays.MapGet("/guests", async (string? needsOn, string? region, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListGuests(QueryValues.Date(needsOn, "needsOn"), region), ct)))
            .WithSummary("The guests, highest priority first; needsOn keeps those needing a bed that night, region those who may stay there.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        stays.MapGet("/guests/{id:guid}", async Task<Results<Ok<GuestResponse>, NotFound>> (Guid id, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetGuest(id), ct) is { } guest ? TypedResults.Ok(guest) : TypedResults.NotFound())
            .WithSummary("One guest with its household and need.");

        stays.MapPost("/guests/{id:guid}/end", async Task<Results<Ok<GuestResponse>, NotFound>> (Guid id, EndInput? input, IMediator mediator,
                CancellationToken ct) =>
                await mediator.Send(new EndGuestNeed(id, input?.Outcome, QueryValues.Date(input?.Until, "until"), input?.Note), ct) is { } guest
                    ? TypedResults.Ok(guest) : TypedResults.NotFound())
            .WithSummary("The guest leaves the programme with an outcome; its need ends on the morning of until (tomorrow when left out).")
            .WithDescription("outcome is required: ase-place, recognised-minor, not-recognised, adult-orientation, left-without-news or " +
                             "other; note is optional (at most 500 characters). Its stays are cut that morning (those not begun are " +
                             "cancelled), nights already spent untouched; each host of an agreed stay so cancelled or cut is told by SMS; " +
                             "after ase-place, recognised-minor or left-without-news, its one-night requests not yet placed from that morning on " +
                             "are withdrawn (a partner's referrals aside; after the other outcomes they stay). The next plan re-uses the beds and " +
                             "the reports count the outcome. 409 need-past-nights for a morning before today.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        stays.MapPut("/guests/{id:guid}/referent", async Task<Results<Ok<GuestResponse>, NotFound>> (Guid id, ReferentInput input,
                IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new AssignReferent(id, input.Name, input.Phone), ct) is { } guest ? TypedResults.Ok(guest) : TypedResults.NotFound())
            .WithSummary("Name the guest's referent, the volunteer who follows it (name and E.164 phone): a weekly check-in answered " +
                         "APPEL, STOP or not answered within 48 hours alerts them by SMS, and the coordinators.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        stays.MapGet("/", async (Guid? guestId, Guid? hostId, string? status, string? on, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListStays(guestId, hostId, status, QueryValues.Date(on, "on")), ct)))
            .WithSummary("Stays by guest then first night, of a guest, of a host, in a status, or holding the night on; cancelled ones " +
                         "only with status=cancelled.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        stays.MapPut("/{id:guid}/status", async Task<Results<Ok<StayResponse>, NotFound>> (Guid id, StatusInput input, HttpContext http,
                IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ChangeStayStatus(id, input.Status, IfMatch(http)), ct) is { } stay ? TypedResults.Ok(stay) : TypedResults.NotFound())
            .WithSummary("Move a stay on: confirmed (agreed), ongoing (the guest arrived), ended (the guest left), cancelled (called off " +
                         "before it began). 409 stay-invalid-transition otherwise; with If-Match, 409 when the stay changed since.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        stays.MapPost("/plan", async (PlanInput input, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new PlanStays(QueryValues.Date(input.From, "from"), QueryValues.Date(input.Until, "until"),
                    input.Region, input.TimeLimitSeconds), ct)))
            .WithSummary("Plan the stays of [from, until) (from: tomorrow when left out), of one region or all: agreed stays are kept " +
                         "(cut where a host withdrew or a need ended), earlier proposals replaced, new proposals stored as proposed stays.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        stays.MapGet("/plan", async Task<Results<Ok<StaysPlanResponse>, NotFound>> (string? region, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetStaysPlan(region), ct) is { } plan ? TypedResults.Ok(plan) : TypedResults.NotFound())
            .WithSummary("The latest stays plan (of a region when given), each proposal with its status now; 404 before the first.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        stays.MapGet("/journeys", async (string? from, string? until, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListJourneys(QueryValues.Date(from, "from"), QueryValues.Date(until, "until")), ct)))
            .WithSummary("The journeys between homes dated in [from, until) (today and four weeks when left out), by date: one to every " +
                         "confirmed or ongoing stay that is a first stay or a move, with its minutes (stays.md, Travel) and how it is arranged. " +
                         "A journey's id is the id of the stay it leads to.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        stays.MapPut("/journeys/{id:guid}", async Task<Results<Ok<JourneyResponse>, NotFound>> (Guid id, JourneyInput input, HttpContext http,
                IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ArrangeJourney(id, input.Way, input.DepartureTime, input.DriverFirstName, input.DriverPhone, input.CostEuros,
                    input.Notes, IfMatch(http)), ct) is { } journey ? TypedResults.Ok(journey) : TypedResults.NotFound())
            .WithSummary("Arrange the journey to a stay (id: the stay's): way volunteer-driver (with driverFirstName and driverPhone), train, " +
                         "other or not-arranged; departureTime HH:mm; costEuros as entered. A new or changed time is sent by SMS to the host " +
                         "the guest leaves (departure), the receiving host (arrival) and the driver (a signed link to the journey sheet). " +
                         "404 when no journey leads to that stay; with If-Match, 409 when the journey changed since.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }

    /// <summary>A guest of the stays programme as a coordinator types it. Dates YYYY-MM-DD; needUntil is the morning the need ends.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record GuestInput(
        string? Alias,
        IReadOnlyList<MemberInput>? Members,
        LocalDate? NeedFrom,
        LocalDate? NeedUntil = null,
        IReadOnlyList<string>? Regions = null,
        string? WaitingAt = null,
        double? Latitude = null,
        double? Longitude = null,
        bool Vulnerable = false,
        bool NeedsWheelchairAccess = false,
        IReadOnlyList<string>? Languages = null,
        Guid? ReferredBy = null,
        string? Notes = null,
        Guid? HouseholdId = null);

    /// <summary>The exit: its outcome (required), the morning the need ends (YYYY-MM-DD; none: tomorrow), a note.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record EndInput(string? Outcome = null, string? Until = null, string? Note = null);

    /// <summary>A guest's referent: a volunteer's name and phone (E.164).</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record ReferentInput(string? Name, string? Phone);

    /// <summary>The status to move a stay to.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record StatusInput(string? Status);

    /// <summary>The horizon [from, until) (YYYY-MM-DD; from: tomorrow when left out), a region or none for all, a time limit in seconds.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record PlanInput(string? From = null, string? Until = null, string? Region = null, int? TimeLimitSeconds = null);

    /// <summary>How a journey is arranged: departureTime HH:mm; the driver only for volunteer-driver; costEuros in euros, 0 when left out.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record JourneyInput(
        string? Way,
        LocalTime? DepartureTime = null,
        string? DriverFirstName = null,
        string? DriverPhone = null,
        decimal? CostEuros = null,
        string? Notes = null);

    private static uint? IfMatch(HttpContext http)
    {
        var value = http.Request.Headers[HeaderNames.IfMatch].ToString().Trim().Trim('"');
        return uint.TryParse(value, out var version) ? version : null;
    }
}
