using HostingMatch.Domain.Common;
using HostingMatch.Domain.Geography;
using NodaTime;

namespace HostingMatch.Domain.Transport;

/// <summary>Where people gather in the evening and the van leaves from (e.g. Porte de la Chapelle).</summary>
public sealed class Base
{
    private Base()
    {
        Name = string.Empty;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public double Latitude { get; private set; }
    public double Longitude { get; private set; }
    public GeoPoint Location => new(Latitude, Longitude);

    /// <summary>Households with a place are asked to be at the base this long before the first van leaves.</summary>
    public LocalTime GatheringTime { get; private set; }

    /// <exception cref="DomainException"><c>base-invalid</c> when the name is empty.</exception>
    public static Base Create(string name, GeoPoint location, LocalTime gatheringTime, Instant now) => new()
    {
        Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
        Name = Guard.Text(name, "base-invalid", "The base's name", 100),
        Latitude = location.Latitude,
        Longitude = location.Longitude,
        GatheringTime = gatheringTime,
    };
}
