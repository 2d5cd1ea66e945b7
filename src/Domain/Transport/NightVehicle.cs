using HostingMatch.Domain.Common;
using NodaTime;

namespace HostingMatch.Domain.Transport;

/// <summary>The network's van or a volunteer's own car.</summary>
public enum VehicleKind
{
    Van,
    Car,
}

/// <summary>Wire names of <see cref="VehicleKind"/>: <c>van</c>, <c>car</c>.</summary>
public static class VehicleKindNames
{
    public static string ToWire(this VehicleKind kind) => kind == VehicleKind.Van ? "van" : "car";

    public static bool TryParse(string? text, out VehicleKind kind)
    {
        kind = text == "van" ? VehicleKind.Van : VehicleKind.Car;
        return text is "van" or "car";
    }
}

/// <summary>
/// A vehicle out tonight with its driver (transport.md, way 1): the network's van or a volunteer's car, its passenger
/// seats, and the driver's shift: no trip leaves the base before <see cref="AvailableFrom"/>, the vehicle is back by
/// <see cref="AvailableUntil"/>. Times are on the night's clock (before noon is after midnight).
/// </summary>
public sealed class NightVehicle
{
    public const int MaxLabelLength = 60;
    public const int MaxNameLength = 60;

    /// <summary>The 9-seater van has 8 passenger seats; no vehicle of the network has more.</summary>
    public const int MaxSeats = 8;

    private NightVehicle()
    {
        Label = DriverFirstName = DriverPhone = string.Empty;
    }

    public Guid Id { get; private set; }
    public LocalDate Night { get; private set; }
    public VehicleKind Kind { get; private set; }

    /// <summary>How coordinators call it tonight ("Le camion", "Voiture de Léa"); unique in the night.</summary>
    public string Label { get; private set; }

    /// <summary>The driver's first name only: the hosts and the run sheet need no more.</summary>
    public string DriverFirstName { get; private set; }

    /// <summary>E.164: the driver gets the trips by SMS.</summary>
    public string DriverPhone { get; private set; }

    /// <summary>Passenger seats: every person takes one, children too.</summary>
    public int Seats { get; private set; }

    public LocalTime AvailableFrom { get; private set; }
    public LocalTime AvailableUntil { get; private set; }
    public Instant CreatedAt { get; private set; }

    /// <summary>Optimistic concurrency: two coordinators changing the same vehicle get a conflict, not a lost update.</summary>
    public uint Version { get; private set; }

    /// <summary>Registers a vehicle for the night.</summary>
    /// <exception cref="DomainException"><c>vehicle-invalid</c> for an empty label or name, a bad phone, seats out of 1-8, or a shift that ends before it starts.</exception>
    public static NightVehicle Create(LocalDate night, VehicleKind kind, string label, string driverFirstName, string driverPhone,
        int seats, LocalTime availableFrom, LocalTime availableUntil, Instant now)
    {
        var vehicle = new NightVehicle
        {
            Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
            Night = night,
            CreatedAt = now,
        };
        vehicle.Change(kind, label, driverFirstName, driverPhone, seats, availableFrom, availableUntil);
        return vehicle;
    }

    /// <summary>Changes the vehicle, its driver or the shift (a car that turns up later, a driver who must leave early).</summary>
    /// <exception cref="DomainException"><c>vehicle-invalid</c>, as <see cref="Create"/>.</exception>
    public void Change(VehicleKind kind, string label, string driverFirstName, string driverPhone, int seats,
        LocalTime availableFrom, LocalTime availableUntil)
    {
        if (seats is < 1 or > MaxSeats)
        {
            throw new DomainException("vehicle-invalid", $"A vehicle has 1 to {MaxSeats} passenger seats (got {seats}).");
        }

        if (Domain.Night.EveningMinute(availableUntil) <= Domain.Night.EveningMinute(availableFrom))
        {
            throw new DomainException("vehicle-invalid",
                $"The driver's shift must end ({availableUntil:HH:mm}) after it starts ({availableFrom:HH:mm}) on the night's clock.");
        }

        Kind = kind;
        Label = Guard.Text(label, "vehicle-invalid", "The vehicle's label", MaxLabelLength);
        DriverFirstName = Guard.Text(driverFirstName, "vehicle-invalid", "The driver's first name", MaxNameLength);
        DriverPhone = PhoneNumber.Parse(driverPhone, "vehicle-invalid", $"'{driverPhone}' is not a phone number in E.164 form (+33612345678).").Value;
        Seats = seats;
        AvailableFrom = availableFrom;
        AvailableUntil = availableUntil;
    }
}
