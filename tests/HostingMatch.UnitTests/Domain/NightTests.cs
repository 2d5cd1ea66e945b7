using HostingMatch.Domain;
using NodaTime;

namespace HostingMatch.UnitTests.Domain;

public sealed class NightTests
{
    [Fact]
    public void At_EveningTime_IsOnTheNightItself()
    {
        var at = Night.At(new LocalDate(2026, 11, 26), new LocalTime(21, 30));
        Assert.Equal(new LocalDateTime(2026, 11, 26, 21, 30), at.LocalDateTime);
        Assert.Equal(Offset.FromHours(1), at.Offset);
    }

    [Fact]
    public void At_TimeBeforeNoon_IsAfterMidnight() =>
        Assert.Equal(new LocalDate(2026, 11, 27), Night.At(new LocalDate(2026, 11, 26), new LocalTime(0, 30)).Date);

    [Fact]
    public void At_SpringGap_MovesForwardByTheGap()
    {
        // Night of 2026-03-28: at 02:00 on the 29th clocks jump to 03:00.
        var at = Night.At(new LocalDate(2026, 3, 28), new LocalTime(2, 30));
        Assert.Equal(new LocalDateTime(2026, 3, 29, 3, 30), at.LocalDateTime);
        Assert.Equal(Offset.FromHours(2), at.Offset);
    }

    [Fact]
    public void At_AutumnRepeat_TakesTheFirstOccurrence()
    {
        // Night of 2026-10-24: at 03:00 on the 25th clocks go back to 02:00.
        var at = Night.At(new LocalDate(2026, 10, 24), new LocalTime(2, 30));
        Assert.Equal(Offset.FromHours(2), at.Offset);
    }

    [Fact]
    public void Current_BeforeNoon_IsLastEveningsNight()
    {
        var morning = Instant.FromUtc(2026, 11, 27, 5, 0); // 06:00 in Paris
        Assert.Equal(new LocalDate(2026, 11, 26), Night.Current(morning));
        Assert.Equal(new LocalDate(2026, 11, 27), Night.Current(Instant.FromUtc(2026, 11, 27, 19, 0)));
    }
}
