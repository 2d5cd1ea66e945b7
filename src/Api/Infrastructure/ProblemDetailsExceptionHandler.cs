using System.Text.Json;
using FluentValidation;
using HostingMatch.Application.Referrals;
using HostingMatch.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HostingMatch.Api.Infrastructure;

/// <summary>
/// Turns exceptions into ProblemDetails: validation 400 with field errors, unreadable bodies 400,
/// domain rules and concurrency 409 with a code, PostgreSQL out of reach 503 with <c>Retry-After</c>,
/// anything else 500 without a stack trace. The API-key check reads the database too, so its failures land here as well.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem = exception switch
        {
            ValidationException v => new HttpValidationProblemDetails(FieldErrors(v))
            {
                Status = StatusCodes.Status400BadRequest,
                Type = ProblemTypes.Validation,
                Title = "The request has invalid fields.",
            },
            BadHttpRequestException b => BadBody(b),
            // ASP.NET Core's form reader refuses a NUL or too many fields this way (Twilio's webhooks are forms).
            InvalidDataException f => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Type = ProblemTypes.BadRequest,
                Title = "The request could not be read.",
                Detail = f.Message,
            },
            // RequestText's strict reading of a file's body: a byte that is no UTF-8.
            System.Text.DecoderFallbackException => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { ["$"] = ["must be UTF-8 text (it holds an invalid byte)"] })
            {
                Status = StatusCodes.Status400BadRequest,
                Type = ProblemTypes.Validation,
                Title = "The request body is not UTF-8 text; nothing was read.",
            },
            DomainException d => Conflict(d.Code, d.Message),
            IdempotencyKeyReusedException i => new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Type = ProblemTypes.IdempotencyKeyReused,
                Title = i.Message,
            },
            ReferralLimitReachedException r => new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = ProblemTypes.ReferralLimit,
                Title = r.Message,
                Extensions = { ["limit"] = r.Limit },
            },
            Application.Geocoding.GeocoderUnavailableException g => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = ProblemTypes.Unavailable,
                Title = "The address service (Base Adresse Nationale) is not reachable; try again in a moment, or give the latitude and longitude.",
                Detail = g.Message,
            },
            DbUpdateConcurrencyException => Conflict("concurrency-conflict",
                "Someone else changed this record since you read it. Reload it and apply your change again."),
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique } =>
                Duplicate(unique.ConstraintName),
            _ when IsDatabaseUnreachable(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = ProblemTypes.Unavailable,
                Title = "The database is not reachable; try again in a moment.",
            },
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Type = ProblemTypes.Internal,
                Title = "Something went wrong on our side. The error was logged.",
            },
        };

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // Set here, not earlier: the exception handler middleware clears the response's headers before calling us.
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            logger.LogWarning(exception, "{Service} unreachable on {Method} {Path}",
                exception is Application.Geocoding.GeocoderUnavailableException ? "Geocoder" : "Database", httpContext.Request.Method, httpContext.Request.Path);
        }
        else if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>How long a caller should wait before retrying when the database is out of reach: a restart or a failover.</summary>
    public const int RetryAfterSeconds = 10;

    /// <summary>
    /// PostgreSQL could not be reached, or dropped the connection, anywhere in the chain of exceptions (EF Core wraps
    /// Npgsql's in <see cref="DbUpdateException"/> or, with a retrying strategy, in <see cref="InvalidOperationException"/>):
    /// a client-side <see cref="NpgsqlException"/> Npgsql deems transient (socket refused or reset, stream closed,
    /// timeout), or the server saying it cannot take connections (class 08, shutdown, starting up, too many clients).
    /// A server error about the request itself (a deadlock, a constraint) is not an outage and stays what it is.
    /// </summary>
    private static bool IsDatabaseUnreachable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                           || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                               or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections;
                case NpgsqlException { IsTransient: true }:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A unique index refused the write: someone else did the same thing first. Said in the words of what was raced for,
    /// where we know the index; "this record already exists" tells a coordinator nothing.
    /// </summary>
    private static ProblemDetails Duplicate(string? index) => index switch
    {
        "ix_offers_one_open_per_host" => Conflict("offer-already-open",
            "This host already has an open offer: someone else sent one a moment ago. Reload the board to see it."),
        "ix_night_vehicles_night_label" => Conflict("vehicle-label-taken",
            "Someone else registered a vehicle of that label for the night a moment ago. Reload the night's transport."),
        "ix_night_escorts_night_phone" => Conflict("escort-already-registered",
            "Someone else registered this escort for the night a moment ago. Reload the night's transport."),
        _ => Conflict("duplicate", "Someone else created the same record a moment ago. Reload and check before trying again."),
    };

    private static ProblemDetails Conflict(string code, string message) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Type = ProblemTypes.Conflict,
        Title = message,
        Extensions = { ["code"] = code },
    };

    private static ProblemDetails BadBody(BadHttpRequestException exception)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Security.Hygiene.TooLarge(null);
        }

        if (IsMissingBody(exception))
        {
            // ASP.NET Core says "Implicit body inferred ... Did you mean to use a Service instead?": words for its developers.
            return new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Type = ProblemTypes.BadRequest,
                Title = "The request could not be read.",
                Detail = "The request body is required: a JSON object.",
                Extensions = { ["errors"] = new Dictionary<string, string[]> { ["$"] = ["is required"] } },
            };
        }

        var json = exception.InnerException as JsonException;
        if (json?.InnerException is JsonException)
        {
            // The reader's own error (System.Text.Json's JsonReaderException, inside the one that adds the path): the text is
            // not JSON, which no field is to blame for; its path is only where the reader stopped ({"kind": gave "kind").
            // The body as a whole, "$", as for an empty or non-UTF-8 body.
            return new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Type = ProblemTypes.BadRequest,
                Title = "The request body is not valid JSON.",
                Detail = $"The request body is not valid JSON at line {(json.LineNumber ?? 0) + 1}, column {(json.BytePositionInLine ?? 0) + 1}: " +
                         ReaderReason(json.InnerException.Message),
                Extensions = { ["errors"] = new Dictionary<string, string[]> { ["$"] = ["is not valid JSON"] } },
            };
        }

        var problem = new ProblemDetails
        {
            Status = exception.StatusCode,
            Type = exception.StatusCode == StatusCodes.Status415UnsupportedMediaType ? ProblemTypes.UnsupportedMediaType : ProblemTypes.BadRequest,
            Title = json is not null ? "The request body is not valid JSON for this endpoint." : "The request could not be read.",
            Detail = json is not null ? $"{Field(json.Path)} {FirstLine(json.Message)}" : exception.Message,
        };
        if (json is not null && MissingRequired(json.Message) is { Count: > 0 } missing)
        {
            // A required field left out names itself, as the validators name theirs, not the body ("$").
            var prefix = json.Path is { Length: > 2 } at ? Field(at) + "." : "";
            problem.Detail = $"{string.Join(", ", missing.Select(m => prefix + m))} is required.";
            problem.Extensions["errors"] = missing.ToDictionary(m => prefix + m, _ => new[] { "is required" });
        }
        else if (json?.Path is { } path)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [Field(path)] = [FirstLine(json.Message)] };
        }

        return problem;
    }

    /// <summary>
    /// A body's field named as the validation errors name it (<c>members[0].age</c>), not as System.Text.Json does
    /// (<c>$.members[0].age</c>): one spelling for every 400 of a request body. The body itself is <c>$</c>.
    /// </summary>
    private static string Field(string? jsonPath) =>
        jsonPath is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : jsonPath ?? "$";

    /// <summary>An empty body, or <c>null</c>, where the endpoint takes a JSON object (its parameter inferred or <c>[FromBody]</c>).</summary>
    private static bool IsMissingBody(BadHttpRequestException exception) =>
        exception.InnerException is null
        && (exception.Message.Contains("but no body was provided", StringComparison.Ordinal)
            || exception.Message.Contains("was not provided from body", StringComparison.Ordinal));

    /// <summary>The names System.Text.Json lists when a body leaves out <c>required</c> (or <c>[JsonRequired]</c>) properties.</summary>
    private static List<string>? MissingRequired(string message)
    {
        const string marker = "missing required properties including: ";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var list = message[(at + marker.Length)..].Split('\n')[0].TrimEnd('.', ' ');
        return list.Split(", ").Select(name => name.Trim('\'', ' ')).Where(name => name.Length > 0).ToList();
    }

    /// <summary>The reader's reason without the 0-based position it appends (said once, 1-based, by the caller).</summary>
    private static string ReaderReason(string message) => FirstLineBefore(message, " LineNumber: ").TrimEnd('.', ' ');

    // System.Text.Json names .NET types and byte positions; a partner's developer needs the field and what is wrong.
    private static string FirstLine(string message)
    {
        var line = FirstLineBefore(message, " Path: ");
        return line.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            ? "has the wrong type or format (dates are YYYY-MM-DD, times HH:mm, numbers unquoted)."
            : line;
    }

    /// <summary>A System.Text.Json message's first line, without what follows <paramref name="marker"/> (a path, a position).</summary>
    private static string FirstLineBefore(string message, string marker)
    {
        var line = message.Split('\n')[0].Trim();
        var at = line.IndexOf(marker, StringComparison.Ordinal);
        return at > 0 ? line[..at] : line;
    }

    /// <summary>
    /// Field paths in the JSON's own spelling: <c>Agreement.ValidUntil</c> becomes <c>agreement.validUntil</c>.
    /// A name with a hyphen cannot be a C# property: it is a header a validator named (<c>Idempotency-Key</c>), kept as spelled.
    /// </summary>
    private static Dictionary<string, string[]> FieldErrors(ValidationException exception) =>
        exception.Errors
            .GroupBy(e => CamelPath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    private static string CamelPath(string path) =>
        string.Join('.', path.Split('.').Select(part => part.Length == 0 || part.Contains('-') ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
