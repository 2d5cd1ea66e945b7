using HostingMatch.Domain.Common;
using HostingMatch.Domain.Geography;
using NodaTime;

namespace HostingMatch.Domain.Stays;

/// <summary>
/// A household in the stays programme and its need (spec: stays.md, "Guest"): the nights <c>[NeedFrom, NeedUntil)</c>
/// (open-ended when <see cref="NeedUntil"/> is null), the regions it may stay in, and where it waits now. Who the
/// guest is (members, category, tier, the referring partner) is its <see cref="Households.Household"/>, as for one night.
/// </summary>
public sealed class StayGuest
{
    public const int MaxRegions = 10;
    public const int MaxWaitingAtLength = 200;
    public const int MaxReferentNameLength = 100;
    public const int MaxOutcomeNoteLength = 500;

    private List<string> regions = [];

    private StayGuest()
    {
        WaitingAt = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>Members, vulnerability, wheelchair, the partner who referred it.</summary>
    public Guid HouseholdId { get; private set; }

    /// <summary>The first night needed.</summary>
    public LocalDate NeedFrom { get; private set; }

    /// <summary>The morning the need ends; null: open-ended.</summary>
    public LocalDate? NeedUntil { get; private set; }

    /// <summary>The regions the guest may stay in, canonical; empty: any region.</summary>
    public IReadOnlyList<string> Regions => regions.AsReadOnly();

    /// <summary>Where the guest waits now (usually the base): the first journey starts here.</summary>
    public string WaitingAt { get; private set; }

    /// <summary>
    /// True when the partner organisation referred it itself (its key, <c>POST /stays/referrals</c>): only then may that
    /// partner read it. A guest the coordinators registered, even as referred by a partner, holds their notes and is theirs.
    /// </summary>
    public bool ReferredByPartner { get; private set; }

    public double Latitude { get; private set; }
    public double Longitude { get; private set; }
    public GeoPoint Location => new(Latitude, Longitude);

    /// <summary>
    /// True when whoever registered the guest said where it waits. A partner may leave it out: the guest is then taken to
    /// wait at the base, a guess the one-night programme acts on only for a guest who may stay in Île-de-France (docs/stays.md,
    /// "Between the programmes"): a teenager referred for Bretagne may well be in Rennes.
    /// </summary>
    public bool LocationGiven { get; private set; }
    public Instant CreatedAt { get; private set; }
    public Instant UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>The volunteer who follows the guest: alerted when a check-in goes wrong. Null until one is named.</summary>
    public string? ReferentName { get; private set; }

    /// <summary>The referent's phone, E.164.</summary>
    public string? ReferentPhone { get; private set; }

    /// <summary>Names the guest's referent (a volunteer's name and phone), replacing any earlier one.</summary>
    /// <exception cref="DomainException"><c>referent-invalid</c> for an empty or overlong name or a phone not in E.164.</exception>
    public void AssignReferent(string name, string phone, Instant now)
    {
        ReferentName = Guard.Text(name, "referent-invalid", "The referent's name", MaxReferentNameLength);
        ReferentPhone = PhoneNumber.Parse(phone, "referent-invalid", $"'{phone}' is not a phone number in E.164 form (+33612345678).").Value;
        UpdatedAt = now;
    }

    /// <summary>How the guest left the programme; null until its exit is recorded (<see cref="Exit"/>).</summary>
    public GuestOutcome? Outcome { get; private set; }

    /// <summary>The coordinator's words on the exit (personal: forgotten with the guest's other details).</summary>
    public string? OutcomeNote { get; private set; }

    /// <summary>When the exit was recorded; null until then.</summary>
    public Instant? EndedAt { get; private set; }

    /// <summary>True once the exit is recorded.</summary>
    public bool HasExited => Outcome is not null;

    /// <summary>Registers a guest's need.</summary>
    /// <exception cref="DomainException"><c>need-invalid</c> for a need ending before it starts, too many regions or a bad place; <c>region-invalid</c>.</exception>
    public static StayGuest Create(Guid householdId, LocalDate needFrom, LocalDate? needUntil, IEnumerable<string> regions,
        string waitingAt, GeoPoint location, Instant now, bool referredByPartner = false, bool locationGiven = true)
    {
        if (needUntil is { } until && until <= needFrom)
        {
            throw new DomainException("need-invalid", $"A need must end ({until:yyyy-MM-dd}) after it starts ({needFrom:yyyy-MM-dd}).");
        }

        var guest = new StayGuest
        {
            Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
            HouseholdId = householdId,
            NeedFrom = needFrom,
            NeedUntil = needUntil,
            WaitingAt = Guard.Text(waitingAt, "need-invalid", "Where the guest waits", MaxWaitingAtLength),
            Latitude = location.Latitude,
            Longitude = location.Longitude,
            ReferredByPartner = referredByPartner,
            LocationGiven = locationGiven,
            CreatedAt = now,
            UpdatedAt = now,
        };
        guest.regions.AddRange(regions.Select(Region.Normalize).Distinct());
        if (guest.regions.Count > MaxRegions)
        {
            throw new DomainException("need-invalid", $"A guest lists at most {MaxRegions} regions.");
        }

        return guest;
    }

    /// <summary>True when the guest may stay in <paramref name="region"/> (stays.md rule 5).</summary>
    public bool MayStayIn(string region) => regions.Count == 0 || regions.Contains(region);

    /// <summary>True when the guest needs a bed that night.</summary>
    public bool NeedsOn(LocalDate night) => NeedFrom <= night && (NeedUntil is not { } until || night < until);

    /// <summary>
    /// The need ends on the morning of <paramref name="until"/> (the guest got a place with child welfare, went home...).
    /// The nights before <paramref name="today"/> are spent: the need cannot end before them.
    /// </summary>
    /// <exception cref="DomainException"><c>need-invalid</c> when <paramref name="until"/> is not after <see cref="NeedFrom"/>; <c>need-past-nights</c> before today.</exception>
    public void EndNeed(LocalDate until, LocalDate today, Instant now)
    {
        if (until < today)
        {
            throw new DomainException("need-past-nights", $"A need cannot end on {until:yyyy-MM-dd}: the nights before {today:yyyy-MM-dd} are already spent.");
        }

        if (until <= NeedFrom)
        {
            throw new DomainException("need-invalid", $"A need must end ({until:yyyy-MM-dd}) after it starts ({NeedFrom:yyyy-MM-dd}).");
        }

        NeedUntil = until;
        UpdatedAt = now;
    }

    /// <summary>
    /// The guest leaves the programme with <paramref name="outcome"/>: its need ends on the morning of
    /// <paramref name="until"/> (<see cref="EndNeed"/>'s rules) and the outcome is recorded for the reports. Recording an
    /// exit again corrects it (the latest outcome and morning hold).
    /// </summary>
    /// <exception cref="DomainException"><c>need-invalid</c>, <c>need-past-nights</c> as <see cref="EndNeed"/>; <c>exit-invalid</c> for an overlong note.</exception>
    public void Exit(GuestOutcome outcome, string? note, LocalDate until, LocalDate today, Instant now)
    {
        var cleanNote = Guard.OptionalText(note, "exit-invalid", "The exit's note", MaxOutcomeNoteLength);
        EndNeed(until, today, now);
        Outcome = outcome;
        OutcomeNote = cleanNote;
        EndedAt = now;
    }
}
