using FluentValidation;
using HostingMatch.Application.Validation;
using HostingMatch.Domain;
using HostingMatch.Domain.Common;
using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Stays;
using NodaTime;

namespace HostingMatch.Application.Hosts;

/// <summary>What a coordinator types (or a spreadsheet row holds) about a host. Enums travel as strings.</summary>
public sealed record HostInput
{
    public string? Code { get; init; }
    public string? DisplayName { get; init; }
    public string? Phone { get; init; }
    /// <summary><c>fr</c> or <c>en</c>; <c>fr</c> when left out.</summary>
    public string? Language { get; init; }
    /// <summary>With <see cref="Longitude"/>, where the host lives; both left out: the address is geocoded (BAN).</summary>
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? Address { get; init; }
    public int? Beds { get; init; }
    /// <summary>1 when left out.</summary>
    public int? MaxHouseholds { get; init; }
    /// <summary>Any of <c>minor</c>, <c>family</c>, <c>women</c>, <c>men</c>.</summary>
    public IReadOnlyList<string>? Accepts { get; init; }
    public bool MinorsCertified { get; init; }
    /// <summary>The last night the safeguarding check for minors is valid (inclusive); null: no expiry.</summary>
    public LocalDate? CertifiedUntil { get; init; }
    public bool WheelchairAccessible { get; init; }
    /// <summary><c>one-night</c>, <c>stays</c> or both; <c>one-night</c> when left out.</summary>
    public IReadOnlyList<string>? Programmes { get; init; }
    /// <summary>The host's region (<c>bretagne</c>, <c>ile-de-france</c>...); <c>ile-de-france</c> when left out.</summary>
    public string? Region { get; init; }
    /// <summary>The nights offered for stays, periods <c>[from, until)</c>: until is the morning of leaving.</summary>
    public IReadOnlyList<PeriodInput>? StaysAvailable { get; init; }
    /// <summary>The longest stay with one guest, in nights; 28 when left out.</summary>
    public int? MaxNightsPerGuest { get; init; }
    public AgreementInput? Agreement { get; init; }
    /// <summary>Usual days, in English: <c>monday</c> ... <c>sunday</c>.</summary>
    public IReadOnlyList<string>? WeeklyDays { get; init; }
    /// <summary>Arrival window, <c>HH:mm</c>; 19:00 to 23:30 when left out.</summary>
    public LocalTime? ArrivalFrom { get; init; }
    public LocalTime? ArrivalUntil { get; init; }
    /// <summary>The host comes to the base to fetch its guests (transport.md); false when left out.</summary>
    public bool PicksUpAtBase { get; init; }
    /// <summary>The most nights per calendar month the host takes people in, 1 to 31; no limit when left out.</summary>
    public int? MaxNightsPerMonth { get; init; }
    public string? Notes { get; init; }
}

public sealed record AgreementInput(LocalDate? SignedOn, LocalDate? ValidFrom, LocalDate? ValidUntil);

/// <summary>Nights <c>[from, until)</c> (stays.md): <paramref name="Until"/> is the morning of leaving, not the last night.</summary>
public sealed record PeriodInput(LocalDate? From, LocalDate? Until);

/// <summary>A period's shape: both ends, until after from.</summary>
public sealed class PeriodInputValidator : AbstractValidator<PeriodInput>
{
    public PeriodInputValidator()
    {
        RuleFor(p => p.From).NotNull();
        RuleFor(p => p.Until).NotNull()
            .GreaterThan(p => p.From).When(p => p.From is not null).WithMessage("must be after from (until is the morning of leaving)");
    }

    /// <summary>True when no two complete periods of the list share a night.</summary>
    public static bool Disjoint(IReadOnlyList<PeriodInput>? periods) =>
        periods is null || periods.Where(p => p is { From: not null, Until: not null } && p.Until > p.From).OrderBy(p => p.From)
            .Zip(periods.Where(p => p is { From: not null, Until: not null } && p.Until > p.From).OrderBy(p => p.From).Skip(1))
            .All(pair => pair.Second.From >= pair.First.Until);
}

