using System.Security.Claims;
using System.Text.Encodings.Web;
using HostingMatch.Api.Infrastructure;
using HostingMatch.Application.Access;
using HostingMatch.Domain.Access;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HostingMatch.Api.Security;

/// <summary>
/// The <c>ApiKey</c> scheme: reads <c>Authorization: Bearer &lt;key&gt;</c>, finds the key by its public prefix and
/// checks its hash (see <see cref="AuthenticateApiKey"/>), believed for a few seconds (<see cref="CheckedKeys"/>). Answers 401
/// and 403 as ProblemDetails.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IMediator mediator,
    CheckedKeys checkedKeys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string Bearer = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        // Anonymous endpoints (the probes, the contract, the docs) never touch the keys: readiness must answer when the database is down.
        if (header.Length == 0 || Context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header is not a Bearer key.");
        }

        var who = await checkedKeys.CheckAsync(header[Bearer.Length..].Trim(),
            key => KeyLookup.AuthenticateAsync(mediator, key, Context.RequestAborted));
        if (who is null)
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired key.");
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(HostingMatchClaims.KeyId, who.KeyId.ToString()),
            new Claim(HostingMatchClaims.OrganisationId, who.OrganisationId.ToString()),
            new Claim(HostingMatchClaims.Role, who.Role.ToWire()),
        ], SchemeName, HostingMatchClaims.KeyId, HostingMatchClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        // The same answer for a missing, unknown, revoked or expired key: a caller learns nothing by guessing.
        return WriteAsync(StatusCodes.Status401Unauthorized, ProblemTypes.Unauthorized, "A valid API key is required.",
            "Send Authorization: Bearer <key>. The key may be missing, unknown, revoked or expired.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteAsync(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "This key's role may not use this endpoint.", null);

    private Task WriteAsync(int status, string type, string title, string? detail) => Problems.WriteAsync(Context, status, type, title, detail);
}

/// <summary>The claims a key's holder carries.</summary>
public static class HostingMatchClaims
{
    public const string KeyId = "hm_key";
    public const string OrganisationId = "hm_org";
    public const string Role = "hm_role";

    public static Guid? KeyIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(KeyId), out var id) ? id : null;

    public static Guid? OrganisationIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(OrganisationId), out var id) ? id : null;

    /// <summary>The caller's organisation; only for endpoints behind a policy (which guarantees an authenticated key).</summary>
    public static Guid Organisation(this ClaimsPrincipal user) =>
        user.OrganisationIdOf() ?? throw new InvalidOperationException("No organisation claim: is the endpoint behind a policy?");
}
