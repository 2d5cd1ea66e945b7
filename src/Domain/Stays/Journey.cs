using HostingMatch.Domain.Common;
using NodaTime;

namespace HostingMatch.Domain.Stays;

/// <summary>How a guest goes from one home to the next.</summary>
public enum JourneyWay
{
    /// <summary>Nobody has arranged it yet.</summary>
    NotArranged,

    /// <summary>A volunteer drives the guest: the driver gets the journey sheet by SMS.</summary>
    VolunteerDriver,

    Train,

    /// <summary>A bus, a partner's car, the guest on their own...: the notes say which.</summary>
    Other,
}

/// <summary>Wire names of <see cref="JourneyWay"/>: <c>not-arranged</c>, <c>volunteer-driver</c>, <c>train</c>, <c>other</c>.</summary>
public static class JourneyWayNames
{
    public const string NotArranged = "not-arranged";
    public const string VolunteerDriver = "volunteer-driver";
    public const string Train = "train";
    public const string Other = "other";

    public static string ToWire(this JourneyWay way) => way switch
    {
        JourneyWay.VolunteerDriver => VolunteerDriver,
        JourneyWay.Train => Train,
        JourneyWay.Other => Other,
        _ => NotArranged,
    };

    /// <summary>Parses one wire name; false for anything else.</summary>
    public static bool TryParse(string? text, out JourneyWay way)
    {
        (way, var known) = text switch
        {
            NotArranged => (JourneyWay.NotArranged, true),
            VolunteerDriver => (JourneyWay.VolunteerDriver, true),
            Train => (JourneyWay.Train, true),
            Other => (JourneyWay.Other, true),
            _ => (JourneyWay.NotArranged, false),
        };
        return known;
    }
}

/// <summary>
/// Where a journey goes, as the chain of agreed stays gives it (<see cref="JourneyLegs"/>): on the morning of
/// <paramref name="Date"/> (the stay's first night) from the previous host (<paramref name="FromHostId"/>) or, when null,
/// from where the guest waits, to <paramref name="ToHostId"/>, in <paramref name="Minutes"/> (stays.md, "Travel").
/// </summary>
public sealed record JourneyLeg(Guid StayId, Guid GuestId, LocalDate Date, Guid? FromHostId, Guid ToHostId, int Minutes)
{
    public Guid StayId { get; private init; } = StayId;
    public Guid GuestId { get; private init; } = GuestId;
    public LocalDate Date { get; private init; } = Date;
    public Guid? FromHostId { get; private init; } = FromHostId;
    public Guid ToHostId { get; private init; } = ToHostId;
    public int Minutes { get; private init; } = Minutes;
}

/// <summary>
/// A guest's journey to the stay <see cref="StayId"/> leads to (a first stay or a move), and how it is arranged: the way,
/// the departure time, the volunteer driver, the cost as entered. Where it goes follows the chain of agreed stays
/// (<see cref="Follow"/>); what the hosts and the driver were told is kept, so that only a new or changed time is sent.
/// </summary>
public sealed class Journey
{
    public const int MaxNotesLength = 500;
    public const int MaxDriverNameLength = 60;

    /// <summary>A journey between homes costs a train ticket or some fuel; above this it is a typing mistake.</summary>
    public const decimal MaxCostEuros = 10_000m;

    private Journey()
    {
    }

    public Guid Id { get; private set; }
    public Guid GuestId { get; private set; }

    /// <summary>The stay the journey leads to: one journey per stay.</summary>
    public Guid StayId { get; private set; }

    /// <summary>The day of the journey: the stay's first night.</summary>
    public LocalDate Date { get; private set; }

    /// <summary>The host the guest leaves; null: the guest leaves the place it waits at (its first stay, or after uncovered nights).</summary>
    public Guid? FromHostId { get; private set; }

    public Guid ToHostId { get; private set; }

    /// <summary>Driving minutes by the stays spec's formula.</summary>
    public int Minutes { get; private set; }

    public JourneyWay Way { get; private set; }

    /// <summary>When the guest leaves; null until arranged.</summary>
    public LocalTime? DepartureTime { get; private set; }

    /// <summary>The volunteer driver's first name, when <see cref="Way"/> is <see cref="JourneyWay.VolunteerDriver"/>.</summary>
    public string? DriverFirstName { get; private set; }

    /// <summary>E.164, when <see cref="Way"/> is <see cref="JourneyWay.VolunteerDriver"/>.</summary>
    public string? DriverPhone { get; private set; }

    /// <summary>In euros, as entered (a ticket, fuel); 0 when nothing is paid.</summary>
    public decimal CostEuros { get; private set; }

    public string? Notes { get; private set; }

    /// <summary>The day, time and homes the hosts were last told; null before anything was sent.</summary>
    public LocalDate? ToldDate { get; private set; }

    public LocalTime? ToldDeparture { get; private set; }
    public Guid? ToldFromHostId { get; private set; }
    public Guid? ToldToHostId { get; private set; }

    /// <summary>The driver last sent the journey sheet.</summary>
    public string? ToldDriverPhone { get; private set; }

    public Instant CreatedAt { get; private set; }
    public Instant UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency: two coordinators arranging one journey get a conflict, not a lost update.</summary>
    public uint Version { get; private set; }