/// <summary>The shape of a host: required fields, ranges, E.164, known words. No database look-ups.</summary>
public sealed class HostInputValidator : AbstractValidator<HostInput>
{
    public static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public HostInputValidator()
    {
        RuleFor(h => h.Code).NotEmpty().MaximumLength(Host.MaxCodeLength).OneLine();
        RuleFor(h => h.DisplayName).NotEmpty().MaximumLength(Host.MaxNameLength).OneLine();
        RuleFor(h => h.Phone).NotEmpty().Must(PhoneNumber.IsE164).WithMessage("must be a phone number in E.164 form, e.g. +33612345678");
        RuleFor(h => h.Language).Must(l => l is null or "fr" or "en").WithMessage("must be 'fr' or 'en'");
        // Both or neither: without them the address is geocoded (HostLocation); one alone is a typing slip.
        RuleFor(h => h.Latitude).NotNull().When(h => h.Longitude is not null).WithMessage("is required with longitude (or give neither: the address is then located)")
            .InclusiveBetween(-90, 90);
        RuleFor(h => h.Longitude).NotNull().When(h => h.Latitude is not null).WithMessage("is required with latitude (or give neither: the address is then located)")
            .InclusiveBetween(-180, 180);
        RuleFor(h => h.Address).NotEmpty().MaximumLength(Host.MaxAddressLength);
        RuleFor(h => h.Beds).NotNull().InclusiveBetween(0, 50);
        RuleFor(h => h.MaxHouseholds).InclusiveBetween(1, 20);
        RuleFor(h => h.Accepts).NotNull();
        RuleForEach(h => h.Accepts).Must(c => HouseholdCategoryNames.TryParse(c, out _))
            .WithMessage("must be one of minor, family, women, men");
        RuleFor(h => h.Agreement).NotNull();
        RuleFor(h => h.Agreement!.SignedOn).NotNull().When(h => h.Agreement is not null);
        RuleFor(h => h.Agreement!.ValidFrom).NotNull().When(h => h.Agreement is not null);
        RuleFor(h => h.Agreement!.ValidUntil).NotNull().When(h => h.Agreement is not null)
            .GreaterThanOrEqualTo(h => h.Agreement!.ValidFrom).When(h => h.Agreement?.ValidFrom is not null)
            .WithMessage("must not be before validFrom");
        RuleForEach(h => h.WeeklyDays).Must(d => Days.Contains(d)).WithMessage("must be a day of the week in English, e.g. monday");
        RuleFor(h => h.ArrivalUntil).NotNull().When(h => h.ArrivalFrom is not null).WithMessage("is required with arrivalFrom");
        RuleFor(h => h.ArrivalFrom).NotNull().When(h => h.ArrivalUntil is not null).WithMessage("is required with arrivalUntil");
        // ArrivalWindow.Create's rule, said on the field (a 400) rather than as the domain's 409 without one.
        RuleFor(h => h.ArrivalUntil)
            .Must((h, until) => Night.EveningMinute(until!.Value) >= Night.EveningMinute(h.ArrivalFrom!.Value))
            .When(h => h is { ArrivalFrom: not null, ArrivalUntil: not null })
            .WithMessage("must not be before arrivalFrom on the night's clock (00:30 is after 23:00)");
        RuleFor(h => h.Notes).MaximumLength(Host.MaxNotesLength);
        RuleFor(h => h.Programmes).Must(p => p is null || p.Count > 0).WithMessage("must name one-night, stays or both");
        RuleForEach(h => h.Programmes).Must(p => HostProgrammeNames.TryParse(p, out _)).WithMessage("must be one-night or stays");
        RuleFor(h => h.Region).Must(r => r is null || Region.IsValid(r))
            .WithMessage($"must be a region's name: letters, digits, spaces or dashes, at most {Region.MaxLength} characters (e.g. bretagne)");
        RuleFor(h => h.StaysAvailable).Must(p => p is null || p.Count <= Host.MaxStayPeriods)
            .WithMessage($"must list at most {Host.MaxStayPeriods} periods")
            .Must(PeriodInputValidator.Disjoint).WithMessage("must not list periods that share a night");
        RuleForEach(h => h.StaysAvailable).NotNull().SetValidator(new PeriodInputValidator());
        RuleFor(h => h.MaxNightsPerGuest).InclusiveBetween(1, 366);
        RuleFor(h => h.MaxNightsPerMonth).InclusiveBetween(1, Host.MaxNightsInAMonth);
        RuleFor(h => h.StaysAvailable).Must(p => p is null || p.Count == 0).When(h => !h.ToProgrammes().HasFlag(HostProgrammes.Stays))
            .WithMessage("is only for a host in the stays programme (add stays to programmes)");
        RuleFor(h => h.CertifiedUntil).Null().When(h => !h.MinorsCertified).WithMessage("is only for a host certified for minors (minorsCertified)");
    }
}

