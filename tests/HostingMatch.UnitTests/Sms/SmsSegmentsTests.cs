using HostingMatch.Application.Sms;

namespace HostingMatch.UnitTests.Sms;

public sealed class SmsSegmentsTests
{
    [Fact]
    public void OneHundredSixtyGsmCharactersAreOneSegment() =>
        Assert.Equal(new SmsLength(true, 160, 1), SmsSegments.Measure(new string('a', 160)));

    [Fact]
    public void OneHundredSixtyOneGsmCharactersAreTwoSegmentsOf153() =>
        Assert.Equal(new SmsLength(true, 161, 2), SmsSegments.Measure(new string('a', 161)));

    [Fact]
    public void ExtensionCharactersCountTwice() =>
        Assert.Equal(2, SmsSegments.Measure("€").Units);

    [Fact]
    public void FrenchAccentsInGsm7StayGsm7ButCedillaAndCircumflexDoNot()
    {
        Assert.True(SmsSegments.Measure("Arrivée, déjà, où").IsGsm7);
        Assert.False(SmsSegments.Measure("reçu").IsGsm7);
        Assert.False(SmsSegments.Measure("être").IsGsm7);
    }

    [Fact]
    public void OneEmojiTurnsTheWholeBodyIntoUcs2OfSeventyPerSegment()
    {
        Assert.Equal(new SmsLength(false, 70, 1), SmsSegments.Measure(new string('a', 68) + "👍"));
        Assert.Equal(new SmsLength(false, 71, 2), SmsSegments.Measure(new string('a', 69) + "👍"));
    }
}
