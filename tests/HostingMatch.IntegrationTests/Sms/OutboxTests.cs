using HostingMatch.IntegrationTests.Support;
using HostingMatch.Domain.Sms;
using HostingMatch.Infrastructure.Sms;
using HostingMatch.Application.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace HostingMatch.IntegrationTests.Sms;

/// <summary>
/// The outbox's guarantees, with the background workers off so the test plays the workers itself:
/// real PostgreSQL, real HTTP to the fake Twilio.
/// </summary>
public sealed class OutboxTests() : OwnApiTest<SmsApiFactory>(new SmsApiFactory(workers: false))
{
    private async Task<List<Guid>> QueueAsync(int count)
    {
        await using var db = Api.NewDb();
        var now = Api.Clock.GetCurrentInstant();
        var messages = Enumerable.Range(0, count)
            .Select(i => OutboundSms.Create($"+336{i:00000000}", $"Message {i}", SmsKind.Notice, null, null, now))
            .ToList();
        db.OutboundSms.AddRange(messages);
        await db.SaveChangesAsync();
        return messages.Select(m => m.Id).ToList();
    }

    private async Task<OutboundSms> ReadAsync(Guid id)
    {
        await using var db = Api.NewDb();
        return await db.OutboundSms.SingleAsync(m => m.Id == id);
    }

    private AsyncServiceScope Worker(out OutboxDispatcher dispatcher)
    {
        var scope = Api.Services.CreateAsyncScope();
        dispatcher = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();
        return scope;
    }

    [Fact]
    public async Task AWorkerKilledAfterClaimingLosesNothingAnotherSendsItOnceTheLeaseLapses()
    {
        var id = (await QueueAsync(1)).Single();
        await using (Worker(out var dying))
        {
            Assert.Single(await dying.ClaimDueAsync(10, CancellationToken.None));
            // The worker dies here: committed as Sending, never sent.
        }

        await using (Worker(out var other))
        {
            Assert.Equal(0, await other.DispatchDueAsync(10, CancellationToken.None));
            Api.Clock.Advance(Duration.FromMinutes(3));
            Assert.Equal(1, await other.DispatchDueAsync(10, CancellationToken.None));
        }

        var sms = Assert.Single(Api.Twilio.Messages);
        var row = await ReadAsync(id);
        Assert.Equal(OutboundSmsStatus.Sent, row.Status);
        Assert.Equal(sms.Sid, row.ProviderSid);
    }

    [Fact]
    public async Task AWorkerKilledAfterTwilioAcceptedButBeforeRecordingItDoesNotSendItTwice()
    {
        Api.Twilio.SendStatusCallbacks = false;
        var id = (await QueueAsync(1)).Single();
        await using (Worker(out var dying))
        {
            var claimed = Assert.Single(await dying.ClaimDueAsync(10, CancellationToken.None));
            var sender = Api.Services.GetRequiredService<ISmsSender>();
            Assert.Equal(SmsSendOutcome.Accepted, (await sender.SendAsync(claimed.To, claimed.Body, null, CancellationToken.None)).Outcome);
            // The worker dies here: Twilio has the message, our row still says Sending.
        }

        Api.Clock.Advance(Duration.FromMinutes(3));
        await using (Worker(out var other))
        {
            Assert.Equal(1, await other.DispatchDueAsync(10, CancellationToken.None));
        }

        var sms = Assert.Single(Api.Twilio.Messages);
        var row = await ReadAsync(id);
        Assert.Equal(OutboundSmsStatus.Sent, row.Status);
        Assert.Equal(sms.Sid, row.ProviderSid);
        Assert.Equal(2, row.Attempts);
    }

    [Fact]
    public async Task TwoWorkersOnOneDatabaseNeverSendTheSameMessageTwice()
    {
        var ids = await QueueAsync(60);

        async Task RunWorkerAsync()
        {
            await using var scope = Worker(out var dispatcher);
            while (await dispatcher.DispatchDueAsync(3, CancellationToken.None) > 0)
            {
            }
        }

        await Task.WhenAll(Task.Run(RunWorkerAsync), Task.Run(RunWorkerAsync));

        var bodies = Api.Twilio.Messages.Select(m => m.Body).ToList();
        Assert.Equal(60, bodies.Count);
        Assert.Equal(60, bodies.Distinct().Count());
        await using var db = Api.NewDb();
        Assert.All(await db.OutboundSms.ToListAsync(), m => Assert.Equal(OutboundSmsStatus.Sent, m.Status));
    }

