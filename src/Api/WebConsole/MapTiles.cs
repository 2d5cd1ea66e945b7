namespace HostingMatch.Api.WebConsole;

/// <summary>
/// The console map's background tiles (<c>Map:TileUrl</c>, a Leaflet <c>{z}/{x}/{y}</c> template, OpenStreetMap's by default;
/// empty: no tiles, the markers and trips still draw). Its origin is the only one the console's Content-Security-Policy lets
/// images come from besides our own.
/// </summary>
public sealed class MapOptions
{
    public const string Section = "Map";

    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /// <summary>The credit the tiles' licence asks for, as HTML (the server's configuration, never data): OpenStreetMap's by default.</summary>
    public string TileAttribution { get; set; } = "© <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";

    /// <summary>What the console is told: null when no tiles are configured.</summary>
    public MapTiles? Tiles => TileUrl.Length == 0 ? null : new MapTiles(TileUrl, TileAttribution);

    /// <summary>
    /// The tiles' origin as a CSP source (<c>https://tile.openstreetmap.org</c>; a <c>{s}</c> subdomain becomes <c>*.</c>), or
    /// null without tiles.
    /// </summary>
    /// <exception cref="InvalidOperationException">The URL is not an absolute http(s) template.</exception>
    public string? TileOrigin()
    {
        if (TileUrl.Length == 0)
        {
            return null;
        }

        var sample = TileUrl.Replace("{s}", "a").Replace("{z}", "0").Replace("{x}", "0").Replace("{y}", "0").Replace("{r}", "");
        if (!Uri.TryCreate(sample, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.UserInfo.Length > 0)
        {
            throw new InvalidOperationException($"Map:TileUrl must be an absolute https URL template such as https://tile.openstreetmap.org/{{z}}/{{x}}/{{y}}.png, not '{TileUrl}'.");
        }

        var host = TileUrl.Contains("{s}.", StringComparison.Ordinal) ? "*." + uri.Host[2..] : uri.Host;
        return $"{uri.Scheme}://{host}{(uri.IsDefaultPort ? "" : $":{uri.Port}")}";
    }
}

/// <summary>The tiles the console's map loads: the URL template and the credit it must show.</summary>
public sealed record MapTiles(string Url, string Attribution);
