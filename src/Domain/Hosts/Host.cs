using HostingMatch.Domain.Common;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Stays;
using NodaTime;

namespace HostingMatch.Domain.Hosts;

/// <summary>
/// A citizen host under a signed agreement: who they are (for coordinators and the driver only),
/// what they can take, and when. Partners never see any of this.
/// </summary>
public sealed class Host
{
    public const int MaxNameLength = 100;
    public const int MaxAddressLength = 300;
    public const int MaxNotesLength = 2000;
    public const int MaxCodeLength = 40;

    /// <summary>The rotation limit when none is given (stays.md): 28 nights with one guest.</summary>
    public const int DefaultMaxNightsPerGuest = 28;

    /// <summary>The most periods a host's stays availability lists.</summary>
    public const int MaxStayPeriods = 50;

    private List<HouseholdCategory> accepts = [];
    private List<IsoDayOfWeek> weeklyDays = [];
    private readonly List<AvailabilityException> exceptions = [];
    private readonly List<NightPeriod> stayPeriods = [];

    private Host()
    {
        Code = DisplayName = Phone = Address = string.Empty;
        Agreement = null!;
        ArrivalWindow = ArrivalWindow.Default;
        Region = Stays.Region.Default;
        Programmes = HostProgrammes.OneNight;
        MaxNightsPerGuest = DefaultMaxNightsPerGuest;
    }

    public Guid Id { get; private set; }

    /// <summary>The short reference coordinators use (the spreadsheet's id, e.g. <c>h-001</c>); unique.</summary>
    public string Code { get; private set; }

    public string DisplayName { get; private set; }

    /// <summary>E.164.</summary>
    public string Phone { get; private set; }

    public Language Language { get; private set; }
    public double Latitude { get; private set; }
    public double Longitude { get; private set; }
    public GeoPoint Location => new(Latitude, Longitude);
    public string Address { get; private set; }
    public int Beds { get; private set; }
    public int MaxHouseholds { get; private set; }
    public IReadOnlyCollection<HouseholdCategory> Accepts => accepts.AsReadOnly();
    public bool MinorsCertified { get; private set; }

    /// <summary>
    /// The last night the safeguarding check for minors is valid (inclusive); null: no expiry. Both programmes honour it
    /// (<see cref="IsCertifiedForMinorsOn"/>).
    /// </summary>
    public LocalDate? CertifiedUntil { get; private set; }

    /// <summary>The programmes the host takes part in; one-night for a host created without saying.</summary>
    public HostProgrammes Programmes { get; private set; }

    /// <summary>The region the host lives in, canonical (<see cref="Stays.Region"/>).</summary>
    public string Region { get; private set; }

    /// <summary>The nights the host offers for stays, as periods <c>[from, until)</c>, sorted, never overlapping.</summary>
    public IReadOnlyCollection<NightPeriod> StaysAvailable => stayPeriods.AsReadOnly();

    /// <summary>The longest a stay with one guest may last, in nights (the rotation limit).</summary>
    public int MaxNightsPerGuest { get; private set; }
    public bool WheelchairAccessible { get; private set; }
    public Agreement Agreement { get; private set; }

    /// <summary>The days of the week the host usually takes guests ("Mondays and Thursdays").</summary>
    public IReadOnlyCollection<IsoDayOfWeek> WeeklyDays => weeklyDays.AsReadOnly();

    /// <summary>Per-night exceptions to <see cref="WeeklyDays"/>; at most one per night.</summary>
    public IReadOnlyCollection<AvailabilityException> Exceptions => exceptions.AsReadOnly();

    public ArrivalWindow ArrivalWindow { get; private set; }

    /// <summary>The host comes to the base to fetch its guests (transport.md, way 2): no vehicle needed to reach them.</summary>
    public bool PicksUpAtBase { get; private set; }

    /// <summary>
    /// The most nights per calendar month the host takes people in (host load, docs/matching.md); null: no limit. The
    /// matching does not match the host on a night that would take it past this.
    /// </summary>
    public int? MaxNightsPerMonth { get; private set; }

    /// <summary>The largest monthly limit of nights: every night of the longest month.</summary>
    public const int MaxNightsInAMonth = 31;

    /// <summary>When the host sent STOP: no SMS goes to them and they are not matched until they opt back in.</summary>
    public Instant? SmsOptedOutAt { get; private set; }

    public string? Notes { get; private set; }
    public Instant CreatedAt { get; private set; }

