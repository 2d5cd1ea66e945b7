using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsvHelper;
using HostingMatch.Application.Geocoding;
using HostingMatch.Domain.Geography;
using Polly;

namespace HostingMatch.Infrastructure.Geocoding;

/// <summary>Where the Base Adresse Nationale is, and how long and how often to ask it (<c>Geocoding:*</c>).</summary>
public sealed class BanOptions
{
    /// <summary>The public service by default; a fake's address in tests, a self-hosted addok elsewhere.</summary>
    public string BaseUrl { get; set; } = "https://api-adresse.data.gouv.fr";

    public int AttemptTimeoutSeconds { get; set; } = 10;
    public int MaxRetries { get; set; } = 2;
    public double RetryBaseDelaySeconds { get; set; } = 1;
}

/// <summary>
/// The BAN's geocoder (api-adresse.data.gouv.fr): <c>GET /search/?q=</c> for one address (a GeoJSON FeatureCollection,
/// <c>geometry.coordinates</c> as [lon, lat], <c>properties.label</c> and <c>properties.score</c>) and <c>POST /search/csv/</c>
/// for many (multipart: the file as <c>data</c>, the address column as <c>columns</c>; the answer is the same CSV with
/// <c>latitude</c>, <c>longitude</c>, <c>result_label</c>, <c>result_score</c>... appended). Retries and timeouts are the
/// HTTP client's standard resilience handler; whatever still fails is a <see cref="GeocoderUnavailableException"/>.
/// </summary>
public sealed class BanGeocoder(HttpClient http) : IGeocoder
{
    public async Task<AddressMatch?> LocateAsync(string address, CancellationToken cancellationToken)
    {
        var json = await AskAsync(async () =>
        {
            using var response = await http.GetAsync($"search/?q={Uri.EscapeDataString(address)}&limit=1", cancellationToken);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        }, cancellationToken);
        return json.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Array && features.GetArrayLength() > 0
            ? Feature(features[0])
            : null;
    }

    public async Task<IReadOnlyList<AddressMatch?>> LocateAllAsync(IReadOnlyList<string> addresses, CancellationToken cancellationToken)
    {
        if (addresses.Count == 0)
        {
            return [];
        }

        var file = new StringBuilder("hm_row,adresse\n");
        for (var i = 0; i < addresses.Count; i++)
        {
            file.Append(CultureInfo.InvariantCulture, $"{i},{Quote(addresses[i])}\n");
        }

        var csv = await AskAsync(async () =>
        {
            // Built per attempt: a retried request sends the whole form again.
            using var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(Encoding.UTF8.GetBytes(file.ToString())), "data", "hosts.csv" },
                { new StringContent("adresse"), "columns" },
            };
            using var response = await http.PostAsync("search/csv/", form, cancellationToken);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsStringAsync(cancellationToken);
        }, cancellationToken);
        return ReadResults(csv, addresses.Count);
    }

    private static async Task<T> AskAsync<T>(Func<Task<T>> ask, CancellationToken cancellationToken)
    {
        try
        {
            return await ask();
        }
        catch (Exception e) when (e is HttpRequestException or ExecutionRejectedException or JsonException or FormatException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Recovered by the caller: an import says which rows it could not place, a host form answers 503.
            throw new GeocoderUnavailableException(e is HttpRequestException { StatusCode: { } status }
                ? $"it answered {(int)status}"
                : e is ExecutionRejectedException or OperationCanceledException ? "it did not answer in time" : "its answer could not be read", e);
        }
    }

    private static AddressMatch? Feature(JsonElement feature)
    {
        var coordinates = feature.GetProperty("geometry").GetProperty("coordinates");
        var properties = feature.GetProperty("properties");
        return new AddressMatch(properties.GetProperty("label").GetString() ?? string.Empty,
            new GeoPoint(coordinates[1].GetDouble(), coordinates[0].GetDouble()), properties.GetProperty("score").GetDouble());
    }

    /// <summary>One match per row of our file, by our row number (the service keeps the order, but says so nowhere).</summary>
    private static IReadOnlyList<AddressMatch?> ReadResults(string csv, int count)
    {
        var results = new AddressMatch?[count];
        using var reader = CsvReader.FromText(csv.TrimStart('\uFEFF'), CsvReaderOptions.Default with { HasHeader = true, FormatProvider = CultureInfo.InvariantCulture });
        reader.ReadHeader();
        var header = (reader.Headers ?? []).ToList();
        int Column(params string[] names) => names.Select(n => header.IndexOf(n)).FirstOrDefault(i => i >= 0, -1) is var i and >= 0
            ? i
            : throw new FormatException($"The geocoder's CSV has no column {names[0]}.");
        var (row, latitude, longitude, label, score) = (Column("hm_row"), Column("latitude", "result_latitude"),
            Column("longitude", "result_longitude"), Column("result_label"), Column("result_score"));
        while (reader.Read())
        {
            var index = int.Parse(reader.GetString(row)!, CultureInfo.InvariantCulture);
            if (index < 0 || index >= count)
            {
                throw new FormatException($"The geocoder's CSV has a row {index} we did not send.");
            }

            results[index] = Number(reader.GetString(latitude)) is { } lat && Number(reader.GetString(longitude)) is { } lon
                             && Number(reader.GetString(score)) is { } s
                ? new AddressMatch(reader.GetString(label) ?? string.Empty, new GeoPoint(lat, lon), s)
                : null; // result_status not-found: the result columns are empty.
        }

        return results;
    }

    private static double? Number(string? cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Quote(string cell) => "\"" + cell.Replace("\"", "\"\"").Replace('\n', ' ').Replace('\r', ' ') + "\"";
}
