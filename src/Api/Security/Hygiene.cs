using System.Threading.RateLimiting;
using HostingMatch.Api.Infrastructure;
using HostingMatch.Api.WebConsole;
using HostingMatch.Application.Validation;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace HostingMatch.Api.Security;

/// <summary>Limits from configuration section <c>RateLimits</c>: requests per window for each key, and for each IP without a key.</summary>
public sealed class RateLimitSettings
{
    public int PermitLimit { get; set; } = 300;
    public int AnonymousPermitLimit { get; set; } = 60;

    /// <summary>
    /// Twilio's webhooks (<c>/sms</c>): anonymous but signed, and a busy night brings hundreds of replies and status
    /// callbacks a minute from a few Twilio addresses; the signed ones share one larger budget of their own (unsigned
    /// ones get <see cref="AnonymousPermitLimit"/> per address).
    /// </summary>
    public int WebhookPermitLimit { get; set; } = 3000;
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>Request limits from configuration section <c>Limits</c>.</summary>
public sealed class RequestLimitSettings
{
    /// <summary>The largest request body the Api reads, unless an endpoint says otherwise with <see cref="IRequestSizeLimitMetadata"/>.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;
}

/// <summary>What every response carries and every request is held to: rate limits, body size, CORS, security headers.</summary>
public static class Hygiene
{
    public static IServiceCollection AddHygiene(this IServiceCollection services, IConfiguration configuration)
    {
        var rate = configuration.GetSection("RateLimits").Get<RateLimitSettings>() ?? new RateLimitSettings();
        services.Configure<RequestLimitSettings>(configuration.GetSection("Limits"));
        services.AddRateLimiter(options =>
        {
            // After authentication: a key's calls share one budget, wherever they come from; calls without a valid key share their IP's.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (http.Request.Path.StartsWithSegments("/health"))
                {
                    return RateLimitPartition.GetNoLimiter("health");
                }

                // Only calls Twilio signed spend Twilio's budget; unsigned or forged ones share their address's small one.
                if (http.Request.Path.StartsWithSegments("/sms"))
                {
                    return http.IsSigned()
                        ? RateLimitPartition.GetFixedWindowLimiter("twilio-webhooks", _ => Window(rate.WebhookPermitLimit, rate.WindowSeconds))
                        : RateLimitPartition.GetFixedWindowLimiter($"sms-unsigned:{http.Connection.RemoteIpAddress}",
                            _ => Window(rate.AnonymousPermitLimit, rate.WindowSeconds));
                }

                // A console session has its own budget: several coordinators on one key each poll the board.
                if (http.User.SessionIdOf() is { } session)
                {
                    return RateLimitPartition.GetFixedWindowLimiter($"session:{session}", _ => Window(rate.PermitLimit, rate.WindowSeconds));
                }

                var key = http.User.KeyIdOf();
                return key is { } id
                    ? RateLimitPartition.GetFixedWindowLimiter($"key:{id}", _ => Window(rate.PermitLimit, rate.WindowSeconds))
                    : RateLimitPartition.GetFixedWindowLimiter($"ip:{http.Connection.RemoteIpAddress}",
                        _ => Window(rate.AnonymousPermitLimit, rate.WindowSeconds));
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(rate.WindowSeconds);
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Problems.WriteAsync(http, StatusCodes.Status429TooManyRequests, ProblemTypes.TooManyRequests,
                    "Too many requests. Wait for the number of seconds in Retry-After, then try again.");
            };
        });

        // Closed by default: a browser page elsewhere may call the Api only from origins listed in Cors:AllowedOrigins.
        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(options => options.AddDefaultPolicy(policy =>
        {
            if (origins.Length > 0)
            {
                policy.WithOrigins(origins).WithHeaders("Authorization", "Content-Type", "Idempotency-Key", "If-Match")
                    .WithMethods("GET", "POST", "PUT", "DELETE").WithExposedHeaders("Location", "ETag", "Retry-After", "Idempotent-Replayed");
            }
        }));
        return services;
    }

    private static FixedWindowRateLimiterOptions Window(int permits, int seconds) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromSeconds(seconds),
        QueueLimit = 0,
    };

    /// <summary>nosniff, no framing, no referrer on every response; a Content-Security-Policy that allows nothing, except on the /docs page.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // On starting, because the exception handler clears headers set earlier.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            // An endpoint that serves a page of its own (the run sheet) sets its own, still strict, policy.
            if (!context.Request.Path.StartsWithSegments("/docs") && !headers.ContainsKey("Content-Security-Policy"))
            {
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            }

            if (context.Request.Path.StartsWithSegments("/api"))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        await next(context);
    });

    /// <summary>
    /// Bodies over the limit are refused with 413 ProblemDetails before they are read (when their length is announced)
    /// or while they are read (chunked).
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                    ?? context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RequestLimitSettings>>().Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = TooLarge(limit),
            });
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    });

    /// <summary>
    /// Query strings are held to the rule bodies are (<see cref="TextHygiene"/>): <c>?search=%00</c> is a 400 naming the
    /// parameter, before any endpoint or database sees it.
    /// </summary>
    public static IApplicationBuilder UseQueryHygiene(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, values) in context.Request.Query)
        {
            var problem = TextHygiene.Problem(name) ?? values.Select(TextHygiene.Problem).FirstOrDefault(p => p is not null);
            if (problem is not null)
            {
                errors[TextHygiene.Scrub(name)] = [problem];
            }
        }

        if (errors.Count == 0)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(errors)
            {
                Status = StatusCodes.Status400BadRequest,
                Type = ProblemTypes.Validation,
                Title = "The request has invalid fields.",
            },
        });
    });

    public static ProblemDetails TooLarge(long? limit) => new()
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Type = ProblemTypes.PayloadTooLarge,
        Title = "The request body is too large.",
        Detail = limit is { } l ? $"Bodies are at most {l} bytes." : null,
    };
}
