using System.Security.Claims;
using System.Text.Json.Serialization;
using HostingMatch.Api.Infrastructure;
using HostingMatch.Api.Security;
using HostingMatch.Application.Referrals;
using HostingMatch.Application.Requests;
using HostingMatch.Domain.Referrals;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace HostingMatch.Api.Endpoints;

/// <summary>
/// Partner organisations refer households and follow them. Every answer is about the caller's own organisation:
/// another organisation's referral answers 404, exactly as one that does not exist.
/// </summary>
public static class ReferralEndpoints
{
    private const string ReferralExample = """
        {"id":"019abf5e-7a10-7c4e-9a55-3f1f8e0b6a21","night":"2026-11-26","status":"placed","alias":"Famille A.",
         "members":[{"age":31,"sex":"female"},{"age":6,"sex":"male"}],"vulnerable":false,"needsWheelchairAccess":false,
         "languages":["ps","fr"],"referrer":{"name":"Inès, maraude Nord","phone":"+33612345678"},"notes":null,
         "meeting":{"baseName":"Porte de la Chapelle","gatheringTime":"20:30","instructions":"Be at Porte de la Chapelle at 20:30."},
         "noPlaceReason":null,"createdAt":"2026-11-26T16:05:00Z","updatedAt":"2026-11-26T19:40:00Z"}
        """;

    private const string CreateExample = """
        {"night":"2026-11-26","alias":"Famille A.","members":[{"age":31,"sex":"female"},{"age":6,"sex":"male"}],
         "vulnerable":false,"needsWheelchairAccess":false,"languages":["ps","fr"],
         "referrer":{"name":"Inès, maraude Nord","phone":"+33612345678"},"notes":"Arrived today, the child has a cold."}
        """;

    public static RouteGroupBuilder MapReferrals(this RouteGroupBuilder api)
    {
        var referrals = api.MapGroup("/referrals").WithTags("Referrals").RequirePolicy(Policies.Partner);

        referrals.MapPost("/", async (ReferralInput input, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
                ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new CreateReferral(user.Organisation(), idempotencyKey, input.Night, input.Alias,
                    input.Members, input.Vulnerable, input.NeedsWheelchairAccess, input.Languages, input.Referrer, input.Notes), ct);
                if (created.Replayed)
                {
                    http.Response.Headers["Idempotent-Replayed"] = "true";
                }

                return TypedResults.Created($"/api/v1/referrals/{created.Referral.Id}", created.Referral);
            })
            .WithSummary($"Refer a household for tonight or one of the next {Referral.MaxNightsAhead} nights.")
            .WithDescription(
                $"The night is tonight in Paris (before noon, still last evening's) or up to {Referral.MaxNightsAhead} nights ahead; " +
                "any other night answers 400 with an error on night. " +
                "Answers 201 with the referral and its Location. Send an Idempotency-Key header (any 1-100 printable ASCII " +
                "characters, e.g. a UUID) to retry safely: the same key with the same body answers the first result and creates " +
                "nothing (header Idempotent-Replayed: true); the same key with a different body answers 422. Keys expire after " +
                "24 hours: from then on the same key is a new referral. " +
                "There is no field for nationality or legal status: we don't keep them, and unknown fields are refused.")
            .WithExamples(CreateExample, ReferralExample)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        referrals.MapGet("/{id:guid}", async Task<Results<Ok<ReferralResponse>, NotFound>> (Guid id, ClaimsPrincipal user, IMediator mediator,
                CancellationToken ct) =>
                await mediator.Send(new GetReferral(user.Organisation(), id), ct) is { } referral ? TypedResults.Ok(referral) : TypedResults.NotFound())
            .WithSummary("One of your referrals and where it stands: waiting, placed (where and when to be), no-place-tonight (why), cancelled.")
            .WithExamples(response: ReferralExample)
            .ProducesProblem(StatusCodes.Status404NotFound);

        referrals.MapGet("/", async (string? night, string? status, int? page, int? pageSize, ClaimsPrincipal user, IMediator mediator,
                CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListReferrals(user.Organisation(), QueryValues.Date(night, "night"), status,
                    page ?? 1, pageSize ?? 20), ct)))
            .WithSummary("Your organisation's referrals, newest first, optionally of one night (YYYY-MM-DD) and one status; pages of up to 100.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        referrals.MapDelete("/{id:guid}", async Task<Results<Ok<ReferralResponse>, NotFound>> (Guid id, ClaimsPrincipal user, IMediator mediator,
                CancellationToken ct) =>
                await mediator.Send(new CancelReferral(user.Organisation(), id), ct) is { } referral ? TypedResults.Ok(referral) : TypedResults.NotFound())
            .WithSummary("Cancel one of your referrals while the household is not yet delivered to the host (then 409); " +
                         "cancelling one already cancelled answers 200 with it again, so a DELETE can be retried.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        referrals.MapPost("/{id:guid}/again", async Task<Results<Created<ReferralResponse>, NotFound>> (Guid id, ReferAgainInput? input,
                ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                if (await mediator.Send(new ReferAgain(user.Organisation(), id, input?.Night), ct) is not { } again)
                {
                    return TypedResults.NotFound();
                }

                if (again.Replayed)
                {
                    http.Response.Headers["Idempotent-Replayed"] = "true";
                }

                return TypedResults.Created($"/api/v1/referrals/{again.Referral.Id}", again.Referral);
            })
            .WithSummary("Refer the same household again, for the night after this referral or the night given, with the same referrer.")
            .WithDescription(
                "Use it rather than a new referral when the same people need a bed again: the coordinators' matching then counts the " +
                "nights they have waited (longest waiting first) and can send them back to last night's host. No body, or " +
                "{\"night\": \"YYYY-MM-DD\"}; the night must be open for referrals, as for a new one (else 400 on night). Safe to " +
                "retry: if you already referred this household for that night, the answer is that referral (header " +
                "Idempotent-Replayed: true) and nothing is created. 409 already-registered if the coordinators registered it " +
                "for that night themselves.")
            .WithExamples(response: ReferralExample)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }

    /// <summary>Which night to refer a household again for; no body (or no night): the night after.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record ReferAgainInput(LocalDate? Night = null);

    /// <summary>
    /// A household referred by a partner, as the partner sends it. Unknown fields are refused. Night, alias, members and
    /// referrer are required; the rest may be left out (not vulnerable, no wheelchair, no language, no notes), which
    /// their defaults here tell the OpenAPI document.
    /// </summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record ReferralInput(
        LocalDate? Night,
        string? Alias,
        IReadOnlyList<MemberInput>? Members,
        ReferrerInput? Referrer,
        bool? Vulnerable = null,
        bool? NeedsWheelchairAccess = null,
        IReadOnlyList<string>? Languages = null,
        string? Notes = null);
}
