using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HostingMatch.Domain.Sms;
using HostingMatch.IntegrationTests.Sms;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace HostingMatch.IntegrationTests.Stays;

/// <summary>
/// Journeys between homes over real HTTP, PostgreSQL and the fake Twilio: derived from the agreed chain, arranged by a
/// coordinator, the hosts told their times and the volunteer driver the signed journey sheet.
/// </summary>
public sealed class JourneysTests() : OwnApiTest<SmsApiFactory>(new SmsApiFactory())
{
    private const string AnnePhone = "+33611111111";
    private const string BobPhone = "+33622222222";
    private const string DriverPhone = "+33633333333";

    private HttpClient Client => Api.Client;

    /// <summary>
    /// On 19 November Famille A. needs 28 nights from the 20th; each of the two Breton hosts takes a guest 14 nights at most:
    /// Anne (French) from the 20th, Bob (English) from 4 December. Both stays are confirmed. Returns the two stays' ids and the move's minutes.
    /// </summary>
    private async Task<(Guid First, Guid Move, int Minutes)> ArrangeAsync()
    {
        Api.Clock.Reset(Instant.FromUtc(2026, 11, 19, 17, 0));
        foreach (var (code, longitude, name, phone, language, address) in new[]
                 {
                     ("k-a", -1.60, "Anne Leroy", AnnePhone, "fr", "3 rue de Brest, 35000 Rennes"),
                     ("k-b", -1.70, "Bob Martin", BobPhone, "en", "8 allée des Lices, 35000 Rennes"),
                 })
        {
            var host = StaysBuilders.StaysHost(code, longitude, maxNightsPerGuest: 14);
            (host["displayName"], host["phone"], host["language"], host["address"]) = (name, phone, language, address);
            await Client.CreateAsync("/api/v1/hosts", host);
        }

        var guest = await Client.CreateAsync("/api/v1/stays/guests", StaysBuilders.Guest("Famille A.", "2026-11-20"));
        var plan = await Client.PlanStaysAsync("2026-12-18");
        var chain = StaysBuilders.StaysOf(plan, guest).ToList();
        Assert.Equal(2, chain.Count);
        foreach (var stay in chain)
        {
            await Client.SetStayStatusAsync(stay["stayId"]!.GetValue<Guid>(), "confirmed");
        }

        return (chain[0]["stayId"]!.GetValue<Guid>(), chain[1]["stayId"]!.GetValue<Guid>(), (int)chain[1]["journeyMinutes"]!);
    }

    private async Task<int> QueuedSmsAsync()
    {
        await using var db = Api.NewDb();
        return await db.OutboundSms.CountAsync();
    }

    private Task<HttpResponseMessage> ArrangeAsync(Guid stay, JsonObject body) => Client.PutAsJsonAsync($"/api/v1/stays/journeys/{stay}", body);

    private static JsonObject ByDriver(string time, decimal cost = 12.5m) => new()
    {
        ["way"] = "volunteer-driver", ["departureTime"] = time, ["driverFirstName"] = "Paul", ["driverPhone"] = DriverPhone,
        ["costEuros"] = cost, ["notes"] = "Essence remboursée",
    };