internal static class HostInputMapping
{
    public static IsoDayOfWeek ToDay(string day) => (IsoDayOfWeek)(Array.IndexOf(HostInputValidator.Days, day) + 1);

    public static HouseholdCategory ToCategory(string text) =>
        HouseholdCategoryNames.TryParse(text, out var c) ? c : throw new ArgumentException($"Unknown category '{text}'.");

    public static Language ToLanguage(string? text) => text == "en" ? Domain.Hosts.Language.En : Domain.Hosts.Language.Fr;

    public static Agreement ToAgreement(this AgreementInput a) => Agreement.Create(a.SignedOn!.Value, a.ValidFrom!.Value, a.ValidUntil!.Value);

    public static ArrivalWindow ToWindow(this HostInput h) =>
        h.ArrivalFrom is { } from && h.ArrivalUntil is { } until ? ArrivalWindow.Create(from, until) : ArrivalWindow.Default;

    public static HostProgrammes ToProgrammes(this HostInput h) =>
        h.Programmes is null
            ? HostProgrammes.OneNight
            : h.Programmes.Aggregate(HostProgrammes.None, (all, p) => HostProgrammeNames.TryParse(p, out var one) ? all | one : all);

    /// <summary>The parts of a host the two programmes added: programmes, region, stays, certificate expiry.</summary>
    private static void ApplyProgrammes(this HostInput h, Host host)
    {
        host.TakePartIn(h.ToProgrammes(), h.Region ?? Region.Default);
        host.SetStaysAvailability((h.StaysAvailable ?? []).Select(p => NightPeriod.Create(p.From!.Value, p.Until!.Value)),
            h.MaxNightsPerGuest ?? Host.DefaultMaxNightsPerGuest);
        host.SetCertificateExpiry(h.MinorsCertified ? h.CertifiedUntil : null);
    }

    /// <summary>A validated input as a new host.</summary>
    public static Host ToNewHost(this HostInput h, Instant now)
    {
        var host = Host.Create(h.Code!, h.DisplayName!, h.Phone!, ToLanguage(h.Language), new(h.Latitude!.Value, h.Longitude!.Value),
            h.Address!, h.Beds!.Value, h.MaxHouseholds ?? 1, h.Accepts!.Select(ToCategory), h.MinorsCertified,
            h.WheelchairAccessible, h.Agreement!.ToAgreement(), now, h.Notes);
        host.SetWeeklyAvailability((h.WeeklyDays ?? []).Select(ToDay), h.ToWindow());
        host.FetchGuestsAtBase(h.PicksUpAtBase);
        host.LimitNightsPerMonth(h.MaxNightsPerMonth);
        h.ApplyProgrammes(host);
        return host;
    }

    /// <summary>Applies a validated input to an existing host (its code stays).</summary>
    public static void ApplyTo(this HostInput h, Host host)
    {
        host.UpdateProfile(h.DisplayName!, h.Phone!, ToLanguage(h.Language), new(h.Latitude!.Value, h.Longitude!.Value), h.Address!, h.Notes);
        host.SetCapacity(h.Beds!.Value, h.MaxHouseholds ?? 1, h.Accepts!.Select(ToCategory), h.MinorsCertified, h.WheelchairAccessible);
        host.RenewAgreement(h.Agreement!.ToAgreement());
        host.SetWeeklyAvailability((h.WeeklyDays ?? []).Select(ToDay), h.ToWindow());
        host.FetchGuestsAtBase(h.PicksUpAtBase);
        host.LimitNightsPerMonth(h.MaxNightsPerMonth);
        h.ApplyProgrammes(host);
    }
}
