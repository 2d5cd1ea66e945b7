using HostingMatch.Application.Sms;
using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Stays;
using NodaTime;

namespace HostingMatch.UnitTests.Sms;

/// <summary>The texts of a journey between homes ("Stays: journeys" in <see cref="SmsTemplates"/>).</summary>
public sealed class JourneySmsTemplatesTests
{
    private static readonly LocalDate March12 = new(2027, 3, 12);
    private const string LongName = "Marie-Christine-Alexandrine de la Tour";

    [Fact]
    public void TheHostTheGuestsLeaveIsToldTheDepartureTime() =>
        Assert.Equal("Bonjour Claire, le départ de vos invités vers leur prochain accueil est prévu le vendredi 12 mars à 10h00. Merci pour votre accueil !",
            SmsTemplates.JourneyDeparture(Language.Fr, "Claire Martin", March12, new LocalTime(10, 0)));

    [Theory]
    [InlineData(Language.Fr, JourneyWay.VolunteerDriver, "Bonjour Claire, vos invités arrivent le vendredi 12 mars vers 11h40 avec un bénévole en voiture. Merci de les accueillir !")]
    [InlineData(Language.Fr, JourneyWay.Train, "Bonjour Claire, vos invités arrivent le vendredi 12 mars vers 11h40 en train. Merci de les accueillir !")]
    [InlineData(Language.En, JourneyWay.Other, "Hello Claire, your guests arrive on Friday 12 March around 11:40. Thank you for hosting them!")]
    public void TheReceivingHostIsToldTheArrivalTimeAndHow(Language language, JourneyWay way, string expected) =>
        Assert.Equal(expected, SmsTemplates.JourneyArrival(language, "Claire", March12, new LocalTime(11, 40), way));

    [Fact]
    public void EveryDayIsWrittenOutWithItsWeekdayAndMonth_NeverAsNumbers()
    {
        Assert.Contains("le mercredi 30 septembre à", SmsTemplates.JourneyDeparture(Language.Fr, "Claire", new LocalDate(2026, 9, 30), new LocalTime(10, 0)));
        Assert.Contains("on Wednesday 30 September around", SmsTemplates.JourneyArrival(Language.En, "Claire", new LocalDate(2026, 9, 30), new LocalTime(10, 0), JourneyWay.Train));
        Assert.Contains("le trajet du mercredi 30 septembre entre", SmsTemplates.JourneyCalledOff("Paul", new LocalDate(2026, 9, 30)));
    }

    [Fact]
    public void TheDriverGetsTheTimesAndTheSheetsLink()
    {
        var text = SmsTemplates.JourneyDriver("Paul", March12, new LocalTime(10, 0), new LocalTime(11, 40), "https://hm.example/journeys/abc");
        Assert.Equal("Bonjour Paul, merci de conduire le trajet du vendredi 12 mars entre 2 accueils : départ 10h00, arrivée vers 11h40. " +
                     "Adresses et téléphones : https://hm.example/journeys/abc", text);
    }

    public static TheoryData<string> EveryJourneyTextInTheWorstRealisticCase()
    {
        var data = new TheoryData<string>();
        var late = new LocalTime(23, 59);
        // The longest days written out: "mercredi 30 septembre", "Wednesday 30 September".
        var longest = new LocalDate(2026, 9, 30);
        foreach (var language in Enum.GetValues<Language>())
        {
            data.Add(SmsTemplates.JourneyDeparture(language, LongName, longest, late));
            foreach (var way in Enum.GetValues<JourneyWay>())
            {
                data.Add(SmsTemplates.JourneyArrival(language, LongName, longest, late, way));
            }
        }

        data.Add(SmsTemplates.JourneyDriver(LongName, longest, late, late, sheetLink: null));
        data.Add(SmsTemplates.JourneyCalledOff(LongName, longest));
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryJourneyTextInTheWorstRealisticCase))]
    public void EveryJourneyTextFitsOneGsm7SegmentAndNamesNoGuest(string text)
    {
        var length = SmsSegments.Measure(text);
        Assert.True(length.IsGsm7, $"Not GSM-7: {text}");
        Assert.True(length.IsSingleSegment, $"{length.Units} units: {text}");
        Assert.DoesNotContain("Famille", text, StringComparison.OrdinalIgnoreCase);
    }
}
