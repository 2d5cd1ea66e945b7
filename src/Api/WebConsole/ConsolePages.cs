namespace HostingMatch.Api.WebConsole;

/// <summary>
/// The console's page, script and style, served as they are from <c>wwwroot</c> (no build step, nothing fetched
/// from elsewhere at run time). They hold no data: everything the page shows comes from the Api with the session.
/// </summary>
public static class ConsolePages
{
    /// <summary>
    /// Only this origin's own script and style; no inline code, no framing, forms post only here. Images: ours, and the map's
    /// tiles from the one origin <c>Map:TileUrl</c> names (<paramref name="tileOrigin"/>), nothing else.
    /// </summary>
    public static string ContentSecurityPolicy(string? tileOrigin) =>
        $"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:{(tileOrigin is null ? "" : " " + tileOrigin)}; " +
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseConsolePages(this IApplicationBuilder app)
    {
        var policy = ContentSecurityPolicy(app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<MapOptions>>().Value.TileOrigin());
        app.UseDefaultFiles();
        return app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                // After an upgrade the browser must not run yesterday's script against today's Api: revalidate each time (ETag).
                headers.CacheControl = "no-cache";
            },
        });
    }
}
