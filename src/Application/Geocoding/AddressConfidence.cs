using HostingMatch.Domain.Geography;

namespace HostingMatch.Application.Geocoding;

/// <summary>How sure a match must be before a host's point is taken from it (<c>Geocoding:MinScore</c>).</summary>
public sealed class GeocodingOptions
{
    public const string Section = "Geocoding";

    /// <summary>
    /// The BAN scores an exact house number around 0.9 and more; a street or a town found instead of the number scores
    /// lower. Below this a match is only a suggestion for a coordinator to confirm.
    /// </summary>
    public double MinScore { get; set; } = 0.7;
}

/// <summary>What becomes of an address given without coordinates.</summary>
public enum AddressVerdict
{
    /// <summary>Found with a score at or above the threshold: its point is used.</summary>
    Located,

    /// <summary>Found, but below the threshold: flagged for a coordinator to confirm, never used.</summary>
    ToConfirm,

    /// <summary>The geocoder found nothing.</summary>
    NotFound,
}

/// <summary>
/// The one rule for using a geocoded point: a match below the threshold is never used silently. The import, the host
/// endpoints and the console all go through it.
/// </summary>
public static class AddressConfidence
{
    /// <summary>The verdict on a match (null: nothing found).</summary>
    public static AddressVerdict Judge(AddressMatch? match, double minScore) => match switch
    {
        null => AddressVerdict.NotFound,
        { Score: var score } when score >= minScore => AddressVerdict.Located,
        _ => AddressVerdict.ToConfirm,
    };

    /// <summary>What a coordinator reads about an address that was not used (its verdict is not <see cref="AddressVerdict.Located"/>).</summary>
    public static string Problem(string address, AddressMatch? match, double minScore) => Judge(match, minScore) switch
    {
        AddressVerdict.NotFound => $"the address '{address}' could not be located: correct it, or give its latitude and longitude",
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the address '{address}' was only found approximately (score {match!.Score:0.00} below {minScore:0.00}): " +
            $"'{match.Label}' at {Format(match.Point)}; if that is the place, give these latitude and longitude"),
    };

    private static string Format(GeoPoint point) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{point.Latitude:0.######}, {point.Longitude:0.######}");
}
