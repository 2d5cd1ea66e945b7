using Microsoft.AspNetCore.Mvc;

namespace HostingMatch.Api.Infrastructure;

/// <summary>Writes a ProblemDetails answer from middleware and handlers that run outside an endpoint (authentication, limits).</summary>
public static class Problems
{
    public static async Task WriteAsync(HttpContext http, int status, string type, string title, string? detail = null)
    {
        http.Response.StatusCode = status;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail },
        });
    }
}