    [Fact]
    public async Task TheChainsJourneysAreListedAndArrangingOneTellsBothHostsAndTheDriver()
    {
        var (first, move, minutes) = await ArrangeAsync();

        var journeys = await (await Client.GetAsync("/api/v1/stays/journeys?from=2026-11-19&until=2026-12-31")).ReadArrayAsync();
        Assert.Equal(2, journeys.Count);
        var toFirst = journeys[0]!;
        Assert.Equal(first, toFirst["id"]!.GetValue<Guid>());
        Assert.Equal("2026-11-20", (string?)toFirst["date"]);
        Assert.Null(toFirst["from"]!["hostId"]);
        Assert.Equal("Porte de la Chapelle", (string?)toFirst["from"]!["address"]);
        Assert.Equal("k-a", (string?)toFirst["to"]!["hostCode"]);
        Assert.Equal("not-arranged", (string?)toFirst["way"]);
        var toMove = journeys[1]!;
        Assert.Equal(move, toMove["id"]!.GetValue<Guid>());
        Assert.Equal("2026-12-04", (string?)toMove["date"]);
        Assert.Equal("k-a", (string?)toMove["from"]!["hostCode"]);
        Assert.Equal("k-b", (string?)toMove["to"]!["hostCode"]);
        Assert.Equal(minutes, (int)toMove["minutes"]!);
        Assert.Empty(await (await Client.GetAsync("/api/v1/stays/journeys?from=2026-12-05&until=2026-12-31")).ReadArrayAsync());

        var arranged = await ArrangeAsync(move, ByDriver("10:00"));
        Assert.Equal(HttpStatusCode.OK, arranged.StatusCode);
        var journey = await arranged.ReadObjectAsync();
        Assert.Equal("volunteer-driver", (string?)journey["way"]);
        Assert.Equal(new LocalTime(10, 0).PlusMinutes(minutes).ToString("HH:mm", null), (string?)journey["arrivalTime"]);
        Assert.Equal(12.5m, (decimal)journey["costEuros"]!);
        Assert.True((bool)journey["hostsTold"]!);

        var sent = await Api.Twilio.WaitForMessagesAsync(3);
        var arrival = new LocalTime(10, 0).PlusMinutes(minutes).ToString("HH:mm", null);
        Assert.Equal("Bonjour Anne, le départ de vos invités vers leur prochain accueil est prévu le vendredi 4 décembre à 10h00. Merci pour votre accueil !",
            sent.Single(m => m.To == AnnePhone).Body);
        Assert.Equal($"Hello Bob, your guests arrive on Friday 4 December around {arrival}, driven by a volunteer. Thank you for hosting them!",
            sent.Single(m => m.To == BobPhone).Body);
        var toDriver = sent.Single(m => m.To == DriverPhone).Body;
        Assert.StartsWith("Bonjour Paul, merci de conduire le trajet du vendredi 4 décembre entre 2 accueils : départ 10h00", toDriver);
        Assert.DoesNotContain(sent, m => m.Body.Contains("Famille", StringComparison.Ordinal));

        // The driver's sheet opens without an account, and lists both homes with their hosts and navigation links.
        var link = toDriver[toDriver.IndexOf(Api.PublicBaseUrl, StringComparison.Ordinal)..];
        using var anonymous = new HttpClient();
        var sheet = await anonymous.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        var html = await sheet.Content.ReadAsStringAsync();
        foreach (var expected in new[] { "Anne Leroy", AnnePhone, "3 rue de Brest", "Bob Martin", BobPhone, "8 allée des Lices", "geo:48.11,-1.7", "Départ 10:00" })
        {
            Assert.Contains(System.Net.WebUtility.HtmlDecode(expected), System.Net.WebUtility.HtmlDecode(html));
        }

        Assert.DoesNotContain("Famille", html);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(link[..^3] + "xyz")).StatusCode);

        // The cost changes, not the time: nobody is texted again. A new time: both hosts and the driver are.
        Assert.Equal(HttpStatusCode.OK, (await ArrangeAsync(move, ByDriver("10:00", cost: 20m))).StatusCode);
        Assert.Equal(3, await QueuedSmsAsync());
        Assert.Equal(HttpStatusCode.OK, (await ArrangeAsync(move, ByDriver("11:00"))).StatusCode);
        Assert.Equal(6, await QueuedSmsAsync());
        await using (var db = Api.NewDb())
        {
            Assert.Equal(4, await db.OutboundSms.CountAsync(m => m.Kind == SmsKind.StayNotice));
            Assert.Equal(2, await db.OutboundSms.CountAsync(m => m.Kind == SmsKind.Journey));
        }

        // Another volunteer drives: Paul's link no longer opens (the hosts' addresses and phones are not his to read).
        var byLea = ByDriver("11:00");
        (byLea["driverFirstName"], byLea["driverPhone"]) = ("Léa", "+33644444444");
        Assert.Equal(HttpStatusCode.OK, (await ArrangeAsync(move, byLea)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(link)).StatusCode);
        await using (var db = Api.NewDb())
        {
            var toLea = (await db.OutboundSms.Where(m => m.Kind == SmsKind.Journey && m.To == "+33644444444").SingleAsync()).Body;
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(toLea[toLea.IndexOf(Api.PublicBaseUrl, StringComparison.Ordinal)..])).StatusCode);
        }

        // After the journey's day the link has expired.
        Api.Clock.Reset(Instant.FromUtc(2026, 12, 5, 12, 0));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task WhenTheStayAJourneyLedToIsCalledOff_ItsDriverIsToldNotToCome_Once()
    {
        var (_, move, _) = await ArrangeAsync();
        Assert.Equal(HttpStatusCode.OK, (await ArrangeAsync(move, ByDriver("10:00"))).StatusCode);
        await Api.Twilio.WaitForMessagesAsync(3);

        // Bob calls his stay off by SMS before the day.
        await Api.Twilio.SendInboundAsync(BobPhone, "ANNULE");
        for (var round = 0; round < 2; round++)
        {
            await using var scope = Api.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(new Application.Stays.SettleStays());
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Api.Twilio.Messages.Count(m => m.To == DriverPhone) < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await Task.Delay(300);
        var toDriver = Api.Twilio.Messages.Where(m => m.To == DriverPhone).ToList();
        Assert.Equal(2, toDriver.Count);
        Assert.Equal("Bonjour Paul, le trajet du vendredi 4 décembre entre deux accueils est annulé : inutile de venir. Merci de votre aide !", toDriver[1].Body);
    }

    [Fact]
    public async Task AHostWhoSentStopIsNotTextedAndTheCoordinatorsAreAlertedToCallThem()
    {
        var (_, move, _) = await ArrangeAsync();
        await using (var db = Api.NewDb())
        {
            (await db.Hosts.SingleAsync(h => h.Code == "k-a")).OptOutOfSms(Api.Clock.GetCurrentInstant());
            await db.SaveChangesAsync();
        }

        var arranged = await ArrangeAsync(move, new JsonObject { ["way"] = "train", ["departureTime"] = "09:15" });
        Assert.Equal(HttpStatusCode.OK, arranged.StatusCode);

        var sent = Assert.Single(await Api.Twilio.WaitForMessagesAsync(1));
        Assert.Equal(BobPhone, sent.To);
        Assert.Contains("by train", sent.Body);
        var alerts = await (await Client.GetAsync("/api/v1/alerts")).ReadArrayAsync();
        var alert = Assert.Single(alerts, a => (string?)a!["code"] == "stay-journey-not-sent")!;
        Assert.Contains("Anne Leroy (k-a) sent STOP", (string?)alert["message"]);
        Assert.Contains("09:15", (string?)alert["message"]);
        Assert.Equal(1, await QueuedSmsAsync());
    }

    [Fact]
    public async Task BadArrangementsAreRefusedNamingTheFieldsAndAStayWithoutJourneyIsNotFound()
    {
        var (first, _, _) = await ArrangeAsync();

        var missing = await ArrangeAsync(first, new JsonObject { ["way"] = "volunteer-driver", ["costEuros"] = -1, ["driverPhone"] = "0612345678" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var fields = (await missing.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).ToList();
        foreach (var field in new[] { "departureTime", "driverFirstName", "driverPhone", "costEuros" })
        {
            Assert.Contains(field, fields);
        }

        var way = await ArrangeAsync(first, new JsonObject { ["way"] = "helicopter", ["departureTime"] = "10:00" });
        Assert.Contains("way", (await way.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));

        var nul = await ArrangeAsync(first, new JsonObject { ["way"] = "train", ["departureTime"] = "10:00", ["notes"] = "Quai\u00003" });
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);

        // The driver's first name is printed on the journey sheet and in the drivers' SMS, as a van driver's: one line.
        var lines = await ArrangeAsync(first, new JsonObject
        {
            ["way"] = "volunteer-driver", ["departureTime"] = "10:00", ["driverFirstName"] = "Paul\nAdresse : ailleurs", ["driverPhone"] = "+33612345678",
        });
        Assert.Equal(HttpStatusCode.BadRequest, lines.StatusCode);
        Assert.Contains("driverFirstName", (await lines.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));

        Assert.Equal(HttpStatusCode.NotFound, (await ArrangeAsync(Guid.NewGuid(), new JsonObject { ["way"] = "train", ["departureTime"] = "10:00" })).StatusCode);
        var dates = await Client.GetAsync("/api/v1/stays/journeys?from=2026-12-01&until=2026-11-01");
        Assert.Contains("until", (await dates.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(0, await QueuedSmsAsync());
    }
}