    /// <summary>Optimistic concurrency: two coordinators editing the same host get a conflict, not a lost update.</summary>
    public uint Version { get; private set; }

    /// <summary>Creates a host.</summary>
    /// <exception cref="DomainException">On any invalid field (codes <c>host-invalid</c>, <c>agreement-invalid</c>).</exception>
    public static Host Create(string code, string displayName, string phone, Language language, GeoPoint location,
        string address, int beds, int maxHouseholds, IEnumerable<HouseholdCategory> accepts, bool minorsCertified,
        bool wheelchairAccessible, Agreement agreement, Instant now, string? notes = null)
    {
        var host = new Host
        {
            Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
            Code = Guard.Text(code, "host-invalid", "The host's code", MaxCodeLength),
            CreatedAt = now,
        };
        host.UpdateProfile(displayName, phone, language, location, address, notes);
        host.SetCapacity(beds, maxHouseholds, accepts, minorsCertified, wheelchairAccessible);
        host.RenewAgreement(agreement);
        return host;
    }

    /// <summary>Changes who the host is and where they live.</summary>
    public void UpdateProfile(string displayName, string phone, Language language, GeoPoint location, string address, string? notes)
    {
        DisplayName = Guard.Text(displayName, "host-invalid", "The host's name", MaxNameLength);
        Phone = PhoneNumber.Parse(phone, "host-invalid", $"'{phone}' is not a phone number in E.164 form (+33612345678).").Value;
        Language = language;
        Latitude = location.Latitude;
        Longitude = location.Longitude;
        Address = Guard.Text(address, "host-invalid", "The host's address", MaxAddressLength);
        Notes = Guard.OptionalText(notes, "host-invalid", "Notes", MaxNotesLength);
    }

    /// <summary>Changes what the host can take.</summary>
    public void SetCapacity(int beds, int maxHouseholds, IEnumerable<HouseholdCategory> accepted, bool minorsCertified, bool wheelchairAccessible)
    {
        Beds = Guard.AtLeast(beds, 0, "host-invalid", "Beds");
        MaxHouseholds = Guard.AtLeast(maxHouseholds, 1, "host-invalid", "The number of households");
        accepts.Clear();
        accepts.AddRange(accepted.Distinct().Order());
        MinorsCertified = minorsCertified;
        WheelchairAccessible = wheelchairAccessible;
    }

    public void RenewAgreement(Agreement agreement) => Agreement = agreement;

    /// <summary>Sets (or clears, with null) the last night of the safeguarding check for minors.</summary>
    public void SetCertificateExpiry(LocalDate? certifiedUntil) => CertifiedUntil = certifiedUntil;

    /// <summary>Certified for minors and the certificate still valid that night (matching.md rule 3, stays.md rule 4).</summary>
    public bool IsCertifiedForMinorsOn(LocalDate night) => MinorsCertified && (CertifiedUntil is not { } until || night <= until);

    /// <summary>Says which programmes the host takes part in, and where they live.</summary>
    /// <exception cref="DomainException"><c>host-invalid</c> with no programme; <c>region-invalid</c> for a bad region.</exception>
    public void TakePartIn(HostProgrammes programmes, string region)
    {
        if ((programmes & (HostProgrammes.OneNight | HostProgrammes.Stays)) == HostProgrammes.None)
        {
            throw new DomainException("host-invalid", "A host takes part in the one-night programme, in stays, or both.");
        }

        Programmes = programmes;
        Region = Stays.Region.Normalize(region);
    }

    /// <summary>Sets the nights offered for stays and the rotation limit. An empty list: no stay for now.</summary>
    /// <exception cref="DomainException"><c>period-overlap</c> for periods sharing a night; <c>host-invalid</c> for a limit below 1 or too many periods.</exception>
    public void SetStaysAvailability(IEnumerable<NightPeriod> periods, int maxNightsPerGuest)
    {
        var sorted = NightPeriod.Disjoint(periods);
        if (sorted.Count > MaxStayPeriods)
        {
            throw new DomainException("host-invalid", $"A host lists at most {MaxStayPeriods} stay periods.");
        }

        MaxNightsPerGuest = Guard.AtLeast(maxNightsPerGuest, 1, "host-invalid", "The nights per guest");
        stayPeriods.Clear();
        stayPeriods.AddRange(sorted);
    }