    [Fact]
    public async Task AWorkerWhoseLeaseLapsedMidBatchDoesNotSendWhatAnotherWorkerTookOver()
    {
        var ids = await QueueAsync(2);
        await using var slowScope = Worker(out var slow);
        var batch = await slow.ClaimDueAsync(10, CancellationToken.None);
        Assert.Equal(2, batch.Count);

        // The slow worker's first Twilio calls outlast its lease; another worker takes the rows over and sends them.
        Api.Clock.Advance(Duration.FromSeconds(150));
        await using (Worker(out var other))
        {
            Assert.Equal(2, await other.DispatchDueAsync(10, CancellationToken.None));
        }

        foreach (var message in batch)
        {
            await slow.SendClaimedAsync(message, CancellationToken.None);
        }

        Assert.Equal(2, Api.Twilio.Messages.Count);
        Assert.Equal(2, Api.Twilio.Messages.Select(m => m.Body).Distinct().Count());
        foreach (var id in ids)
        {
            Assert.Equal(OutboundSmsStatus.Sent, (await ReadAsync(id)).Status);
        }
    }

    private async Task<(Guid Offer, Guid Sms)> QueueAnOfferAsync()
    {
        await Api.AddHostAsync("h-claire", "Claire", "+33611111111");
        await Api.AddFamilyAsync("Famille A.", 34, 7);
        await Api.RunMatchingAsync();
        var offer = (Guid)(await Api.SendOffersAsync()).Single()!["id"]!;
        await using var db = Api.NewDb();
        return (offer, (await db.OutboundSms.SingleAsync(m => m.OfferId == offer)).Id);
    }

    private async Task DispatchAsync()
    {
        await using var scope = Worker(out var worker);
        await worker.DispatchDueAsync(10, CancellationToken.None);
    }

    [Fact]
    public async Task AnOfferSmsWhoseOfferExpiredWhileTwilioWasDownIsSkippedNotSent()
    {
        var (_, id) = await QueueAnOfferAsync();
        Api.Twilio.FailNext(4, System.Net.HttpStatusCode.ServiceUnavailable);
        await DispatchAsync();
        Assert.Equal(OutboundSmsStatus.Pending, (await ReadAsync(id)).Status);

        Api.Clock.Advance(Duration.FromMinutes(21));
        await using (var scope = Api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new HostingMatch.Application.Offers.SettleOffers());
        }

        await DispatchAsync();

