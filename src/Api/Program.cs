using HostingMatch.Api.Endpoints;
using HostingMatch.Api.Infrastructure;
using HostingMatch.Api.Security;
using HostingMatch.Api.WebConsole;
using HostingMatch.Application;
using HostingMatch.Infrastructure;
using HostingMatch.Infrastructure.Sms;
using HostingMatch.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

// Offers must reach real phones in production: without Twilio credentials, stop here with the reason.
TwilioOptions.EnsureUsable(builder.Configuration, builder.Environment.IsProduction());

builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration);
// The coordinators' and admins' calls name who did what in the audit log (the pipeline writes it, docs/adr/0004-pipeline-behaviours.md).
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<HostingMatch.Application.Pipeline.IAuditTrail, HttpAuditTrail>();

// Every error is ProblemDetails: 400 with field errors, 404, 409 with a code, 500 without a stack trace.
builder.Services.AddProblemDetails(ProblemTypes.Customize);
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
builder.Services.AddOpenApi(ApiOpenApi.Configure);
builder.Services.AddSingleton<SolverGate>();
// The console map's tiles; their origin goes into the console's Content-Security-Policy (docs/console.md).
builder.Services.Configure<HostingMatch.Api.WebConsole.MapOptions>(builder.Configuration.GetSection(HostingMatch.Api.WebConsole.MapOptions.Section));
// Readiness asks the database at most once a second, however often it is probed.
builder.Services.AddSingleton<CachedReadiness>();
builder.Services.AddHealthChecks().AddCheck<CachedReadiness>("database", tags: ["ready"]);

// Who may do what: API keys (Authorization: Bearer) or the console's session cookie, one policy per role; rate limits, body size, CORS (docs/security.md).
builder.Services.AddApiKeyAuthentication(builder.Configuration);
builder.Services.AddConsoleAccess(builder.Configuration);
builder.Services.AddHygiene(builder.Configuration);
builder.Services.AddEarlyRejections();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();
app.UseEarlyRejections();
app.UseRequestBodyLimit();
app.UseQueryHygiene();
app.UseCors();
// The coordinators' console: static page and script, anonymous (they hold no data); the data needs a session.
app.UseConsolePages();
app.UseAuthentication();
app.UseConsoleCsrfCheck();
app.UseTwilioSignatureCheck();
app.UseRateLimiter();
app.UseAuthorization();

await app.Services.MigrateDatabaseAsync();

// Anonymous: the contract, its reference page, and the probes. Everything else needs a key (the fallback policy is Coordinator).
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/docs").AllowAnonymous();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();

var api = app.MapGroup("/api/v1");

// Partners: their own organisation's referrals, nothing else.
api.MapReferrals();
api.MapStaysReferrals();

// Coordinators (and admins): the night's console. Every call that changes data or reads personal data is audited.
var coordinator = api.MapGroup("").RequirePolicy(Policies.Coordinator).WithMetadata(new AuditedAttribute());
coordinator.MapHosts();
coordinator.MapRequests();
coordinator.MapNights();
coordinator.MapMatching();
coordinator.MapVanRuns();
coordinator.MapTransport();
coordinator.MapNightPlan();
coordinator.MapStaysSimulation();
coordinator.MapOffers();
coordinator.MapStays();
coordinator.MapReports();

// The console's sign-in: a coordinator's key in, an HttpOnly session cookie out (docs/console.md).
app.MapConsoleSession();

// A driver's run sheet, from the signed link in their SMS: no account, the link is the permission.
app.MapDriverSheets();

// Twilio calls these, outside /api/v1 and without an API key: every request must carry a valid X-Twilio-Signature.
app.MapSmsWebhooks();

// Admins: organisations, keys, the audit log.
api.MapGroup("/admin").RequirePolicy(Policies.Admin).WithMetadata(new AuditedAttribute()).MapAdmin();

app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