    /// <summary>The arrival at the receiving host: departure plus <see cref="Minutes"/>.</summary>
    public LocalTime? ArrivalTime => DepartureTime?.PlusMinutes(Minutes);

    /// <summary>True when arranged and the hosts were told this very day, time and homes.</summary>
    public bool HostsKnow => HostsWereTold(new JourneyLeg(StayId, GuestId, Date, FromHostId, ToHostId, Minutes));

    /// <summary>True when the hosts must be told (again): arranged, and the day, time or homes differ from what they were told.</summary>
    public bool HostsNeedTelling => Way != JourneyWay.NotArranged && DepartureTime is not null && !HostsKnow;

    /// <summary>True when a volunteer driver must get the journey sheet: a new driver, or the hosts need telling.</summary>
    public bool DriverNeedsTelling => Way == JourneyWay.VolunteerDriver && (HostsNeedTelling || ToldDriverPhone != DriverPhone);

    /// <summary>True when arranged and the hosts were told this time for the day and homes of <paramref name="leg"/> (the chain as it is now).</summary>
    public bool HostsWereTold(JourneyLeg leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        return Way != JourneyWay.NotArranged && DepartureTime is not null && ToldDeparture == DepartureTime && ToldDate == leg.Date
               && ToldFromHostId == leg.FromHostId && ToldToHostId == leg.ToHostId;
    }

    /// <summary>The journey of <paramref name="leg"/>, not arranged yet.</summary>
    /// <exception cref="DomainException"><c>journey-invalid</c> for negative minutes.</exception>
    public static Journey Create(JourneyLeg leg, Instant now)
    {
        ArgumentNullException.ThrowIfNull(leg);
        var journey = new Journey
        {
            Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
            GuestId = leg.GuestId,
            StayId = leg.StayId,
            Way = JourneyWay.NotArranged,
            CreatedAt = now,
        };
        journey.Follow(leg, now);
        return journey;
    }

    /// <summary>The chain changed (a stay before it was cut or called off): the journey goes where <paramref name="leg"/> says.</summary>
    /// <exception cref="DomainException"><c>journey-invalid</c> for another stay's leg or negative minutes.</exception>
    public void Follow(JourneyLeg leg, Instant now)
    {
        ArgumentNullException.ThrowIfNull(leg);
        if (leg.StayId != StayId || leg.GuestId != GuestId)
        {
            throw new DomainException("journey-invalid", "A journey follows the chain of its own stay only.");
        }

        Date = leg.Date;
        FromHostId = leg.FromHostId;
        ToHostId = leg.ToHostId;
        Minutes = Guard.AtLeast(leg.Minutes, 0, "journey-invalid", "Journey minutes");
        UpdatedAt = now;
    }

    /// <summary>
    /// A coordinator arranges the journey: the way, the departure time (required unless not arranged), the volunteer driver
    /// (first name and E.164 phone, only and always for <see cref="JourneyWay.VolunteerDriver"/>), the cost in euros as entered, notes.
    /// </summary>
    /// <exception cref="DomainException"><c>journey-invalid</c> for a missing time or driver, a bad phone, a cost below 0 or above <see cref="MaxCostEuros"/>, overlong text.</exception>
    public void Arrange(JourneyWay way, LocalTime? departure, string? driverFirstName, string? driverPhone, decimal costEuros, string? notes, Instant now)
    {
        if (way != JourneyWay.NotArranged && departure is null)
        {
            throw new DomainException("journey-invalid", "An arranged journey has a departure time.");
        }

        if (costEuros is < 0 or > MaxCostEuros)
        {
            throw new DomainException("journey-invalid", $"A journey costs 0 to {MaxCostEuros} euros (got {costEuros}).");
        }

        var byDriver = way == JourneyWay.VolunteerDriver;
        DriverFirstName = byDriver ? Guard.Text(driverFirstName, "journey-invalid", "The driver's first name", MaxDriverNameLength) : null;
        DriverPhone = byDriver
            ? PhoneNumber.Parse(driverPhone, "journey-invalid", $"'{driverPhone}' is not a phone number in E.164 form (+33612345678).").Value
            : null;
        Way = way;
        DepartureTime = way == JourneyWay.NotArranged ? null : departure;
        CostEuros = costEuros;
        Notes = Guard.OptionalText(notes, "journey-invalid", "The notes", MaxNotesLength);
        UpdatedAt = now;
    }

    /// <summary>
    /// The stay this journey led to was called off and the driver told so: nobody is told this journey any more (a stay
    /// agreed again later is a new time to tell).
    /// </summary>
    public void RecordCalledOff(Instant now) => Remember(null, null, null, null, null, now);

    /// <summary>The hosts (and the driver, if any) were sent the journey as it stands.</summary>
    public void RecordTold(Instant now) => Remember(Date, DepartureTime, FromHostId, ToHostId, DriverPhone, now);

    private void Remember(LocalDate? date, LocalTime? departure, Guid? fromHostId, Guid? toHostId, string? driverPhone, Instant now)
    {
        ToldDate = date;
        ToldDeparture = departure;
        ToldFromHostId = fromHostId;
        ToldToHostId = toHostId;
        ToldDriverPhone = driverPhone;
        UpdatedAt = now;
    }
}
