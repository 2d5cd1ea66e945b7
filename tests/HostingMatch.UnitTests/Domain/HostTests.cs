using HostingMatch.Domain.Common;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Households;
using NodaTime;

namespace HostingMatch.UnitTests.Domain;

public sealed class HostTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 26, 18, 0);
    private static readonly LocalDate Thursday = new(2026, 11, 26);
    private static readonly LocalDate Friday = new(2026, 11, 27);

    private static Host NewHost(string phone = "+33612345678", int beds = 2, LocalDate? validUntil = null)
    {
        var host = Host.Create("h-1", "Claire", phone, Language.Fr, new GeoPoint(48.85, 2.35), "1 rue X", beds, 1,
            [HouseholdCategory.Family], false, false,
            Agreement.Create(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 15), validUntil ?? new LocalDate(2027, 1, 14)), Now);
        host.SetWeeklyAvailability([IsoDayOfWeek.Thursday], ArrivalWindow.Default);
        return host;
    }

    [Fact]
    public void CanHostOn_FollowsTheWeeklyPattern()
    {
        var host = NewHost();
        Assert.True(host.CanHostOn(Thursday));
        Assert.False(host.CanHostOn(Friday));
    }

    [Fact]
    public void CanHostOn_AOneNightExceptionWins_AndCanBeCleared()
    {
        var host = NewHost();
        host.SetAvailabilityOn(Thursday, false);
        host.SetAvailabilityOn(Friday, true);
        Assert.False(host.CanHostOn(Thursday));
        Assert.True(host.CanHostOn(Friday));
        host.ClearAvailabilityOn(Thursday);
        Assert.True(host.CanHostOn(Thursday));
    }

    [Fact]
    public void CanHostOn_AgreementBoundsAreInclusive()
    {
        var host = NewHost(validUntil: Thursday);
        Assert.True(host.CanHostOn(Thursday));
        host.SetAvailabilityOn(Thursday.PlusDays(7), true);
        Assert.False(host.CanHostOn(Thursday.PlusDays(7)));
    }

    [Fact]
    public void CanHostOn_AfterStop_IsFalseUntilTheHostOptsBackIn()
    {
        var host = NewHost();
        host.OptOutOfSms(Now);
        Assert.False(host.CanHostOn(Thursday));
        host.OptBackIntoSms();
        Assert.True(host.CanHostOn(Thursday));
    }

    [Theory]
    [InlineData("0612345678")]
    [InlineData("+33 6 12 34 56 78")]
    [InlineData("")]
    public void Create_WithAPhoneNotInE164_Throws(string phone) =>
        Assert.Equal("host-invalid", Assert.Throws<DomainException>(() => NewHost(phone: phone)).Code);

    [Fact]
    public void Create_WithNegativeBeds_Throws() =>
        Assert.Throws<DomainException>(() => NewHost(beds: -1));

    [Fact]
    public void Agreement_EndingBeforeItStarts_Throws() =>
        Assert.Equal("agreement-invalid", Assert.Throws<DomainException>(() =>
            Agreement.Create(new LocalDate(2026, 1, 1), new LocalDate(2026, 2, 1), new LocalDate(2026, 1, 31))).Code);

    [Fact]
    public void ArrivalWindow_MayRunPastMidnight_ButNotBackwards()
    {
        Assert.Equal(new LocalTime(0, 30), ArrivalWindow.Create(new LocalTime(21, 0), new LocalTime(0, 30)).Until);
        Assert.Throws<DomainException>(() => ArrivalWindow.Create(new LocalTime(23, 0), new LocalTime(21, 0)));
    }

    [Fact]
    public void ArrivalWindow_Default_IsANewValueEachTime() =>
        // EF Core attaches an owned value to one host: sharing one instance lost the second host's window.
        Assert.NotSame(ArrivalWindow.Default, ArrivalWindow.Default);

    [Theory]
    [InlineData("06 12 34 56 78", "+33612345678")]
    [InlineData("0033612345678", "+33612345678")]
    [InlineData("+44 7700 900123", "+447700900123")]
    [InlineData("12", null)]
    public void PhoneNumber_Normalize_TurnsWhatPeopleTypeIntoE164(string typed, string? expected) =>
        Assert.Equal(expected, PhoneNumber.Normalize(typed));

    [Fact]
    public void AStaysOnlyHost_IsNeverAvailableForOneNight_ButHostsStaysInItsPeriods()
    {
        var host = NewHost();
        host.TakePartIn(HostingMatch.Domain.Stays.HostProgrammes.Stays, "Bretagne");
        host.SetStaysAvailability([HostingMatch.Domain.Stays.NightPeriod.Create(Thursday, Thursday.PlusDays(7))], 14);

        Assert.False(host.CanHostOn(Thursday));
        Assert.True(host.CanHostStayOn(Thursday));
        Assert.True(host.CanHostStayOn(Thursday.PlusDays(6)));
        Assert.False(host.CanHostStayOn(Thursday.PlusDays(7)));
        Assert.Equal("bretagne", host.Region);
        Assert.Equal(14, host.MaxNightsPerGuest);
    }

    [Fact]
    public void IsCertifiedForMinorsOn_HonoursTheExpiry_InclusiveAndNeutralWhenAbsent()
    {
        var host = NewHost();
        host.SetCapacity(2, 1, [HouseholdCategory.Minor], minorsCertified: true, wheelchairAccessible: false);
        Assert.True(host.IsCertifiedForMinorsOn(Thursday.PlusDays(1000)));
        host.SetCertificateExpiry(Thursday);
        Assert.True(host.IsCertifiedForMinorsOn(Thursday));
        Assert.False(host.IsCertifiedForMinorsOn(Friday));
    }

    [Fact]
    public void TakePartIn_NoProgramme_IsNotPossible() =>
        Assert.Equal("host-invalid", Assert.Throws<DomainException>(() => NewHost().TakePartIn(HostingMatch.Domain.Stays.HostProgrammes.None, "nord")).Code);
}
