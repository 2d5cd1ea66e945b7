using HostingMatch.Application.Sms;

namespace HostingMatch.UnitTests.Sms;

public sealed class ReplyParserTests
{
    [Theory]
    [InlineData("OUI")]
    [InlineData("oui")]
    [InlineData(" Oui !")]
    [InlineData("O U I")]
    [InlineData("Ouí")]
    [InlineData("o")]
    [InlineData("Yes")]
    [InlineData("y")]
    [InlineData("ok 👍")]
    [InlineData("1")]
    [InlineData("Oui, avec plaisir")]
    [InlineData("oui.")]
    public void AcceptWordsInAnyCaseAccentsSpacesOrPunctuationAccept(string body) =>
        Assert.Equal(ReplyIntent.Accept, ReplyParser.Parse(body));

    [Theory]
    [InlineData("NON")]
    [InlineData("non")]
    [InlineData("N")]
    [InlineData("no")]
    [InlineData("2")]
    [InlineData("Non désolée")]
    [InlineData("🙁 non")]
    public void DeclineWordsDecline(string body) => Assert.Equal(ReplyIntent.Decline, ReplyParser.Parse(body));

    [Theory]
    [InlineData("APPEL")]
    [InlineData("appel svp")]
    [InlineData("Appelez-moi")]
    [InlineData("call me")]
    public void CallWordsAskForTheReferentsCall(string body) => Assert.Equal(ReplyIntent.Call, ReplyParser.Parse(body));

    [Theory]
    [InlineData("ANNULE")]
    [InlineData("annulé")]
    [InlineData("Annuler")]
    [InlineData("cancel")]
    public void CancelWordsCancelIncludingCancelWhichTwilioCountsAsAnOptOut(string body) =>
        Assert.Equal(ReplyIntent.Cancel, ReplyParser.Parse(body));

    [Theory]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData("Stop.")]
    [InlineData("STOPALL")]
    [InlineData("unsubscribe")]
    [InlineData("END")]
    [InlineData("quit")]
    [InlineData("arrêt")]
    public void OptOutWordsAloneOptOut(string body) => Assert.Equal(ReplyIntent.OptOut, ReplyParser.Parse(body));

    [Theory]
    [InlineData("START")]
    [InlineData("unstop")]
    public void StartAndUnstopOptBackIn(string body) => Assert.Equal(ReplyIntent.OptIn, ReplyParser.Parse(body));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("👍")]
    [InlineData("peut-être")]
    [InlineData("oui non")]
    [InlineData("stop je ne peux pas ce soir")]
    [InlineData("no problem")]
    [InlineData("3")]
    [InlineData("c'est pour combien de personnes ?")]
    public void AnythingElseAsksForHelp(string? body) => Assert.Equal(ReplyIntent.Help, ReplyParser.Parse(body));
}
