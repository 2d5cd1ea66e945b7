using HostingMatch.Application.Sms;
using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Requests;
using NodaTime;

namespace HostingMatch.UnitTests.Sms;

public sealed class SmsTemplatesTests
{
    private static readonly Member Mother = new(34, Sex.Female);
    private static readonly LocalTime HalfPastNine = new(21, 30);

    [Fact]
    public void AStayProposalSaysWhoAndFromWhichDayToWhichMorning()
    {
        Assert.Equal("Bonjour Claire, pouvez-vous accueillir 1 jeune (16 ans) du lundi 1 au lundi 29 mars ? Répondez OUI ou NON.",
            SmsTemplates.StayProposal(Language.Fr, "Claire Martin", [new(16, Sex.Male)], new LocalDate(2027, 3, 1), new LocalDate(2027, 3, 29)));
        Assert.Equal("Hello John, can you host 1 young person (16) from Monday 22 February to Monday 22 March? Reply YES or NO.",
            SmsTemplates.StayProposal(Language.En, "John", [new(16, Sex.Male)], new LocalDate(2027, 2, 22), new LocalDate(2027, 3, 22)));
    }

    [Theory]
    [InlineData(CheckInAlertReason.HostAsksForCall, "l'hôte demande un appel.")]
    [InlineData(CheckInAlertReason.HostOptedOut, "l'hôte ne reçoit plus nos SMS (STOP).")]
    [InlineData(CheckInAlertReason.Unanswered, "pas de réponse au point de la semaine.")]
    public void AReferentIsToldWhoWhereAndWhy_InOneSegment(CheckInAlertReason reason, string why)
    {
        var text = SmsTemplates.ReferentAlert("Odile Le Bris", "Famille K.", "Marie-Christine-Alexandrine", "+33611111111", reason);
        Assert.Contains(why, text);
        Assert.StartsWith("Bonjour Odile, séjour de Famille K. chez Marie-Christi", text);
        Assert.True(SmsSegments.Measure(text).Segments <= 2, text);
    }

    [Fact]
    public void TheFrenchOfferReadsAsTheSpecSays()
    {
        var text = SmsTemplates.Offer(Language.Fr, "Claire Martin", [Mother, new(7, Sex.Male), new(4, Sex.Female)], HalfPastNine);
        Assert.Equal("Bonsoir Claire, pouvez-vous accueillir ce soir 1 adulte et 2 enfants (4 et 7 ans) ? Arrivée vers 21h30. Répondez OUI ou NON.", text);
    }

    [Fact]
    public void TheEnglishOfferSaysTheSameInEnglish()
    {
        var text = SmsTemplates.Offer(Language.En, "John", [Mother, new(7, Sex.Male), new(4, Sex.Female)], HalfPastNine);
        Assert.Equal("Good evening John, can you host tonight 1 adult and 2 children (4 and 7)? Arriving around 21:30. Reply YES or NO.", text);
    }

    [Theory]
    [InlineData(Language.Fr, PlannedRideWay.Vehicle, "Arrivée vers 21h40 en voiture. Répondez")]
    [InlineData(Language.Fr, PlannedRideWay.HostFetches, "? Vous venez les chercher à la base à 20h30. Répondez")]
    [InlineData(Language.Fr, PlannedRideWay.PublicTransport, "Arrivée vers 21h40 en métro avec un bénévole. Répondez")]
    [InlineData(Language.En, PlannedRideWay.Vehicle, "Arriving around 21:40 by car. Reply")]
    [InlineData(Language.En, PlannedRideWay.HostFetches, "? You fetch them at the base at 20:30. Reply")]
    [InlineData(Language.En, PlannedRideWay.PublicTransport, "Arriving around 21:40 by metro with a volunteer. Reply")]
    public void TheOfferSaysHowTheGuestsArrive(Language language, PlannedRideWay way, string expected)
    {
        var text = SmsTemplates.Offer(language, "Claire", [Mother, new(7, Sex.Male)], new OfferArrival(way, new LocalTime(21, 40), new LocalTime(20, 30)));
        Assert.Contains(expected, text);
    }

    [Theory]
    [InlineData(Language.Fr, "1 jeune (16 ans)")]
    [InlineData(Language.En, "1 young person (16)")]
    public void AMinorAloneIsAYoungPerson(Language language, string expected) =>
        Assert.Equal(expected, People.Describe(language, [new Member(16, Sex.Male)]));

    [Fact]
    public void ThreeChildrenAreListedWithCommasAndABabyIsUnderOne() =>
        Assert.Equal("2 adultes et 3 enfants (<1, 3 et 9 ans)",
            People.Describe(Language.Fr, [new(30, Sex.Female), new(33, Sex.Male), new(9, Sex.Male), new(0, Sex.Female), new(3, Sex.Male)]));

    [Fact]
    public void TheDescriptionNeverContainsTheAliasOrAnythingButCountsAndAges()
    {
        var text = People.Describe(Language.Fr, [Mother, new(4, Sex.Female)]);
        Assert.Matches("^[0-9a-z ,()<]+$", text);
    }

    [Fact]
    public void ANameOutsideGsm7IsWrittenWithoutItsAccentsSoTheOfferStaysOneSegment()
    {
        var text = SmsTemplates.Offer(Language.Fr, "Françoise Lefèvre", [Mother], HalfPastNine);
        Assert.StartsWith("Bonsoir Francoise,", text);
        Assert.True(SmsSegments.Measure(text).IsGsm7);
    }

