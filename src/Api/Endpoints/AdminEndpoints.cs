using HostingMatch.Api.Infrastructure;
using HostingMatch.Api.Security;
using HostingMatch.Application.Access;
using HostingMatch.Application.Audit;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HostingMatch.Api.Endpoints;

/// <summary>Admins manage organisations and their keys, and read the audit log.</summary>
public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdmin(this RouteGroupBuilder admin)
    {
        admin.WithTags("Admin");

        admin.MapPost("/organisations", async (OrganisationInput input, IMediator mediator, CancellationToken ct) =>
            {
                var organisation = await mediator.Send(new CreateOrganisation(input.Name), ct);
                return TypedResults.Created($"/api/v1/admin/organisations/{organisation.Id}", organisation);
            })
            .WithSummary("Add an organisation (a partner, or the network itself). Names are unique (409).")
            .WithExamples("""{"name":"Maraude Nord"}""", """{"id":"019abf5e-0000-7000-8000-000000000001","name":"Maraude Nord","createdAt":"2026-11-26T16:00:00Z"}""")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        admin.MapGet("/organisations", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListOrganisations(), ct)))
            .WithSummary("Every organisation.");

        admin.MapPost("/keys", async Task<Results<Created<IssuedApiKeyResponse>, NotFound>> (KeyInput input, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new IssueApiKey(input.OrganisationId, null, input.Role, input.ExpiresInDays), ct) is { } key
                    ? TypedResults.Created($"/api/v1/admin/keys/{key.Id}", key)
                    : TypedResults.NotFound())
            .WithSummary("Issue a key for an organisation. The key's text is in this answer only: it is stored as a hash and cannot be shown again.")
            .WithExamples("""{"organisationId":"019abf5e-0000-7000-8000-000000000001","role":"partner","expiresInDays":365}""",
                """{"id":"019abf5e-0000-7000-8000-000000000002","organisationId":"019abf5e-0000-7000-8000-000000000001","role":"partner","prefix":"hm_k3v9x2mq","createdAt":"2026-11-26T16:00:00Z","expiresAt":"2027-11-26T16:00:00Z","key":"hm_k3v9x2mq_Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE"}""")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        admin.MapGet("/keys", async (Guid? organisationId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListApiKeys(organisationId), ct)))
            .WithSummary("Keys (prefix, role, dates; never the key itself), of one organisation or all, newest first.");

        admin.MapPost("/keys/{id:guid}/revoke", async Task<Results<Ok<ApiKeyResponse>, NotFound>> (Guid id, IMediator mediator, CheckedKeys checkedKeys,
                CancellationToken ct) =>
            {
                var key = await mediator.Send(new RevokeApiKey(id), ct);
                // This instance stops believing the key now; others within ApiKeys:CacheSeconds (docs/security.md).
                checkedKeys.Forget(id);
                return key is not null ? TypedResults.Ok(key) : TypedResults.NotFound();
            })
            .WithSummary("Revoke a key: it stops working at once. Revoking twice changes nothing.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        admin.MapGet("/audit", async (string? from, string? to, Guid? keyId, Guid? organisationId, string? action, int? page, int? pageSize,
                IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new QueryAuditLog(QueryValues.Instant(from, "from"), QueryValues.Instant(to, "to"),
                    keyId, organisationId, action, page ?? 1, pageSize ?? 50), ct)))
            .WithSummary("The audit log, newest first: from/to instants (ISO, UTC), one key or organisation, an action prefix such as 'POST /api/v1/hosts'; pages of up to 200.")
            .WithMetadata(new NotAuditedAttribute())
            .ProducesProblem(StatusCodes.Status400BadRequest);

        return admin;
    }

    public sealed record OrganisationInput(string? Name);

    public sealed record KeyInput(Guid? OrganisationId, string? Role, int? ExpiresInDays);
}
