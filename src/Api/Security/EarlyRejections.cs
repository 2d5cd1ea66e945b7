using System.Text;
using HostingMatch.Api.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace HostingMatch.Api.Security;

/// <summary>
/// What Kestrel would refuse by itself with an empty body, moved where we answer ProblemDetails: a long request target
/// (414) and a header holding bytes outside ASCII (400 naming the header). Kestrel keeps what gives no hook (a <c>%00</c>
/// in the path, a target over <see cref="KestrelRequestLineBytes"/>, headers over its total size): docs/security.md.
/// </summary>
public static class EarlyRejections
{
    /// <summary>The longest path and query we answer (Kestrel's own default request line limit, 8 KB).</summary>
    public const int MaxTargetChars = 8 * 1024;

    /// <summary>Kestrel's request line limit, raised so that targets a little over ours reach <see cref="UseEarlyRejections"/>.</summary>
    public const int KestrelRequestLineBytes = 64 * 1024;

    public static IServiceCollection AddEarlyRejections(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.Limits.MaxRequestLineSize = KestrelRequestLineBytes;
            // Latin-1 reads every byte as one character, so Kestrel lets a non-ASCII header through and we refuse it below
            // (with ASCII, its default, it answers an empty 400 itself).
            kestrel.RequestHeaderEncodingSelector = _ => Encoding.Latin1;
        });

    public static IApplicationBuilder UseEarlyRejections(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        if (target.Length > MaxTargetChars)
        {
            await Problems.WriteAsync(context, StatusCodes.Status414UriTooLong, ProblemTypes.UriTooLong, "The request's address is too long.",
                $"Path and query are at most {MaxTargetChars} characters; send large input in a body.");
            return;
        }

        // Kestrel checks header names itself (tokens, ASCII only); values are ours to check.
        var header = context.Request.Headers.FirstOrDefault(h => h.Value.Any(v => v is not null && !Ascii.IsValid(v))).Key;
        if (header is not null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    [header] = ["A header holds characters outside ASCII; encode them (RFC 8187) or leave them out."],
                })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Type = ProblemTypes.Validation,
                    Title = "The request has invalid fields.",
                },
            });
            return;
        }

        await next(context);
    });
}
