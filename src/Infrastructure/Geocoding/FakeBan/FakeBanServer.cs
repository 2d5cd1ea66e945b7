using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HostingMatch.Infrastructure.Geocoding.FakeBan;

/// <summary>An address the fake BAN knows: the label it answers, the point and the score.</summary>
public sealed record FakeAddress(string Label, double Latitude, double Longitude, double Score);

/// <summary>
/// A small, real BAN geocoder on 127.0.0.1 (Kestrel, a free port) speaking the parts of api-adresse.data.gouv.fr we use:
/// <c>GET /search/?q=&amp;limit=</c> answers a GeoJSON FeatureCollection (GeoCodeJSON: <c>geometry.coordinates</c> [lon, lat],
/// <c>properties.label</c>, <c>properties.score</c>...), <c>POST /search/csv/</c> takes multipart form-data (the CSV as
/// <c>data</c>, the address columns as <c>columns</c>) and answers the same CSV with the result columns appended
/// (<c>latitude</c>, <c>longitude</c>, <c>result_label</c>, <c>result_score</c>, ..., <c>result_status</c>). It knows only
/// the addresses it is given (<see cref="Add"/>); it can be switched off (<see cref="Down"/>: 503 to everything).
/// </summary>
public sealed class FakeBanServer : IAsyncDisposable
{
    private static readonly string[] ResultColumns =
    [
        "latitude", "longitude", "result_label", "result_score", "result_score_next", "result_type", "result_id", "result_housenumber",
        "result_name", "result_street", "result_postcode", "result_city", "result_context", "result_citycode", "result_oldcitycode",
        "result_oldcity", "result_district", "result_status",
    ];

    private readonly ConcurrentDictionary<string, FakeAddress> addresses = new();
    private readonly ConcurrentQueue<string> queries = new();
    private WebApplication? app;
    private int requests;

    public FakeBanServer() => Port = FreePort();

    public int Port { get; }

    /// <summary>What goes into <c>Geocoding:BaseUrl</c>.</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>True: every request answers 503, as the service does when it is overloaded or down.</summary>
    public bool Down { get; set; }

    /// <summary>Every request received (including those answered 503).</summary>
    public int Requests => Volatile.Read(ref requests);

    /// <summary>Every address asked for, by either endpoint, in order.</summary>
    public IReadOnlyList<string> Queries => queries.ToArray();

    /// <summary>Teaches the fake an address (matched whatever its case and spacing).</summary>
    public void Add(string query, string label, double latitude, double longitude, double score = 0.97) =>
        addresses[Key(query)] = new FakeAddress(label, latitude, longitude, score);

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, Port));
        app = builder.Build();
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref requests);
            if (Down)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await context.Response.WriteAsync("<html><body>503 Service Temporarily Unavailable</body></html>");
                return;
            }

            await next(context);
        });
        app.MapGet("/search/", SearchAsync);
        app.MapPost("/search/csv/", SearchCsvAsync);
        await app.StartAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private async Task SearchAsync(HttpContext context)
    {
        var q = context.Request.Query["q"].ToString();
        if (q.Trim().Length < 3)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { code = 400, detail = new[] { "q: must contain between 3 and 200 chars and start with a number or a letter" } });
            return;
        }

        queries.Enqueue(q);
        var features = addresses.TryGetValue(Key(q), out var found)
            ? new[]
            {
                new
                {
                    type = "Feature",
                    geometry = new { type = "Point", coordinates = new[] { found.Longitude, found.Latitude } },
                    properties = new
                    {
                        label = found.Label, score = found.Score, id = "75105_fake", type = "housenumber", name = found.Label,
                        postcode = Postcode(found.Label), city = "Paris", context = "75, Paris, Île-de-France", importance = 0.7,
                    },
                },
            }
            : [];
        await context.Response.WriteAsJsonAsync(new
        {
            type = "FeatureCollection", version = "draft", features, attribution = "BAN", licence = "ETALAB-2.0", query = q,
            limit = int.TryParse(context.Request.Query["limit"], out var limit) ? limit : 5,
        });
    }

    private async Task SearchCsvAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : null;
        if (form?.Files["data"] is not { } data)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { code = 400, message = "A file is required (field 'data')." });
            return;
        }

        using var stream = new StreamReader(data.OpenReadStream(), Encoding.UTF8);
        var text = await stream.ReadToEndAsync();
        var separator = text.Split('\n')[0].Count(c => c == ';') > text.Split('\n')[0].Count(c => c == ',') ? ';' : ',';
        using var reader = CsvReader.FromText(text, CsvReaderOptions.Default with
        {
            Separator = separator, HasHeader = true, FormatProvider = CultureInfo.InvariantCulture,
        });
        reader.ReadHeader();
        var header = (reader.Headers ?? []).ToList();
        var columns = form["columns"].Select(c => header.IndexOf(c!)).Where(i => i >= 0).ToList();
        if (columns.Count == 0)
        {
            columns = Enumerable.Range(0, header.Count).ToList(); // As the service does: no columns given, all are the address.
        }

        var output = new StringBuilder(string.Join(separator, header.Concat(ResultColumns).Select(Cell))).Append('\n');
        while (reader.Read())
        {
            var cells = Enumerable.Range(0, header.Count).Select(i => i < reader.FieldCount ? reader.GetString(i) ?? string.Empty : string.Empty).ToList();
            var query = string.Join(' ', columns.Select(i => cells[i]));
            queries.Enqueue(query);
            var result = addresses.TryGetValue(Key(query), out var found)
                ? new[]
                {
                    F(found.Latitude), F(found.Longitude), found.Label, F(found.Score), string.Empty, "housenumber", "75105_fake", string.Empty,
                    found.Label, string.Empty, Postcode(found.Label), "Paris", "75, Paris, Île-de-France", "75105", string.Empty, string.Empty,
                    string.Empty, "ok",
                }
                : Enumerable.Repeat(string.Empty, ResultColumns.Length - 1).Append("not-found").ToArray();
            output.Append(string.Join(separator, cells.Concat(result).Select(Cell))).Append('\n');
        }

        context.Response.ContentType = "text/csv; charset=utf-8";
        await context.Response.WriteAsync(output.ToString());
    }

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Cell(string cell) => cell.IndexOfAny(['"', ',', ';', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;

    private static string Postcode(string label) => System.Text.RegularExpressions.Regex.Match(label, @"\b\d{5}\b").Value;

    private static string Key(string query) => string.Join(' ', query.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
