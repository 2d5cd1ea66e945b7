using HostingMatch.Application.Sms;
using HostingMatch.Domain.Hosts;
using NodaTime;

namespace HostingMatch.UnitTests.Sms;

/// <summary>The texts a stays host gets when its guest's need ends (the "Stays: exits" region of <see cref="SmsTemplates"/>).</summary>
public sealed class StayExitTemplatesTests
{
    private const string LongName = "Marie-Christine-Alexandrine de la Tour";

    public static TheoryData<string> EveryExitTextInTheWorstRealisticCase()
    {
        var data = new TheoryData<string>();
        foreach (var language in Enum.GetValues<Language>())
        {
            // The longest month names in English, two-digit days.
            data.Add(SmsTemplates.StayCalledOff(language, LongName, new LocalDate(2027, 12, 28), new LocalDate(2028, 1, 25)));
            data.Add(SmsTemplates.StayEndsEarly(language, LongName, new LocalDate(2027, 11, 30), new LocalDate(2027, 12, 28)));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryExitTextInTheWorstRealisticCase))]
    public void EveryExitTextFitsOneGsm7Segment(string text)
    {
        var length = SmsSegments.Measure(text);
        Assert.True(length.IsGsm7, $"Not GSM-7: {text}");
        Assert.True(length.IsSingleSegment, $"{length.Units} units: {text}");
    }

    [Fact]
    public void TheFrenchCalledOffStaySaysWhichNightsAndThatNobodyComes() =>
        Assert.Equal("Bonjour Claire, le séjour prévu chez vous du 12/03 au 09/04 est annulé, il n'est plus nécessaire. Personne ne viendra, inutile de répondre. Merci !",
            SmsTemplates.StayCalledOff(Language.Fr, "Claire Martin", new LocalDate(2027, 3, 12), new LocalDate(2027, 4, 9)));

    [Fact]
    public void TheEnglishShortenedStaySaysTheNewAndTheAgreedMorning() =>
        Assert.Equal("Hello John, the stay at your home ends earlier than planned: leaving on the morning of 15 Mar (instead of 20 Mar). Thank you for hosting!",
            SmsTemplates.StayEndsEarly(Language.En, "John", new LocalDate(2027, 3, 15), new LocalDate(2027, 3, 20)));
}
