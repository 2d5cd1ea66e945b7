using HostingMatch.Application.Pipeline;
using Microsoft.AspNetCore.Http.Metadata;

namespace HostingMatch.Api.Security;

/// <summary>
/// How the audit log names a coordinator's or an admin's call (<see cref="AuditBehavior{TMessage, TResponse}"/> writes it, in the
/// use case's transaction): who (key, organisation), what (method and route, target) and the outcome. Only endpoints of an
/// <see cref="AuditedAttribute"/> group are recorded, except those marked <see cref="NotAuditedAttribute"/> (reads without
/// personal data) and the console's own reads, every few seconds (its sign-in is audited, and so is every change it makes).
/// </summary>
internal sealed class HttpAuditTrail(IHttpContextAccessor accessor) : IAuditTrail
{
    private static readonly HashSet<string> Containers = ["api", "v1", "admin", "nights"];

    public AuditRecord? Describe(object message, object? response)
    {
        var http = accessor.HttpContext;
        if (http?.GetEndpoint() is not RouteEndpoint endpoint || endpoint.Metadata.GetMetadata<AuditedAttribute>() is null
            || endpoint.Metadata.GetMetadata<NotAuditedAttribute>() is not null
            || (HttpMethods.IsGet(http.Request.Method) && WebConsole.ConsoleAccess.UsesSessionCookie(http.Request)))
        {
            return null;
        }

        var pattern = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).Trim('/');
        var summary = endpoint.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? endpoint.DisplayName ?? string.Empty;
        return new AuditRecord(http.User.KeyIdOf(), http.User.OrganisationIdOf(), $"{http.Request.Method} {pattern}",
            TargetType(endpoint), TargetId(http, response), $"{Status(endpoint, response)} {summary}");
    }

    /// <summary>
    /// The status the endpoint answers with: a use case that found nothing is a 404, a refused import a 422, anything else the
    /// endpoint's success status (201 for a creation).
    /// </summary>
    private static int Status(RouteEndpoint endpoint, object? response) => response switch
    {
        null => StatusCodes.Status404NotFound,
        Application.Hosts.HostImportReport { Imported: false } => StatusCodes.Status422UnprocessableEntity,
        _ => endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Select(p => p.StatusCode)
            .Where(code => code is >= 200 and < 300).DefaultIfEmpty(StatusCodes.Status200OK).Min(),
    };

    /// <summary>The first literal segment that names a kind of thing: <c>/api/v1/hosts/{id}/availability/{night}</c> is about hosts.</summary>
    private static string TargetType(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.PathSegments
            .Where(s => s.IsSimple && s.Parts[0].IsLiteral)
            .Select(s => ((Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart)s.Parts[0]).Content)
            .FirstOrDefault(name => !Containers.Contains(name)) ?? "api";

    private static string? TargetId(HttpContext http, object? response)
    {
        if (http.Request.RouteValues.TryGetValue("id", out var id) && id is not null)
        {
            return id.ToString();
        }

        if (response?.GetType().GetProperty("Id")?.GetValue(response) is { } created)
        {
            return created.ToString();
        }

        return http.Request.RouteValues.TryGetValue("night", out var night) ? night?.ToString() : null;
    }
}

/// <summary>Marks a route group whose calls are audited: its use cases marked <see cref="IAudited"/> leave an entry.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class AuditedAttribute : Attribute;

/// <summary>Marks an endpoint of an audited group whose calls are not recorded: aggregate reads with no personal data.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;