    /// <summary>In the stays programme, offering that night, under a valid agreement (stays.md rule 3).</summary>
    public bool CanHostStayOn(LocalDate night) =>
        Programmes.HasFlag(HostProgrammes.Stays) && stayPeriods.Any(p => p.Contains(night)) && Agreement.IsValidOn(night);

    /// <summary>Sets the usual days and the arrival window.</summary>
    public void SetWeeklyAvailability(IEnumerable<IsoDayOfWeek> days, ArrivalWindow window)
    {
        weeklyDays.Clear();
        weeklyDays.AddRange(days.Where(d => d != IsoDayOfWeek.None).Distinct().Order());
        ArrivalWindow = window;
    }

    /// <summary>Sets the most nights per calendar month the host takes people in, or no limit (null).</summary>
    /// <exception cref="DomainException"><c>host-invalid</c> when the limit is not between 1 and 31.</exception>
    public void LimitNightsPerMonth(int? maxNightsPerMonth)
    {
        if (maxNightsPerMonth is < 1 or > MaxNightsInAMonth)
        {
            throw new DomainException("host-invalid", $"A host's limit of nights per month is between 1 and {MaxNightsInAMonth}, or none.");
        }

        MaxNightsPerMonth = maxNightsPerMonth;
    }

    /// <summary>Says whether the host comes to the base to fetch its guests, or waits for them at home.</summary>
    public void FetchGuestsAtBase(bool picksUpAtBase) => PicksUpAtBase = picksUpAtBase;

    /// <summary>Says the host is (or is not) available on one night, whatever the weekly pattern says.</summary>
    public void SetAvailabilityOn(LocalDate night, bool available)
    {
        exceptions.RemoveAll(e => e.Night == night);
        exceptions.Add(new AvailabilityException(night, available));
    }

    /// <summary>Drops a one-night exception, back to the weekly pattern.</summary>
    public void ClearAvailabilityOn(LocalDate night) => exceptions.RemoveAll(e => e.Night == night);

    /// <summary>
    /// Available for one night: the night's exception if any, else the weekly pattern; never after STOP, never for a
    /// host who takes part in stays only.
    /// </summary>
    public bool IsAvailableOn(LocalDate night) => IsAvailableOn(night, SmsOptedOutAt, Programmes, exceptions, weeklyDays);

    /// <summary>Available and under a valid agreement that night: may be matched (matching.md rule 1).</summary>
    public bool CanHostOn(LocalDate night) => CanHostOn(night, SmsOptedOutAt, Programmes, exceptions, weeklyDays, Agreement);

    /// <summary>
    /// <see cref="CanHostOn(LocalDate)"/> on a host's columns, for a read that projects them instead of loading the host
    /// (the hosts list): the same rule, in one place.
    /// </summary>
    public static bool CanHostOn(LocalDate night, Instant? smsOptedOutAt, HostProgrammes programmes,
        IEnumerable<AvailabilityException> exceptions, IEnumerable<IsoDayOfWeek> weeklyDays, Agreement agreement) =>
        IsAvailableOn(night, smsOptedOutAt, programmes, exceptions, weeklyDays) && agreement.IsValidOn(night);

    private static bool IsAvailableOn(LocalDate night, Instant? smsOptedOutAt, HostProgrammes programmes,
        IEnumerable<AvailabilityException> exceptions, IEnumerable<IsoDayOfWeek> weeklyDays) =>
        smsOptedOutAt is null
        && programmes.HasFlag(HostProgrammes.OneNight)
        && (exceptions.FirstOrDefault(e => e.Night == night) is { } exception
            ? exception.Available
            : weeklyDays.Contains(night.DayOfWeek));

    /// <summary>The first day of the last month the host was thanked for by SMS (docs/sms.md, monthly thanks); null: never.</summary>
    public LocalDate? ThankedForMonth { get; private set; }

    /// <summary>
    /// Records that the host is thanked for the month starting <paramref name="month"/>; false when it already was (or for
    /// a later month), so that a month's thanks go once.
    /// </summary>
    public bool ThankFor(LocalDate month)
    {
        if (ThankedForMonth is { } done && done >= month)
        {
            return false;
        }

        ThankedForMonth = month;
        return true;
    }

    /// <summary>The host sent STOP.</summary>
    public void OptOutOfSms(Instant now) => SmsOptedOutAt ??= now;

    /// <summary>The host asked to receive SMS again (START).</summary>
    public void OptBackIntoSms() => SmsOptedOutAt = null;
}
