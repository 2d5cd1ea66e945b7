using System.Security.Claims;
using HostingMatch.Api.Infrastructure;
using HostingMatch.Api.Security;
using HostingMatch.Application.Access;
using HostingMatch.Application.Audit;
using HostingMatch.Domain.Access;
using HostingMatch.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace HostingMatch.Api.WebConsole;

/// <summary>Configuration section <c>Console</c>.</summary>
public sealed class ConsoleSettings
{
    /// <summary>How long a sign-in lasts: a night shift. After it the coordinator signs in again.</summary>
    public int SessionHours { get; set; } = 12;

    /// <summary>
    /// Whether the page may sign in with a key written in its address (<c>/#key=...</c>), as the demo command prints it.
    /// Off by default: on a real server a key is typed, never passed around as a link.
    /// </summary>
    public bool KeyInAddress { get; set; }
}

/// <summary>
/// How a coordinator's browser calls the Api: the coordinator signs in once with their key; the Api opens a
/// <see cref="ConsoleSession"/> and keeps its id in an HttpOnly, SameSite=Strict cookie (the key itself never reaches
/// the page's script after sign-in) and, for every call that changes something, requires the anti-forgery token the
/// page got from <c>GET /console/session</c> in the <c>X-CSRF-TOKEN</c> header. Partners cannot sign in; a session
/// ends with the shift, on sign-out (for every copy of the cookie), or when its key is revoked or expires.
/// </summary>
public static class ConsoleAccess
{
    /// <summary>The scheme every coordinator route authenticates with: the console's cookie, else the API key.</summary>
    public const string CallerScheme = "Caller";
    public const string CookieScheme = "ConsoleCookie";
    public const string CookieName = "hm_console";
    public const string CsrfHeader = "X-CSRF-TOKEN";

    /// <summary>The claim holding the <see cref="ConsoleSession"/>'s id.</summary>
    public const string SessionClaim = "hm_session";