    [Fact]
    public void ANameWithNothingInGsm7IsLeftOut() =>
        Assert.StartsWith("Bonsoir, pouvez-vous", SmsTemplates.Offer(Language.Fr, "محمد", [Mother], HalfPastNine));

    [Fact]
    public void ALongFirstNameIsCut() =>
        Assert.StartsWith("Bonsoir Maximilianusse,", SmsTemplates.Offer(Language.Fr, "Maximilianussen-Hohenberg", [Mother], HalfPastNine));

    public static TheoryData<string> EveryTemplateInTheWorstRealisticCase()
    {
        var longName = "Marie-Christine-Alexandrine de la Tour";
        var bigFamily = new Member[] { new(40, Sex.Female), new(42, Sex.Male), new(19, Sex.Male), new(17, Sex.Male), new(15, Sex.Female), new(13, Sex.Male), new(11, Sex.Female), new(9, Sex.Male), new(7, Sex.Female), new(5, Sex.Male), new(0, Sex.Female) };
        var data = new TheoryData<string>();
        foreach (var language in Enum.GetValues<Language>())
        {
            data.Add(SmsTemplates.Offer(language, longName, bigFamily, new LocalTime(23, 45)));
            data.Add(SmsTemplates.Offer(language, longName, [new(17, Sex.Male), new(16, Sex.Male), new(15, Sex.Male), new(14, Sex.Male)], new LocalTime(0, 30)));
            foreach (var way in Enum.GetValues<PlannedRideWay>())
            {
                data.Add(SmsTemplates.Offer(language, longName, bigFamily, new OfferArrival(way, new LocalTime(23, 45), new LocalTime(23, 20))));
                data.Add(SmsTemplates.Offer(language, longName, [new(61, Sex.Male), new(59, Sex.Male), new(58, Sex.Male), new(57, Sex.Male)],
                    new OfferArrival(way, new LocalTime(0, 30), new LocalTime(23, 55))));
            }

            data.Add(SmsTemplates.Thanks(language, longName));
            foreach (var month in Enumerable.Range(1, 12))
            {
                data.Add(SmsTemplates.MonthlyThanks(language, longName, new LocalDate(2026, month, 1), 123, 31));
            }

            foreach (var way in Enum.GetValues<PlannedRideWay>())
            {
                var at = Instant.FromUtc(2026, 11, 26, 22, 45);
                data.Add(SmsTemplates.Thanks(language, longName, new PlannedRide(way, at, "Voiture de Marie-Christine", 3, at - Duration.FromMinutes(50))));
            }

            // Stays: the longest dates (two months, the longest day and month names), a big household, a long name.
            foreach (var (from, until) in new[] { (new LocalDate(2027, 9, 29), new LocalDate(2027, 12, 29)), (new LocalDate(2027, 2, 3), new LocalDate(2027, 2, 24)) })
            {
                data.Add(SmsTemplates.StayProposal(language, longName, bigFamily, from, until));
                data.Add(SmsTemplates.StayProposal(language, longName, [new(17, Sex.Male), new(16, Sex.Male), new(15, Sex.Male)], from, until));
                data.Add(SmsTemplates.StayReminder(language, longName, bigFamily, from, until));
                data.Add(SmsTemplates.StayThanks(language, longName, from));
            }

            data.Add(SmsTemplates.HostFetchTime(language, longName, new LocalTime(23, 45)));
            data.Add(SmsTemplates.StayNoLongerOpen(language));
            data.Add(SmsTemplates.StayCancelAck(language));
            data.Add(SmsTemplates.CheckIn(language, longName));
            data.Add(SmsTemplates.CheckInThanks(language));
            data.Add(SmsTemplates.CheckInCallAck(language));
            data.Add(SmsTemplates.DeclineAck(language));
            data.Add(SmsTemplates.Help(language));
            data.Add(SmsTemplates.NothingPending(language));
            data.Add(SmsTemplates.TooLate(language));
            data.Add(SmsTemplates.CancelAck(language));
            data.Add(SmsTemplates.StillConfirmed(language));
            data.Add(SmsTemplates.ConfirmedCancelHelp(language));
            data.Add(SmsTemplates.StayCancelled(language, longName));
            data.Add(SmsTemplates.OptOutAck(language));
            data.Add(SmsTemplates.OptInAck(language));
            data.Add(SmsTemplates.VanArrival(language, longName, new LocalTime(22, 15)));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryTemplateInTheWorstRealisticCase))]
    public void EveryTemplateFitsOneGsm7Segment(string text)
    {
        var length = SmsSegments.Measure(text);
        Assert.True(length.IsGsm7, $"Not GSM-7: {text}");
        Assert.True(length.IsSingleSegment, $"{length.Units} units: {text}");
    }

    [Fact]
    public void ABigHouseholdLosesItsAgesRatherThanTakeTwoSegments()
    {
        var members = Enumerable.Range(0, 16).Select(i => new Member(i + 1, Sex.Male)).Prepend(new Member(40, Sex.Female)).ToArray();
        var text = SmsTemplates.Offer(Language.Fr, "Claire", members, HalfPastNine);
        Assert.Contains("1 adulte et 16 enfants ?", text);
    }
}
