using System.Diagnostics.Contracts;

namespace HostingMatch.Domain.Geography;

/// <summary>
/// Driving time between two points, exactly as the specs define it (matching.md, "Travel time";
/// van-runs.md rule 5): haversine distance on a sphere of radius 6371.0088 km, stretched by a
/// detour factor, at an average speed, rounded up to whole minutes so that results compare exactly.
/// </summary>
public static class TravelTime
{
    /// <summary>Mean Earth radius in kilometres (IUGG), as the spec fixes it.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Great-circle distance in kilometres, computed in double precision as the spec writes it.</summary>
    [Pure]
    public static double HaversineKm(GeoPoint from, GeoPoint to)
    {
        var phi1 = from.Latitude * Math.PI / 180;
        var phi2 = to.Latitude * Math.PI / 180;
        var dPhi = (to.Latitude - from.Latitude) * Math.PI / 180;
        var dLambda = (to.Longitude - from.Longitude) * Math.PI / 180;
        var sinPhi = Math.Sin(dPhi / 2);
        var sinLambda = Math.Sin(dLambda / 2);
        var a = (sinPhi * sinPhi) + (Math.Cos(phi1) * Math.Cos(phi2) * sinLambda * sinLambda);
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(a));
    }

    /// <summary><c>ceil(km * detourFactor / averageSpeedKmh * 60)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the detour factor or the speed is not above 0.</exception>
    [Pure]
    public static int Minutes(GeoPoint from, GeoPoint to, double detourFactor, double averageSpeedKmh)
    {
        if (!(detourFactor > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(detourFactor), detourFactor, "The detour factor is above 0.");
        }

        if (!(averageSpeedKmh > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(averageSpeedKmh), averageSpeedKmh, "The average speed is above 0.");
        }

        return (int)Math.Ceiling(HaversineKm(from, to) * detourFactor / averageSpeedKmh * 60);
    }
}