        Assert.Empty(Api.Twilio.Messages);
        var row = await ReadAsync(id);
        Assert.Equal(OutboundSmsStatus.Skipped, row.Status);
        Assert.Contains("expired", row.LastError);
        var offer = (await Api.OffersAsync()).Single()!;
        Assert.Equal("expired", (string?)offer["status"]);
        Assert.Equal("skipped", (string?)offer["smsStatus"]);
    }

    [Fact]
    public async Task AnOffersAnswerWindowStartsWhenItsSmsIsHandedToTwilioAndAResendDoesNotMoveIt()
    {
        var (offerId, _) = await QueueAnOfferAsync();
        Api.Twilio.FailNext(4, System.Net.HttpStatusCode.ServiceUnavailable);
        await DispatchAsync();
        Api.Clock.Advance(Duration.FromMinutes(10));
        await DispatchAsync();
        var handedOver = Api.Clock.GetCurrentInstant();
        Assert.Single(Api.Twilio.Messages);

        Api.Clock.Advance(Duration.FromMinutes(5));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await Api.Client.PostAsync($"/api/v1/offers/{offerId}/resend", null)).StatusCode);
        await DispatchAsync();

        Assert.Equal(2, Api.Twilio.Messages.Count);
        await using var db = Api.NewDb();
        Assert.Equal(handedOver + Duration.FromMinutes(20), (await db.Offers.SingleAsync(o => o.Id == offerId)).ExpiresAt);
    }

    [Fact]
    public async Task TwilioDownForLongIsRetriedLaterWithBackoffThenMarkedFailedForTheCoordinators()
    {
        var id = (await QueueAsync(1)).Single();
        Api.Twilio.FailNext(1000, System.Net.HttpStatusCode.ServiceUnavailable);

        await using (Worker(out var worker))
        {
            await worker.DispatchDueAsync(10, CancellationToken.None);
            var afterFirst = await ReadAsync(id);
            Assert.Equal(OutboundSmsStatus.Pending, afterFirst.Status);
            Assert.True(afterFirst.NextAttemptAt > Api.Clock.GetCurrentInstant());
            Assert.Equal(0, await worker.DispatchDueAsync(10, CancellationToken.None));

            for (var i = 0; i < 10; i++)
            {
                Api.Clock.Advance(Duration.FromMinutes(11));
                await worker.DispatchDueAsync(10, CancellationToken.None);
            }
        }

        Assert.Empty(Api.Twilio.Messages);
        var row = await ReadAsync(id);
        Assert.Equal(OutboundSmsStatus.Failed, row.Status);
        Assert.Contains("503", row.LastError);
        await using var db = Api.NewDb();
        Assert.Equal("sms-failed", (await db.Alerts.SingleAsync()).Code);
    }

    [Fact]
    public async Task ANumberTwilioRefusesReachesTheRowAndTheAlertWithItsLastFourDigitsOnly()
    {
        var id = (await QueueAsync(1)).Single();
        var number = (await ReadAsync(id)).To;
        Api.Twilio.Invalid[number] = 0;

        await DispatchAsync();

        var row = await ReadAsync(id);
        Assert.Equal(OutboundSmsStatus.Failed, row.Status);
        Assert.Contains("21211", row.LastError);
        Assert.DoesNotContain(number, row.LastError);
        Assert.Contains("..." + number[^4..], row.LastError);
        await using var db = Api.NewDb();
        var alert = await db.Alerts.SingleAsync();
        Assert.DoesNotContain(number, alert.Message);
        Assert.Contains("..." + number[^4..], alert.Message);
    }

    [Fact]
    public async Task ATwilioCallThatTimesOutIsRetriedLaterAndSentOnce()
    {
        var id = (await QueueAsync(1)).Single();
        Api.Twilio.HangNext(1, TimeSpan.FromSeconds(5));

        await using (Worker(out var worker))
        {
            await worker.DispatchDueAsync(10, CancellationToken.None);
            Assert.Equal(OutboundSmsStatus.Pending, (await ReadAsync(id)).Status);
            Api.Clock.Advance(Duration.FromMinutes(1));
            await worker.DispatchDueAsync(10, CancellationToken.None);
        }

        Assert.Single(Api.Twilio.Messages);
        Assert.Equal(2, Api.Twilio.CreateRequests);
        Assert.Equal(OutboundSmsStatus.Sent, (await ReadAsync(id)).Status);
    }

    [Fact]
    public async Task ATimeoutHidingAMessageTwilioTookIsFoundAndNotSentAgain()
    {
        var id = (await QueueAsync(1)).Single();
        Api.Twilio.AcceptButHangNext(1, TimeSpan.FromSeconds(5));

        await using (Worker(out var worker))
        {
            await worker.DispatchDueAsync(10, CancellationToken.None);
            Assert.Equal(OutboundSmsStatus.Pending, (await ReadAsync(id)).Status);
            Api.Clock.Advance(Duration.FromMinutes(1));
            await worker.DispatchDueAsync(10, CancellationToken.None);
        }

        var sms = Assert.Single(Api.Twilio.Messages);
        Assert.Equal(1, Api.Twilio.CreateRequests);
        var row = await ReadAsync(id);
        Assert.Equal(OutboundSmsStatus.Sent, row.Status);
        Assert.Equal(sms.Sid, row.ProviderSid);
    }
}
