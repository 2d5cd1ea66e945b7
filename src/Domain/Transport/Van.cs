using HostingMatch.Domain.Common;
using NodaTime;

namespace HostingMatch.Domain.Transport;

/// <summary>A vehicle of the network. Every person takes a seat, children too.</summary>
public sealed class Van
{
    private Van()
    {
        Name = string.Empty;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }

    /// <summary>Passenger seats (the 9-seater has 8).</summary>
    public int Seats { get; private set; }

    public Guid BaseId { get; private set; }

    /// <exception cref="DomainException"><c>van-invalid</c> with no seat or no name.</exception>
    public static Van Create(string name, int seats, Guid baseId, Instant now) => new()
    {
        Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
        Name = Guard.Text(name, "van-invalid", "The van's name", 60),
        Seats = Guard.AtLeast(seats, 1, "van-invalid", "Seats"),
        BaseId = baseId,
    };
}
