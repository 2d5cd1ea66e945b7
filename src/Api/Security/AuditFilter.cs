using HostingMatch.Application.Audit;
using HostingMatch.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Mediator;
using Microsoft.AspNetCore.Http.Metadata;

namespace HostingMatch.Api.Security;

/// <summary>
/// The one place coordinator and admin actions reach the audit log: on the route groups, after the endpoint ran,
/// it records who (key, organisation), what (method and route, target) and the outcome. Every endpoint in an
/// audited group is recorded unless marked <see cref="NotAuditedAttribute"/> (reads without personal data).
/// An endpoint that threw (bad input, conflict) changed nothing and is not recorded.
/// A change and its entry are committed together: for anything but a read, the filter opens the transaction the
/// handler's save joins, and commits it only once the entry is written (no change without its entry).
/// </summary>
public sealed class AuditFilter : IEndpointFilter
{
    private static readonly HashSet<string> Containers = ["api", "v1", "admin", "nights"];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var endpoint = http.GetEndpoint() as RouteEndpoint;
        // The console reads the night every few seconds; its sign-in is audited (who, when), and so is every change it makes.
        var consoleRead = HttpMethods.IsGet(http.Request.Method) && WebConsole.ConsoleAccess.UsesSessionCookie(http.Request);
        if (endpoint is null || consoleRead || endpoint.Metadata.GetMetadata<NotAuditedAttribute>() is not null)
        {
            return await next(context);
        }

        var database = http.RequestServices.GetRequiredService<HostingMatchDbContext>().Database;
        var changes = !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method);
        await using var transaction = changes && database.CurrentTransaction is null
            ? await database.BeginTransactionAsync(http.RequestAborted)
            : null;
        var result = await next(context);

        var inner = result is INestedHttpResult nested ? nested.Result : result;
        var status = inner is IStatusCodeHttpResult { StatusCode: { } code } ? code : http.Response.StatusCode;
        var pattern = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).Trim('/');
        var summary = endpoint.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? endpoint.DisplayName ?? string.Empty;
        var mediator = http.RequestServices.GetRequiredService<IMediator>();
        await mediator.Send(new RecordAuditEntry(
            http.User.KeyIdOf(), http.User.OrganisationIdOf(),
            $"{http.Request.Method} {pattern}", TargetType(endpoint), TargetId(http, inner), $"{status} {summary}"), http.RequestAborted);
        if (transaction is not null)
        {
            await transaction.CommitAsync(http.RequestAborted);
        }

        return result;
    }

    /// <summary>The first literal segment that names a kind of thing: <c>/api/v1/hosts/{id}/availability/{night}</c> is about hosts.</summary>
    private static string TargetType(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.PathSegments
            .Where(s => s.IsSimple && s.Parts[0].IsLiteral)
            .Select(s => ((Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart)s.Parts[0]).Content)
            .FirstOrDefault(name => !Containers.Contains(name)) ?? "api";

    private static string? TargetId(HttpContext http, object? result)
    {
        if (http.Request.RouteValues.TryGetValue("id", out var id) && id is not null)
        {
            return id.ToString();
        }

        if (result is IValueHttpResult { Value: { } value } && value.GetType().GetProperty("Id")?.GetValue(value) is { } created)
        {
            return created.ToString();
        }

        return http.Request.RouteValues.TryGetValue("night", out var night) ? night?.ToString() : null;
    }
}

/// <summary>Marks an endpoint of an audited group whose calls are not recorded: aggregate reads with no personal data.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;
