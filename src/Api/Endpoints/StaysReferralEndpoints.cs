using System.Security.Claims;
using System.Text.Json.Serialization;
using HostingMatch.Api.Infrastructure;
using HostingMatch.Api.Security;
using HostingMatch.Application.Referrals;
using HostingMatch.Application.Requests;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace HostingMatch.Api.Endpoints;

/// <summary>
/// Partner organisations refer guests for the stays programme (a week or more with hosts in the regions) and follow
/// them. Every answer is about the caller's own organisation: another organisation's guest answers 404, exactly as one
/// that does not exist. Nothing of a host ever leaves here but the region.
/// </summary>
public static class StaysReferralEndpoints
{
    private const string StatusExample = """
        {"id":"019abf5e-7a10-7c4e-9a55-3f1f8e0b6a22","status":"hosted","alias":"K. (16 ans)",
         "members":[{"age":16,"sex":"male"}],"vulnerable":false,"needsWheelchairAccess":false,"languages":["ps","fr"],
         "notes":null,"needFrom":"2026-11-27","needUntil":null,"regions":["bretagne","ile-de-france"],
         "hosted":{"region":"bretagne","since":"2026-11-28"},
         "uncoveredNights":[{"from":"2026-12-26","until":"2026-12-29"}],"ended":null,"createdAt":"2026-11-26T16:05:00Z"}
        """;

    private const string CreateExample = """
        {"alias":"K. (16 ans)","members":[{"age":16,"sex":"male"}],"needFrom":"2026-11-27","needUntil":null,
         "regions":["bretagne","ile-de-france"],"languages":["ps","fr"],"notes":"Waiting for his age assessment."}
        """;

    public static RouteGroupBuilder MapStaysReferrals(this RouteGroupBuilder api)
    {
        var referrals = api.MapGroup("/stays/referrals").WithTags("Stays referrals").RequirePolicy(Policies.Partner);

        referrals.MapPost("/", async (StaysReferralInput input, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
                ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new ReferForStays(user.Organisation(), idempotencyKey, input.Alias, input.Members,
                    input.NeedFrom, input.NeedUntil, input.Regions, input.WaitingAt, input.Latitude, input.Longitude, input.Vulnerable,
                    input.NeedsWheelchairAccess, input.Languages, input.Notes), ct);
                if (created.Replayed)
                {
                    http.Response.Headers["Idempotent-Replayed"] = "true";
                }

                return TypedResults.Created($"/api/v1/stays/referrals/{created.Referral.Id}", created.Referral);
            })
            .WithSummary("Refer a guest for stays of a week or more: who, the nights needed [needFrom, needUntil), the regions.")
            .WithDescription(
                "needUntil is the morning the need ends; leave it out (or null) when it is open-ended. regions lists where the guest " +
                "may stay (e.g. bretagne, ile-de-france; none: any). waitingAt, latitude and longitude say where the guest waits " +
                "now; left out, the base (and then the one-night programme takes in its uncovered nights only if it may stay in " +
                "ile-de-france: give the place of a guest who waits elsewhere). Answers 201 with the guest's status and its " +
                "Location. Send an Idempotency-Key header " +
                "(1-100 printable ASCII characters) to retry safely, exactly as for a night's referral: the same key with the same " +
                "body answers the first result and creates nothing (header Idempotent-Replayed: true); with a different body, 422. " +
                "There is no field for nationality or legal status, and unknown fields are refused.")
            .WithExamples(CreateExample, StatusExample)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        referrals.MapGet("/{id:guid}", async Task<Results<Ok<StaysReferralResponse>, NotFound>> (Guid id, ClaimsPrincipal user,
                IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetStaysReferral(user.Organisation(), id), ct) is { } guest ? TypedResults.Ok(guest) : TypedResults.NotFound())
            .WithSummary("One of your guests referred for stays and where it stands: waiting, hosted (in which region, since when) or " +
                         "ended (the outcome); the nights the latest plan could not cover.")
            .WithExamples(response: StatusExample)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    /// <summary>
    /// A guest referred for stays, as the partner sends it. Unknown fields are refused. Alias, members and needFrom are
    /// required; the rest may be left out (open-ended, any region, waiting at the base, not vulnerable, no wheelchair, no
    /// language, no notes).
    /// </summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record StaysReferralInput(
        string? Alias,
        IReadOnlyList<MemberInput>? Members,
        LocalDate? NeedFrom,
        LocalDate? NeedUntil = null,
        IReadOnlyList<string>? Regions = null,
        string? WaitingAt = null,
        double? Latitude = null,
        double? Longitude = null,
        bool? Vulnerable = null,
        bool? NeedsWheelchairAccess = null,
        IReadOnlyList<string>? Languages = null,
        string? Notes = null);
}
