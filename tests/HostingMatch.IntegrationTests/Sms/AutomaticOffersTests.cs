namespace HostingMatch.IntegrationTests.Sms;

public sealed class AutomaticOffersTests : IAsyncLifetime
{
    private readonly SmsApiFactory api = new(sendAutomatically: true);

    public Task InitializeAsync() => api.InitializeAsync();

    public Task DisposeAsync() => api.DisposeAsync();

    [Fact]
    public async Task WithAutomaticSendingTheMatchingsProposalsGoOutWithoutACoordinator()
    {
        await api.AddHostAsync("h-claire", "Claire", "+33611111111");
        await api.AddFamilyAsync("Famille A.", 34, 7);

        await api.RunMatchingAsync();

        var sms = Assert.Single(await api.Twilio.WaitForMessagesAsync(1));
        Assert.Equal("+33611111111", sms.To);
        Assert.Equal("open", (string?)(await api.WaitForOffersAsync(o => o.Count == 1))[0]!["status"]);
    }
}
