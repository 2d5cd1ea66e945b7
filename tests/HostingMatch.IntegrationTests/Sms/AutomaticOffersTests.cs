using HostingMatch.IntegrationTests.Support;
namespace HostingMatch.IntegrationTests.Sms;

public sealed class AutomaticOffersTests() : OwnApiTest<SmsApiFactory>(new SmsApiFactory(sendAutomatically: true))
{
    [Fact]
    public async Task WithAutomaticSendingTheMatchingsProposalsGoOutWithoutACoordinator()
    {
        await Api.AddHostAsync("h-claire", "Claire", "+33611111111");
        await Api.AddFamilyAsync("Famille A.", 34, 7);

        await Api.RunMatchingAsync();

        var sms = Assert.Single(await Api.Twilio.WaitForMessagesAsync(1));
        Assert.Equal("+33611111111", sms.To);
        Assert.Equal("open", (string?)(await Api.WaitForOffersAsync(o => o.Count == 1))[0]!["status"]);
    }
}
