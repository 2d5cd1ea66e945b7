using HostingMatch.Domain.Geography;

namespace HostingMatch.Application.Geocoding;

/// <summary>
/// Finds where an address is (the Base Adresse Nationale in production, docs/hosts-csv.md). The geocoder only says what it
/// found and how sure it is; whether that is good enough is <see cref="AddressConfidence"/>'s call.
/// </summary>
public interface IGeocoder
{
    /// <summary>The best match for one address, or null when the geocoder found nothing.</summary>
    /// <exception cref="GeocoderUnavailableException">The geocoder did not answer, or answered an error, after its retries.</exception>
    Task<AddressMatch?> LocateAsync(string address, CancellationToken cancellationToken);

    /// <summary>The best match for each address, in the same order (null where nothing was found): one batch request.</summary>
    /// <exception cref="GeocoderUnavailableException">The geocoder did not answer, or answered an error, after its retries.</exception>
    Task<IReadOnlyList<AddressMatch?>> LocateAllAsync(IReadOnlyList<string> addresses, CancellationToken cancellationToken);
}

/// <summary>What the geocoder found for an address: its own label for it, the point, and its score (0 to 1).</summary>
public sealed record AddressMatch(string Label, GeoPoint Point, double Score);

/// <summary>The geocoder could not be asked (down, too slow, or answering errors). Nothing located is used.</summary>
public sealed class GeocoderUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