    public static IServiceCollection AddConsoleAccess(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Console").Get<ConsoleSettings>() ?? new ConsoleSettings();
        services.AddSingleton(settings);
        services.AddAuthentication()
            .AddPolicyScheme(CallerScheme, "API key or console session", o => o.ForwardDefaultSelector = http =>
                UsesSessionCookie(http.Request) ? CookieScheme : ApiKeyAuthenticationHandler.SchemeName)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                // Secure whenever the request came over HTTPS; behind a TLS proxy, ASPNETCORE_FORWARDEDHEADERS_ENABLED=true tells the Api so.
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Cookie.Path = "/";
                o.ExpireTimeSpan = TimeSpan.FromHours(settings.SessionHours);
                o.SlidingExpiration = false;
                o.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = EndIfSessionNoLongerActiveAsync,
                    // An API caller is answered, not redirected: 401 and 403 as ProblemDetails, like the API key scheme.
                    OnRedirectToLogin = context => Problems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized,
                        ProblemTypes.Unauthorized, "Your session has ended. Sign in again with your key."),
                    OnRedirectToAccessDenied = context => Problems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden,
                        ProblemTypes.Forbidden, "This session's role may not use this endpoint."),
                };
            });
        services.AddOptions<CookieAuthenticationOptions>(CookieScheme)
            .Configure<IClock>((o, clock) => o.TimeProvider = new ClockTimeProvider(clock));
        // The cookie and the CSRF tokens are encrypted with keys kept in PostgreSQL, beside everything else.
        services.AddDataProtection().SetApplicationName("HostingMatch").PersistKeysToDbContext<HostingMatchDbContext>();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = CsrfHeader;
            o.Cookie.Name = "hm_csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SuppressXFrameOptionsHeader = true;
        });
        return services;
    }

    /// <summary>A browser call: the session cookie and no Authorization header (a Bearer key always wins).</summary>
    public static bool UsesSessionCookie(HttpRequest request) =>
        request.Headers.Authorization.Count == 0 && request.Cookies.ContainsKey(CookieName);

    /// <summary>The console session behind this call, if it came from the console.</summary>
    public static Guid? SessionIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SessionClaim), out var id) ? id : null;

    /// <summary>
    /// Cross-site request forgery: a call made with the session cookie that could change something must carry the
    /// page's token. SameSite=Strict already keeps the cookie off other sites' requests; this is the second lock.
    /// </summary>
    public static IApplicationBuilder UseConsoleCsrfCheck(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var method = http.Request.Method;
        var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
        if (safe || !UsesSessionCookie(http.Request) || http.GetEndpoint()?.Metadata.GetMetadata<NoCsrfTokenAttribute>() is not null
            || await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            await next(http);
            return;
        }

        await Problems.WriteAsync(http, StatusCodes.Status400BadRequest, ProblemTypes.Csrf,
            $"This change came without the console's {CsrfHeader} token. Reload the page and try again.");
    });

    /// <summary>Sign in, see and end a console session. Not part of the partners' API contract.</summary>
    public static IEndpointRouteBuilder MapConsoleSession(this IEndpointRouteBuilder app)
    {
        var session = app.MapGroup("/console/session").ExcludeFromDescription();

        session.MapPost("/", SignInAsync).AllowAnonymous().WithMetadata(new NoCsrfTokenAttribute());

        session.MapGet("/", async (HttpContext http, IAntiforgery antiforgery, IClock clock) =>
        {
            var ticket = await http.AuthenticateAsync(CookieScheme);
            var tokens = antiforgery.GetAndStoreTokens(http);
            return TypedResults.Ok(new ConsoleSessionResponse(
                http.User.FindFirstValue(HostingMatchClaims.Role) ?? string.Empty,
                Domain.Night.Current(clock.GetCurrentInstant()),
                ticket.Properties?.ExpiresUtc is { } expires ? Instant.FromDateTimeOffset(expires) : null,
                tokens.RequestToken ?? string.Empty));
        }).RequireAuthorization(Policies.Coordinator);

        // Signing out always works, even with a stale page: no token needed (another site cannot send the cookie anyway).
        session.MapDelete("/", SignOutAsync).AllowAnonymous().WithMetadata(new NoCsrfTokenAttribute());

        return app;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SignInAsync(SignInInput input, HttpContext http, IMediator mediator,
        ConsoleSettings settings, ILoggerFactory loggers, HostingMatchDbContext db)
    {
        // Refusals are logged for whoever runs the server (someone trying keys shows up), never with the key's text.
        var log = loggers.CreateLogger("HostingMatch.Console");
        if (input.FromAddress && !settings.KeyInAddress)
        {
            log.LogWarning("Console sign-in from {Address} refused: a key in the page's address, which this server does not take.",
                http.Connection.RemoteIpAddress);
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.Forbidden,
                title: "This server does not take keys written in the page's address. Type the key on the sign-in page.");
        }

        var who = await KeyLookup.AuthenticateAsync(mediator, input.Key?.Trim(), http.RequestAborted);
        if (who is null)
        {
            log.LogWarning("Console sign-in from {Address} refused: unknown, revoked or expired key.", http.Connection.RemoteIpAddress);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, type: ProblemTypes.Unauthorized,
                title: "This key is unknown, revoked or expired.");
        }

        if (!who.Role.Satisfies(Role.Coordinator))
        {
            log.LogWarning("Console sign-in from {Address} refused: key {KeyId} is a {Role} key.", http.Connection.RemoteIpAddress, who.KeyId,
                who.Role.ToWire());
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.Forbidden,
                title: "Only coordinators' keys open the console. Partners use the API with their key.");
        }

        // The session and its audit entry are committed together, as the audit filter does for the Api's changes.
        await using var transaction = await db.Database.BeginTransactionAsync(http.RequestAborted);
        var started = await mediator.Send(new StartConsoleSession(who.KeyId, Duration.FromHours(settings.SessionHours)), http.RequestAborted);
        var identity = new ClaimsIdentity(
        [
            new Claim(SessionClaim, started.SessionId.ToString()),
            new Claim(HostingMatchClaims.KeyId, who.KeyId.ToString()),
            new Claim(HostingMatchClaims.OrganisationId, who.OrganisationId.ToString()),
            new Claim(HostingMatchClaims.Role, who.Role.ToWire()),
        ], CookieScheme, HostingMatchClaims.KeyId, HostingMatchClaims.Role);
        await http.SignInAsync(CookieScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = false, ExpiresUtc = started.ExpiresAt.ToDateTimeOffset() });
        // Who opened a console, and when: the session's changes are audited with the same key.
        await mediator.Send(new RecordAuditEntry(who.KeyId, who.OrganisationId, "POST /console/session", "console",
            started.SessionId.ToString(), "204 Signed in to the console."), http.RequestAborted);
        await transaction.CommitAsync(http.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> SignOutAsync(HttpContext http, IMediator mediator)
    {
        var ticket = await http.AuthenticateAsync(CookieScheme);
        if (ticket.Principal?.SessionIdOf() is { } sessionId)
        {
            await mediator.Send(new EndConsoleSession(sessionId), http.RequestAborted);
            await mediator.Send(new RecordAuditEntry(ticket.Principal.KeyIdOf(), ticket.Principal.OrganisationIdOf(), "DELETE /console/session",
                "console", sessionId.ToString(), "204 Signed out of the console."), http.RequestAborted);
        }

        await http.SignOutAsync(CookieScheme);
        // The browser forgets the session and the CSRF cookie at once, whatever the page still holds.
        http.Response.Headers["Clear-Site-Data"] = "\"cookies\"";
        return TypedResults.NoContent();
    }

    private static async Task EndIfSessionNoLongerActiveAsync(CookieValidatePrincipalContext context)
    {
        var mediator = context.HttpContext.RequestServices.GetRequiredService<IMediator>();
        if (context.Principal?.SessionIdOf() is not { } sessionId
            || !await mediator.Send(new IsConsoleSessionActive(sessionId), context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
    }
}

/// <summary>What the console's page needs to know about its session, and the token its changes must carry.</summary>
public sealed record ConsoleSessionResponse(string Role, LocalDate Night, Instant? ExpiresAt, string CsrfToken);

/// <summary>The key typed on the sign-in page, or read from the page's address (the demo's printed link).</summary>
public sealed record SignInInput(string? Key, bool FromAddress = false);

/// <summary>An endpoint a browser may call with a stale cookie and no token: signing in and out.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class NoCsrfTokenAttribute : Attribute;
