using System.Security.Claims;
using HostingMatch.Domain.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace HostingMatch.Api.Security;

/// <summary>
/// The three policies, one per role (<see cref="Roles.Satisfies"/> holds the rules: admin can do what a coordinator
/// does; partner endpoints are for partners only). Endpoints that say nothing fall back to <see cref="Coordinator"/>,
/// so a forgotten policy never opens a route to partners or to anonymous callers.
/// </summary>
public static class Policies
{
    public const string Partner = "Partner";
    public const string Coordinator = "Coordinator";
    public const string Admin = "Admin";

    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApiKeySettings>(configuration.GetSection("ApiKeys"));
        services.AddSingleton<CheckedKeys>();
        services.AddAuthentication(WebConsole.ConsoleAccess.CallerScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Partner, For(Role.Partner, ApiKeyAuthenticationHandler.SchemeName))
            .AddPolicy(Coordinator, For(Role.Coordinator, WebConsole.ConsoleAccess.CallerScheme))
            .AddPolicy(Admin, For(Role.Admin, ApiKeyAuthenticationHandler.SchemeName))
            .SetFallbackPolicy(Fallback());
        return services;
    }

    /// <summary>
    /// Coordinators may call with their key or from the console (its session cookie); partners and admins only with a key.
    /// </summary>
    private static AuthorizationPolicy For(Role required, string scheme) => new AuthorizationPolicyBuilder(scheme)
        .RequireAuthenticatedUser()
        .RequireAssertion(context => Holds(context.User, required))
        .Build();

    /// <summary>
    /// Coordinator for any route nobody put behind a policy. Routing's own answers (no route: 404; wrong method: 405;
    /// wrong content type: 415) are not routes: any valid key gets them as they are, so a partner is told what is
    /// really wrong rather than 403. Without a key, everything but the anonymous endpoints is 401.
    /// </summary>
    private static AuthorizationPolicy Fallback() => new AuthorizationPolicyBuilder(WebConsole.ConsoleAccess.CallerScheme)
        .RequireAuthenticatedUser()
        .RequireAssertion(context => Holds(context.User, Role.Coordinator)
                                     || context.Resource is HttpContext { } http && http.GetEndpoint() is not RouteEndpoint)
        .Build();

    private static bool Holds(ClaimsPrincipal user, Role required) =>
        Roles.TryParse(user.FindFirstValue(HostingMatchClaims.Role), out var held) && held.Satisfies(required);

    /// <summary>
    /// Puts a route group behind a policy, once, and documents what that brings: 401 without a valid key,
    /// 403 with a key of another role, 429 over the rate limit, 503 while the database is out of reach (checking the key needs it).
    /// </summary>
    public static RouteGroupBuilder RequirePolicy(this RouteGroupBuilder group, string policy)
    {
        group.RequireAuthorization(policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }
}
