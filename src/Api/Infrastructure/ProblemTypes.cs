using Microsoft.AspNetCore.Http.Features;

namespace HostingMatch.Api.Infrastructure;

/// <summary>Stable ProblemDetails <c>type</c> URIs, one per kind of error, so clients can branch on them.</summary>
public static class ProblemTypes
{
    public const string Validation = "urn:hostingmatch:problem:validation";
    public const string BadRequest = "urn:hostingmatch:problem:bad-request";
    public const string NotFound = "urn:hostingmatch:problem:not-found";
    public const string Conflict = "urn:hostingmatch:problem:conflict";
    public const string Unauthorized = "urn:hostingmatch:problem:unauthorized";
    public const string Forbidden = "urn:hostingmatch:problem:forbidden";
    public const string TooManyRequests = "urn:hostingmatch:problem:too-many-requests";
    public const string ReferralLimit = "urn:hostingmatch:problem:referral-limit";
    public const string PayloadTooLarge = "urn:hostingmatch:problem:payload-too-large";
    public const string UriTooLong = "urn:hostingmatch:problem:uri-too-long";
    public const string UnsupportedMediaType = "urn:hostingmatch:problem:unsupported-media-type";
    public const string IdempotencyKeyReused = "urn:hostingmatch:problem:idempotency-key-reused";
    public const string Csrf = "urn:hostingmatch:problem:csrf";
    public const string Unavailable = "urn:hostingmatch:problem:unavailable";
    public const string Internal = "urn:hostingmatch:problem:internal";

    /// <summary>Fills in the type for bare status codes and adds the trace id to every problem.</summary>
    public static void Customize(Microsoft.AspNetCore.Http.ProblemDetailsOptions options) =>
        options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Type = problem.Status switch
            {
                _ when problem.Type?.StartsWith("urn:", StringComparison.Ordinal) == true => problem.Type,
                400 => BadRequest,
                401 => Unauthorized,
                403 => Forbidden,
                404 => NotFound,
                409 => Conflict,
                413 => PayloadTooLarge,
                414 => UriTooLong,
                415 => UnsupportedMediaType,
                429 => TooManyRequests,
                503 => Unavailable,
                >= 500 => Internal,
                _ => problem.Type,
            };
            problem.Extensions["traceId"] = context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id
                                            ?? context.HttpContext.TraceIdentifier;
        };
}
