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
/// domain rules and concurrency 409 with a code, anything else 500 without a stack trace.
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
            DomainException d => Conflict(d.Code, d.Message),
            IdempotencyKeyReusedException i => new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Type = ProblemTypes.IdempotencyKeyReused,
                Title = i.Message,
            },
            DbUpdateConcurrencyException => Conflict("concurrency-conflict",
                "Someone else changed this record since you read it. Reload it and apply your change again."),
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
                Conflict("duplicate", "This record already exists."),
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Type = ProblemTypes.Internal,
                Title = "Something went wrong on our side. The error was logged.",
            },
        };

        if (problem.Status >= 500)
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

        var json = exception.InnerException as JsonException;
        var problem = new ProblemDetails
        {
            Status = exception.StatusCode,
            Type = exception.StatusCode == StatusCodes.Status415UnsupportedMediaType ? ProblemTypes.UnsupportedMediaType : ProblemTypes.BadRequest,
            Title = json is not null ? "The request body is not valid JSON for this endpoint." : "The request could not be read.",
            Detail = json is not null ? $"{json.Path ?? "$"} {FirstLine(json.Message)}" : exception.Message,
        };
        if (json?.Path is { } path)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [path] = [FirstLine(json.Message)] };
        }

        return problem;
    }

    // System.Text.Json names .NET types and byte positions; a partner's developer needs the field and what is wrong.
    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        if (line.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return "has the wrong type or format (dates are YYYY-MM-DD, times HH:mm, numbers unquoted).";
        }

        var pathAt = line.IndexOf(" Path: ", StringComparison.Ordinal);
        return pathAt > 0 ? line[..pathAt] : line;
    }

    /// <summary>Field paths in the JSON's own spelling: <c>Host.Agreement.ValidUntil</c> becomes <c>host.agreement.validUntil</c>.</summary>
    private static Dictionary<string, string[]> FieldErrors(ValidationException exception) =>
        exception.Errors
            .GroupBy(e => CamelPath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    private static string CamelPath(string path) =>
        string.Join('.', path.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
