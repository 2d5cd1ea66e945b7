using HostingMatch.IntegrationTests.Support;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace HostingMatch.IntegrationTests.Sms;

public sealed class ConcurrentRepliesTests() : OwnApiTest<SmsApiFactory>(new SmsApiFactory())
{
    [Fact]
    public async Task FortySimultaneousRepliesLeaveEveryOfferAndRequestConsistent()
    {
        var phones = Enumerable.Range(0, 40).Select(i => $"+3361000{i:0000}").ToList();
        for (var i = 0; i < 40; i++)
        {
            await Api.AddHostAsync($"h-{i:00}", $"Hote{i}", phones[i], beds: 2);
            await Api.AddFamilyAsync($"Famille {i}", 30 + i, 5);
        }

        await Api.RunMatchingAsync();
        var firstRound = (await Api.SendOffersAsync()).Select(o => (Guid)o!["id"]!).ToHashSet();
        Assert.Equal(40, firstRound.Count);
        await Api.Twilio.WaitForMessagesAsync(40);

        // Even hosts say yes, odd ones no; a few of them twice (Twilio retrying), all at once.
        var replies = phones.Select((phone, i) => (phone, body: i % 2 == 0 ? "OUI" : "NON", sid: $"SM{Guid.NewGuid():N}"))
            .ToList();
        var sends = replies.Concat(replies.Take(5))
            .Select(r => Task.Run(() => Api.Twilio.SendInboundAsync(r.phone, r.body, messageSid: r.sid)))
            .ToList();
        var responses = await Task.WhenAll(sends);

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, $"{r.StatusCode}"));
        await using var db = Api.NewDb();
        var hosts = await db.Hosts.ToDictionaryAsync(h => h.Phone, h => h.Id);
        var offers = await db.Offers.ToListAsync();
        var requests = await db.Requests.ToDictionaryAsync(r => r.Id);
        Assert.Equal(45, await db.InboundSms.CountAsync() + 5);
        for (var i = 0; i < 40; i++)
        {
            // A host who said no may already hold a re-matched offer for another household: look at the first round's.
            var first = offers.Single(o => o.HostId == hosts[phones[i]] && firstRound.Contains(o.Id));
            if (i % 2 == 0)
            {
                Assert.Equal(OfferStatus.Accepted, first.Status);
                Assert.Equal(RequestStatus.Confirmed, requests[first.RequestId].Status);
                Assert.Equal(first.HostId, requests[first.RequestId].HostId);
            }
            else
            {
                Assert.Equal(OfferStatus.Declined, first.Status);
            }
        }

        // No host ever holds two open offers, and every confirmed request has exactly its one accepted offer.
        Assert.All(offers.Where(o => o.Status == OfferStatus.Open).GroupBy(o => o.HostId), g => Assert.Single(g));
        Assert.All(requests.Values.Where(r => r.Status == RequestStatus.Confirmed),
            r => Assert.Single(offers, o => o.RequestId == r.Id && o.Status == OfferStatus.Accepted && o.HostId == r.HostId));
    }
}
