namespace HostingMatch.Domain.Geography;

/// <summary>A point on Earth in decimal degrees (WGS 84).</summary>
public readonly record struct GeoPoint
{
    /// <summary>Creates a point.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Latitude outside [-90, 90] or longitude outside [-180, 180].</exception>
    public GeoPoint(double latitude, double longitude)
    {
        if (double.IsNaN(latitude) || latitude is < -90 or > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "A latitude is between -90 and 90.");
        }

        if (double.IsNaN(longitude) || longitude is < -180 or > 180)
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "A longitude is between -180 and 180.");
        }

        Latitude = latitude;
        Longitude = longitude;
    }

    public double Latitude { get; }
    public double Longitude { get; }
}
