using HostingMatch.Api.Endpoints;
using HostingMatch.Api.Infrastructure;
using HostingMatch.Application;
using HostingMatch.Infrastructure;
using HostingMatch.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration);

// Every error is ProblemDetails: 400 with field errors, 404, 409 with a code, 500 without a stack trace.
builder.Services.AddProblemDetails(ProblemTypes.Customize);
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
builder.Services.AddOpenApi(ApiOpenApi.Configure);
builder.Services.AddHealthChecks().AddDbContextCheck<HostingMatchDbContext>("database", tags: ["ready"]);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

await app.Services.MigrateDatabaseAsync();

app.MapOpenApi();
app.MapScalarApiReference("/docs");
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });

var api = app.MapGroup("/api/v1");
api.MapHosts();
api.MapRequests();
api.MapMatching();
api.MapOffers();

// Twilio calls these, outside /api/v1: every request must carry a valid X-Twilio-Signature.
app.MapSmsWebhooks();

app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
