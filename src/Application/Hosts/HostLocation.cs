using HostingMatch.Application.Geocoding;
using HostingMatch.Domain.Common;
using Microsoft.Extensions.Options;

namespace HostingMatch.Application.Hosts;

/// <summary>
/// A host typed without coordinates gets its address's point from the geocoder (given coordinates are kept as they are).
/// A match below <see cref="GeocodingOptions.MinScore"/> is refused, with the candidate, for the coordinator to confirm.
/// </summary>
public sealed class HostLocation(IGeocoder geocoder, IOptions<GeocodingOptions> options)
{
    /// <summary>The input with its latitude and longitude: as given, or located from the address.</summary>
    /// <exception cref="DomainException">
    /// <c>address-not-found</c> when the geocoder found nothing, <c>address-to-confirm</c> when it is not sure enough.
    /// </exception>
    /// <exception cref="GeocoderUnavailableException">The geocoder could not be asked.</exception>
    public async Task<HostInput> LocateAsync(HostInput input, CancellationToken cancellationToken)
    {
        if (input.Latitude is not null && input.Longitude is not null)
        {
            return input;
        }

        var minScore = options.Value.MinScore;
        var match = await geocoder.LocateAsync(input.Address!, cancellationToken);
        return AddressConfidence.Judge(match, minScore) switch
        {
            AddressVerdict.Located => input with { Latitude = match!.Point.Latitude, Longitude = match.Point.Longitude },
            AddressVerdict.NotFound => throw new DomainException("address-not-found", AddressConfidence.Problem(input.Address!, match, minScore)),
            _ => throw new DomainException("address-to-confirm", AddressConfidence.Problem(input.Address!, match, minScore)),
        };
    }
}
