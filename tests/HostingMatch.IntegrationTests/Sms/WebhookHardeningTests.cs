using System.Net;
using Microsoft.EntityFrameworkCore;

namespace HostingMatch.IntegrationTests.Sms;

/// <summary>
/// Issue 13, items 1 and 4: whatever a validly signed webhook holds, it is stored safely or refused with a 4xx, never a
/// 500; and a flood of unsigned or forged calls spends its own address's small budget, never Twilio's.
/// </summary>
public sealed class WebhookHardeningTests : IAsyncLifetime
{
    private const string Claire = "+33611111111";

    private readonly SmsApiFactory api = new(workers: false, settings: new Dictionary<string, string?>
    {
        ["RateLimits:WebhookPermitLimit"] = "40",
        ["RateLimits:AnonymousPermitLimit"] = "5",
        ["RateLimits:WindowSeconds"] = "60",
    });

    public Task InitializeAsync() => api.InitializeAsync();

    public Task DisposeAsync() => api.DisposeAsync();

    [Fact]
    public async Task AFloodOfForgedWebhooksDoesNotSpendTwiliosBudget()
    {
        await api.AddHostAsync("h-claire", "Claire", Claire);
        var forged = Enumerable.Range(0, 60).Select(i => i % 2 == 0
            ? api.Twilio.SendInboundAsync(Claire, "OUI", signature: Convert.ToBase64String(new byte[20]))
            : api.Client.PostAsync("/sms/inbound", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["MessageSid"] = $"SM{i:D32}", ["From"] = Claire, ["Body"] = "OUI",
            })));
        var forgedStatuses = (await Task.WhenAll(forged)).Select(r => r.StatusCode).ToList();

        // More forged calls than Twilio's whole budget; every one refused, most before they were even looked at.
        Assert.All(forgedStatuses, s => Assert.True(s is HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests, $"{s}"));
        Assert.Contains(HttpStatusCode.TooManyRequests, forgedStatuses);
        for (var i = 0; i < 30; i++)
        {
            var signed = await api.Twilio.SendInboundAsync(Claire, "AIDE");
            Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        }

        await using var db = api.NewDb();
        Assert.Equal(30, await db.InboundSms.CountAsync());
    }

    [Theory]
    [InlineData("a MessageSid of 100 characters", "SM", 100, null)]
    [InlineData("a From of 40 characters", "From", 40, null)]
    [InlineData("a NUL in From", "From", 0, "+3361111\u00001111")]
    public async Task ASignedWebhookWithFieldsTwilioNeverSendsIsRefusedWith400AndStoresNothing(string what, string field, int length, string? value)
    {
        var from = field == "From" ? value ?? "+" + new string('3', length - 1) : Claire;
        var sid = field == "SM" ? "SM" + new string('a', length - 2) : null;

        var response = await api.Twilio.SendInboundAsync(from, "OUI", messageSid: sid);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await using var db = api.NewDb();
        Assert.Empty(await db.InboundSms.ToListAsync());
    }

    [Fact]
    public async Task ASignedSmsWhoseBodyHoldsANulIsRefusedWith400AndStoresNothing()
    {
        await api.AddHostAsync("h-claire", "Claire", Claire);

        var response = await api.Twilio.SendInboundAsync(Claire, "OU\u0000I");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = api.NewDb();
        Assert.Empty(await db.InboundSms.ToListAsync());
    }

    [Fact]
    public async Task ASignedSmsWhoseBodyHoldsOtherControlCharactersIsStoredWithoutThem()
    {
        await api.AddHostAsync("h-claire", "Claire", Claire);

        var response = await api.Twilio.SendInboundAsync(Claire, "AI\u0001DE\u202E");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = api.NewDb();
        var stored = Assert.Single(await db.InboundSms.ToListAsync());
        Assert.Equal("AI\uFFFDDE", stored.Body);
    }
}
