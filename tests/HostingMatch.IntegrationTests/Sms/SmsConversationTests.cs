using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Transport;
using HostingMatch.Domain.Requests;
using HostingMatch.Domain.Sms;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace HostingMatch.IntegrationTests.Sms;

/// <summary>The whole conversation over real HTTP: our Api, PostgreSQL, the fake Twilio, both workers running.</summary>
public sealed class SmsConversationTests() : OwnApiTest<SmsApiFactory>(new SmsApiFactory())
{
    private const string Claire = "+33611111111";
    private const string Bruno = "+33622222222";
    [Fact]
    public async Task AnOfferGoesOutOnceInFrenchWithTheSpecsWording()
    {
        await Api.AddHostAsync("h-claire", "Claire Martin", Claire);
        await Api.AddFamilyAsync("Famille A.", 34, 7, 4);
        await Api.RunMatchingAsync();

        var sent = await Api.SendOffersAsync();
        var again = await Api.SendOffersAsync();

        Assert.Single(sent);
        Assert.Empty(again);
        var sms = Assert.Single(await Api.Twilio.WaitForMessagesAsync(1));
        Assert.Equal(Claire, sms.To);
        Assert.Equal(Api.Twilio.FromNumber, sms.From);
        Assert.Equal("Bonsoir Claire, pouvez-vous accueillir ce soir 1 adulte et 2 enfants (4 et 7 ans) ? Arrivée vers 21h30. Répondez OUI ou NON.", sms.Body);
        Assert.Equal($"{Api.PublicBaseUrl}/sms/status?outbox=", sms.StatusCallback![..^36]);

        // Twilio's status callbacks come back signed and are recorded on the offer's SMS.
        var offers = await Api.WaitForOffersAsync(o => (string?)o[0]!["smsProviderStatus"] == "delivered");
        Assert.Equal("sent", (string?)offers.Single()!["smsStatus"]);
        await Task.Delay(500);
        Assert.Single(Api.Twilio.Messages);
    }

    [Fact]
    public async Task WithTonightsTransportRegistered_TheOfferSaysHowAndWhenTheGuestsArrive()
    {
        await Api.AddHostAsync("h-claire", "Claire Martin", Claire);
        await Api.AddFamilyAsync("Famille A.", 34, 7, 4);
        var car = await Api.Client.PostAsJsonAsync($"/api/v1/nights/{SmsApiFactory.Night}/vehicles", new
        {
            kind = "car", label = "Voiture de Léa", driverFirstName = "Léa", driverPhone = "+33698765432", seats = 3,
            availableFrom = "21:00", availableUntil = "23:30",
        });
        Assert.Equal(HttpStatusCode.Created, car.StatusCode);

        var run = await Api.RunMatchingAsync();
        var ride = run["proposals"]![0]!["ride"]!;
        Assert.Equal("vehicle", (string?)ride["way"]);
        Assert.Equal("Voiture de Léa", (string?)ride["vehicle"]);
        var arrive = OffsetDateTimePattern.ExtendedIso.Parse((string)ride["arriveAt"]!).Value;
        await Api.SendOffersAsync();

        var sms = Assert.Single(await Api.Twilio.WaitForMessagesAsync(1));
        Assert.Equal($"Bonsoir Claire, pouvez-vous accueillir ce soir 1 adulte et 2 enfants (4 et 7 ans) ? Arrivée vers {arrive.Hour}h{arrive.Minute:00} en voiture. Répondez OUI ou NON.", sms.Body);
        var stored = (await (await Api.Client.GetAsync($"/api/v1/nights/{SmsApiFactory.Night}/requests")).ReadArrayAsync()).Single()!;
        Assert.Equal("Voiture de Léa", (string?)stored["ride"]!["vehicle"]);
    }

    [Fact]
    public async Task AHostWhoFetchesTheirGuests_IsToldWhenToBeAtTheBase_Once()
    {
        var claire = Builders.Host("h-claire", 3);
        claire["displayName"] = "Claire";
        claire["phone"] = Claire;
        claire["picksUpAtBase"] = true;
        Assert.Equal(HttpStatusCode.Created, (await Api.Client.PostAsJsonAsync("/api/v1/hosts", claire)).StatusCode);
        await Api.AddFamilyAsync("Famille A.", 34, 7);
        // Only an escort tonight: children never go by metro, so Claire comes for them.
        Assert.Equal(HttpStatusCode.Created, (await Api.Client.PostAsJsonAsync($"/api/v1/nights/{SmsApiFactory.Night}/escorts", new
        {
            firstName = "Sami", phone = "+33677777777",
        })).StatusCode);
        var run = await Api.RunMatchingAsync();
        var ride = run["proposals"]![0]!["ride"]!;
        Assert.Equal("host-fetches", (string?)ride["way"]);
        var leave = OffsetDateTimePattern.ExtendedIso.Parse((string)ride["leaveBaseAt"]!).Value;
        await Api.SendOffersAsync();
        await Api.Twilio.WaitForMessagesAsync(1);
        await Api.Twilio.SendInboundAsync(Claire, "oui");
        await Api.WaitForOffersAsync(o => o.All(x => (string?)x!["status"] == "accepted"));

        await Api.Client.PostAsync($"/api/v1/nights/{SmsApiFactory.Night}/van-runs", null);
        await Api.Client.PostAsync($"/api/v1/nights/{SmsApiFactory.Night}/van-runs/sms", null);
        await Api.Client.PostAsync($"/api/v1/nights/{SmsApiFactory.Night}/van-runs/sms", null);

        var messages = await Api.Twilio.WaitForMessagesAsync(2);
        Assert.Equal($"Bonsoir Claire, rendez-vous à la base à {leave:H'h'mm} pour venir chercher les personnes que vous accueillez ce soir. Merci !",
            messages[1].Body);
        await Task.Delay(300);
        Assert.Equal(2, Api.Twilio.Messages.Count);
    }

    private const string Lea = "+33698765432", Sami = "+33677777777";

    /// <summary>Famille A. at Claire's by Léa's car, M. B. at Bruno's by metro with Sami, both hosts having said yes.</summary>
    private async Task AFamilyByCarAndTwoMenByMetroConfirmedAsync()
    {
        await Api.AddHostAsync("h-claire", "Claire", Claire);
        await Api.AddFamilyAsync("Famille A.", 34, 7);
        await Api.AddTwoMenWithAnEscortAsync("M. B.", "Bruno", Bruno, "Sami", Sami);
        // Léa's car has time for one trip of two: the family (children go by car only); the two men go by metro with Sami.
        Assert.Equal(HttpStatusCode.Created, (await Api.Client.PostAsJsonAsync($"/api/v1/nights/{SmsApiFactory.Night}/vehicles", new
        {
            kind = "car", label = "Voiture de Léa", driverFirstName = "Léa", driverPhone = Lea, seats = 2, availableFrom = "21:00", availableUntil = "21:55",
        })).StatusCode);
        await Api.RunMatchingAsync();
        await Api.SendOffersAsync();
        await Api.Twilio.WaitForMessagesAsync(2);
        await Api.Twilio.SendInboundAsync(Claire, "oui");
        await Api.Twilio.SendInboundAsync(Bruno, "oui");
        await Api.WaitForOffersAsync(o => o.All(x => (string?)x!["status"] == "accepted"));
    }

    [Fact]
    public async Task OnceTheRidesArePlanned_TheDriverGetsTheTripsAndTheEscortTheHouseholdAndTheAddress()
    {
        await AFamilyByCarAndTwoMenByMetroConfirmedAsync();
        var runs = await (await Api.Client.PostAsync($"/api/v1/nights/{SmsApiFactory.Night}/van-runs", null)).ReadObjectAsync();
        var trip = Assert.Single(runs["trips"]!.AsArray())!;
        Assert.Equal("Voiture de Léa", (string?)trip["vanId"]);
        var departs = OffsetDateTimePattern.ExtendedIso.Parse((string)trip["departAt"]!).Value;
        var requests = await (await Api.Client.GetAsync($"/api/v1/nights/{SmsApiFactory.Night}/requests")).ReadArrayAsync();
        var men = requests.Single(r => (string?)r!["alias"] == "M. B.")!["ride"]!;
        Assert.Equal("public-transport", (string?)men["way"]);
        var leaves = OffsetDateTimePattern.ExtendedIso.Parse((string)men["leaveBaseAt"]!).Value;
        await Api.Client.PostAsync($"/api/v1/nights/{SmsApiFactory.Night}/van-runs/sms", null);
        await Api.Client.PostAsync($"/api/v1/nights/{SmsApiFactory.Night}/van-runs/sms", null);

        // Two offers (the replies are answered in Twilio's own response), Claire's arrival time, Léa's trips, Sami's journey; once.
        var messages = await Api.Twilio.WaitForMessagesAsync(5);
        var toLea = Assert.Single(messages, m => m.To == Lea);
        Assert.StartsWith($"Bonsoir Léa, vos trajets ce soir avec Voiture de Léa : Trajet 1, départ de la base {departs:H'h'mm} :", toLea.Body);
        Assert.Contains("12 rue des Écoles, 75005 Paris (Claire +33611111111), 2 pers.", toLea.Body);

        // Her run sheet opens from the SMS on her phone, without an account; a link altered by one character does not.
        var link = System.Text.RegularExpressions.Regex.Match(toLea.Body, @"Feuille de route à jour : (\S+) Merci !").Groups[1].Value;
        Assert.StartsWith($"{Api.PublicBaseUrl}/drivers/", link);
        using var phone = new HttpClient();
        var sheet = await phone.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        var page = WebUtility.HtmlDecode(await sheet.Content.ReadAsStringAsync());
        Assert.Contains("Voiture de Léa, trajet 1", page);
        Assert.Contains("12 rue des Écoles, 75005 Paris", page);
        Assert.Contains("href=\"geo:48.853,2.3499?q=48.853,2.3499(12%20rue%20des%20%C3%89coles%2C%2075005%20Paris)\"", page);
        Assert.Contains("href=\"https://www.openstreetmap.org/?mlat=48.853&mlon=2.3499#map=18/48.853/2.3499\"", page);
        Assert.Contains("default-src 'none'", sheet.Headers.GetValues("Content-Security-Policy").Single());
        var altered = link[..^3] + (link[^3] == 'A' ? 'B' : 'A') + link[^2..];
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync(altered)).StatusCode);
        // A messaging app checking the link first asks with HEAD: the same answer, without the page (it was a 401).
        Assert.Equal(HttpStatusCode.OK, (await phone.SendAsync(new HttpRequestMessage(HttpMethod.Head, link))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.SendAsync(new HttpRequestMessage(HttpMethod.Head, altered))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync($"{Api.PublicBaseUrl}/drivers/{new string('x', 5000)}")).StatusCode);
        var toSami = Assert.Single(messages, m => m.To == Sami);
        Assert.Equal($"Bonsoir Sami, ce soir vous accompagnez M. B. (2 pers.) en transports : départ de la base {leaves:H'h'mm}, " +
                     $"arrivée vers {OffsetDateTimePattern.ExtendedIso.Parse((string)men["arriveAt"]!).Value:H'h'mm} chez Bruno, 12 rue des Écoles, 75005 Paris. Merci !", toSami.Body);
        await Task.Delay(300);
        Assert.Equal(5, Api.Twilio.Messages.Count);
        Api.Clock.Advance(Duration.FromHours(20));
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync(link)).StatusCode);
    }

    /// <summary>The night above with its rides planned and every volunteer told (two offers, Claire's time, Léa's trips, Sami's journey).</summary>
    private async Task RidesPlannedAndVolunteersToldAsync()
    {
        await AFamilyByCarAndTwoMenByMetroConfirmedAsync();
        await Api.Client.PostAsync($"/api/v1/nights/{SmsApiFactory.Night}/van-runs", null);
        await Api.Client.PostAsync($"/api/v1/nights/{SmsApiFactory.Night}/van-runs/sms", null);
        await Api.Twilio.WaitForMessagesAsync(5);
    }

    private static void AssertLeaAndSamiToldTheyAreOff(IReadOnlyList<Infrastructure.Sms.FakeTwilio.FakeSms> messages)
    {
        Assert.Equal("Bonsoir Léa, changement : plus de trajet pour vous ce soir avec Voiture de Léa. Merci de votre disponibilité !",
            Assert.Single(messages, m => m.To == Lea && m.Body.Contains("changement")).Body);
        Assert.Equal("Bonsoir Sami, changement : vous n'accompagnez plus M. B. ce soir. Merci !",
            Assert.Single(messages, m => m.To == Sami && m.Body.Contains("changement")).Body);
    }

    [Fact]
    public async Task WhenTheHostsCallItOff_TheDriverAndTheEscortAreToldTheyAreNoLongerNeeded_Once()
    {
        await RidesPlannedAndVolunteersToldAsync();

        // Both hosts call it off: the offer worker re-plans the rides and tells the volunteers told before.
        Api.Clock.Advance(Duration.FromMinutes(5));
        await Api.Twilio.SendInboundAsync(Claire, "annule");
        await Api.Twilio.SendInboundAsync(Bruno, "annule");
        var messages = await Api.Twilio.WaitForMessagesAsync(7);
        AssertLeaAndSamiToldTheyAreOff(messages);

        // Told once: sending the times again says nothing more.
        await Api.Client.PostAsync($"/api/v1/nights/{SmsApiFactory.Night}/van-runs/sms", null);
        await Task.Delay(300);
        Assert.Equal(2, Api.Twilio.Messages.Count(m => m.To is Lea or Sami && m.Body.Contains("changement")));
        Assert.Equal(7, Api.Twilio.Messages.Count);
    }

    [Fact]
    public async Task AVolunteerToldOfTheirEveningAndThenWithdrawn_IsToldTheyAreOff_Once()
    {
        await RidesPlannedAndVolunteersToldAsync();

        // The coordinators withdraw Léa's car and Sami (they called to say they cannot): each hears it, once.
        var transport = await (await Api.Client.GetAsync($"/api/v1/nights/{SmsApiFactory.Night}/transport")).ReadObjectAsync();
        var car = transport["vehicles"]!.AsArray().Single(v => (string?)v!["label"] == "Voiture de Léa")!["id"];
        var sami = transport["escorts"]!.AsArray().Single(e => (string?)e!["firstName"] == "Sami")!["id"];
        foreach (var path in new[] { $"vehicles/{car}", $"escorts/{sami}", $"vehicles/{car}", $"escorts/{sami}" })
        {
            await Api.Client.DeleteAsync($"/api/v1/nights/{SmsApiFactory.Night}/{path}");
        }

        var messages = await Api.Twilio.WaitForMessagesAsync(7);
        AssertLeaAndSamiToldTheyAreOff(messages);
        await Task.Delay(300);
        Assert.Equal(7, Api.Twilio.Messages.Count);
    }

    [Fact]
    public async Task AnEnglishSpeakingHostGetsTheOfferInEnglish()
    {
        await Api.AddHostAsync("h-john", "John", Claire, language: "en", arrivalFrom: "20:00");
        await Api.AddFamilyAsync("Famille A.", 34, 7, 4);
        await Api.RunMatchingAsync();
        await Api.SendOffersAsync();

        var sms = Assert.Single(await Api.Twilio.WaitForMessagesAsync(1));
        Assert.Equal("Good evening John, can you host tonight 1 adult and 2 children (4 and 7)? Arriving around 20:00. Reply YES or NO.", sms.Body);
    }

    [Fact]
    public async Task OuiConfirmsThePlacementAndThanksTheHost()
    {
        await Api.AddHostAsync("h-claire", "Claire", Claire);
        var request = await Api.AddFamilyAsync("Famille A.", 34, 7);
        await Api.RunMatchingAsync();
        await Api.SendOffersAsync();
        await Api.Twilio.WaitForMessagesAsync(1);

        var response = await Api.Twilio.SendInboundAsync(Claire, "Oui !");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var twiml = await response.Content.ReadAsStringAsync();
        Assert.Contains("<Message>Merci Claire ! C'est confirmé pour ce soir.", twiml);
        Assert.Equal("accepted", (string?)(await Api.OffersAsync()).Single()!["status"]);
        await using var db = Api.NewDb();
        Assert.Equal(RequestStatus.Confirmed, (await db.Requests.SingleAsync(r => r.Id == request)).Status);
    }

    [Theory]
    [InlineData("NON")]
    [InlineData("silence")]
    [InlineData("ANNULE")]
    public async Task DeclineSilenceOrCancellationRematchesToANewHostByItself(string what)
    {
        var claire = await Api.AddHostAsync("h-claire", "Claire", Claire);
        var bruno = await Api.AddHostAsync("h-bruno", "Bruno", Bruno);
        var request = await Api.AddFamilyAsync("Famille A.", 34, 7);
        await Api.RunMatchingAsync();
        await Api.SendOffersAsync();
        var first = Assert.Single(await Api.Twilio.WaitForMessagesAsync(1));
        var (firstPhone, secondPhone, secondHost) = first.To == Claire ? (Claire, Bruno, bruno) : (Bruno, Claire, claire);

        switch (what)
        {
            case "NON":
                await Api.Twilio.SendInboundAsync(firstPhone, "non");
                break;
            case "silence":
                Api.Clock.Advance(Duration.FromMinutes(21));
                break;
            default:
                await Api.Twilio.SendInboundAsync(firstPhone, "oui");
                await Api.Twilio.SendInboundAsync(firstPhone, "annulé");
                break;
        }

        var messages = await Api.Twilio.WaitForMessagesAsync(2);
        Assert.Equal(secondPhone, messages[1].To);
        Assert.StartsWith("Bonsoir ", messages[1].Body);
        var offers = await Api.WaitForOffersAsync(o => o.Count == 2);
        var expected = what switch { "NON" => "declined", "silence" => "expired", _ => "cancelled" };
        // The fake clock stands still between the two offers: tell them apart by host, not by order.
        var second = offers.Single(o => (Guid)o!["hostId"]! == secondHost)!;
        Assert.Equal(expected, (string?)offers.Single(o => (Guid)o!["hostId"]! != secondHost)!["status"]);
        Assert.Equal("open", (string?)second["status"]);
        Assert.Equal(request, (Guid)second["requestId"]!);
        Assert.Equal(2, Api.Twilio.Messages.Count);
    }

    [Fact]
    public async Task StopOptsTheHostOutCancelsTheOpenOfferAndAlertsTheCoordinators()
    {
        var claire = await Api.AddHostAsync("h-claire", "Claire", Claire);
        await Api.AddFamilyAsync("Famille A.", 34, 7);
        await Api.RunMatchingAsync();
        await Api.SendOffersAsync();
        await Api.Twilio.WaitForMessagesAsync(1);

        var twiml = await (await Api.Twilio.SendInboundAsync(Claire, "STOP")).Content.ReadAsStringAsync();

        Assert.Contains("Vous ne recevrez plus de SMS", twiml);
        await using var db = Api.NewDb();
        Assert.NotNull((await db.Hosts.SingleAsync(h => h.Id == claire)).SmsOptedOutAt);
        var alert = (await (await Api.Client.GetAsync("/api/v1/alerts")).ReadArrayAsync()).Single()!;
        Assert.Equal("host-opted-out", (string?)alert["code"]);
        Assert.Equal(claire, (Guid)alert["hostId"]!);
        Assert.Equal("cancelled", (string?)(await Api.OffersAsync()).Single()!["status"]);
    }

    [Fact]
    public async Task TwilioOptOutIsFollowedWhateverTheWordsAndStartLetsTheHostBeMatchedAgain()
    {
        // Twilio's Advanced Opt-Out has already blocked the number when it says OptOutType=STOP (here for "cancel",
        // one of its default keywords): we follow it, or our next offers would never arrive.
        var claire = await Api.AddHostAsync("h-claire", "Claire", Claire);
        await Api.AddFamilyAsync("Famille A.", 34, 7);
        await Api.RunMatchingAsync();
        await Api.SendOffersAsync();
        await Api.Twilio.WaitForMessagesAsync(1);

        var stop = await (await Api.Twilio.SendInboundAsync(Claire, "cancel", extra: new Dictionary<string, string> { ["OptOutType"] = "STOP" }))
            .Content.ReadAsStringAsync();

        Assert.Contains("Vous ne recevrez plus de SMS", stop);
        Assert.Equal("cancelled", (string?)(await Api.OffersAsync()).Single()!["status"]);
        Assert.Equal("host-opted-out", (string?)(await (await Api.Client.GetAsync("/api/v1/alerts")).ReadArrayAsync()).Single()!["code"]);

        // While opted out, a new family is not offered to her.
        await Api.AddFamilyAsync("Famille B.", 29, 3);
        await Api.RunMatchingAsync();
        Assert.Empty(await Api.SendOffersAsync());

        var start = await (await Api.Twilio.SendInboundAsync(Claire, "Start", extra: new Dictionary<string, string> { ["OptOutType"] = "START" }))
            .Content.ReadAsStringAsync();

        Assert.Contains("vous recevrez à nouveau nos SMS", start);
        await using (var db = Api.NewDb())
        {
            Assert.Null((await db.Hosts.SingleAsync(h => h.Id == claire)).SmsOptedOutAt);
        }

        // The night's offers have started, so the offer worker may send the new proposal before the coordinator does:
        // either way exactly one offer is open, to her.
        await Api.RunMatchingAsync();
        await Api.SendOffersAsync();
        var open = (await Api.WaitForOffersAsync(list => list.Any(o => (string?)o!["status"] == "open")))
            .Where(o => (string?)o!["status"] == "open").ToList();
        Assert.Equal(claire, (Guid)Assert.Single(open)!["hostId"]!);
        var messages = await Api.Twilio.WaitForMessagesAsync(2);
        Assert.Equal(Claire, messages[1].To);
        Assert.Contains("1 adulte et 1 enfant (3 ans)", messages[1].Body);
    }

    [Fact]
    public async Task AnOfferTwilioCouldNotDeliverAlertsTheCoordinatorsWithTheReason()
    {
        var claire = await Api.AddHostAsync("h-claire", "Claire", Claire);
        await Api.AddFamilyAsync("Famille A.", 34, 7);
        await Api.RunMatchingAsync();
        Api.Twilio.Unreachable.TryAdd(Claire, 0);

        await Api.SendOffersAsync();

        var offers = await Api.WaitForOffersAsync(o => (string?)o[0]!["smsProviderStatus"] == "undelivered");
        Assert.Equal("open", (string?)offers.Single()!["status"]);
        var alert = (await (await Api.Client.GetAsync("/api/v1/alerts")).ReadArrayAsync()).Single()!;
        Assert.Equal("sms-undelivered", (string?)alert["code"]);
        Assert.Equal(claire, (Guid)alert["hostId"]!);
        Assert.Contains("Twilio error 30003: the phone is switched off or out of coverage", (string?)alert["message"]);
        Assert.Contains("...1111", (string?)alert["message"]);
    }

    [Fact]
    public async Task AForgedOrMissingSignatureIsRefusedWith403AndChangesNothing()
    {
        await Api.AddHostAsync("h-claire", "Claire", Claire);
        await Api.AddFamilyAsync("Famille A.", 34, 7);
        await Api.RunMatchingAsync();
        await Api.SendOffersAsync();
        await Api.Twilio.WaitForMessagesAsync(1);

        var forged = await Api.Twilio.SendInboundAsync(Claire, "OUI", signature: Convert.ToBase64String(new byte[20]));
        var missing = await Api.Client.PostAsync("/sms/inbound", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"), ["From"] = Claire, ["Body"] = "OUI",
        }));
        var forgedStatus = await Api.Client.PostAsync("/sms/status", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["MessageSid"] = Api.Twilio.Messages[0].Sid, ["MessageStatus"] = "failed",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forgedStatus.StatusCode);
        Assert.Equal("open", (string?)(await Api.OffersAsync()).Single()!["status"]);
        await using var db = Api.NewDb();
        Assert.Empty(await db.InboundSms.ToListAsync());
        Assert.Empty(await db.Alerts.ToListAsync());
    }

    [Fact]
    public async Task TheSameWebhookTwiceIsProcessedOnce()
    {
        await Api.AddHostAsync("h-claire", "Claire", Claire);
        await Api.AddFamilyAsync("Famille A.", 34, 7);
        await Api.RunMatchingAsync();
        await Api.SendOffersAsync();
        await Api.Twilio.WaitForMessagesAsync(1);
        var sid = "SM" + Guid.NewGuid().ToString("N");

        var first = await (await Api.Twilio.SendInboundAsync(Claire, "OUI", messageSid: sid)).Content.ReadAsStringAsync();
        var second = await Api.Twilio.SendInboundAsync(Claire, "OUI", messageSid: sid);

        Assert.Contains("<Message>", first);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.DoesNotContain("<Message>", await second.Content.ReadAsStringAsync());
        await using var db = Api.NewDb();
        Assert.Single(await db.InboundSms.ToListAsync());
        Assert.Equal("accepted", (string?)(await Api.OffersAsync()).Single()!["status"]);
    }

    [Fact]
    public async Task ALateOuiChangesNothingAndGetsAPoliteAnswer()
    {
        await Api.AddHostAsync("h-claire", "Claire", Claire);
        await Api.AddHostAsync("h-bruno", "Bruno", Bruno);
        await Api.AddFamilyAsync("Famille A.", 34, 7);
        await Api.RunMatchingAsync();
        await Api.SendOffersAsync();
        var first = (await Api.Twilio.WaitForMessagesAsync(1))[0];
        Api.Clock.Advance(Duration.FromMinutes(21));
        await Api.WaitForOffersAsync(o => o.Count == 2);

        var twiml = await (await Api.Twilio.SendInboundAsync(first.To, "OUI")).Content.ReadAsStringAsync();

        Assert.Contains("c'est déjà organisé", twiml);
        var offers = await Api.OffersAsync();
        Assert.Equal("expired", (string?)offers[0]!["status"]);
        Assert.Equal("open", (string?)offers[1]!["status"]);
    }

    [Theory]
    [InlineData("oui", "Merci, c'est bien confirmé pour ce soir")]
    [InlineData("ok merci", "Merci, c'est bien confirmé pour ce soir")]
    [InlineData("non", "répondez ANNULE")]
    public async Task AYesOrNoAfterAcceptingSaysTheStayIsStillOnAndChangesNothing(string body, string expected)
    {
        var request = await ClaireAcceptedAsync();

        var twiml = await (await Api.Twilio.SendInboundAsync(Claire, body)).Content.ReadAsStringAsync();

        Assert.Contains(expected, twiml);
        Assert.DoesNotContain("déjà organisé", twiml);
        Assert.Equal("accepted", (string?)(await Api.OffersAsync()).Single()!["status"]);
        await using var db = Api.NewDb();
        Assert.Equal(RequestStatus.Confirmed, (await db.Requests.SingleAsync(r => r.Id == request)).Status);
    }

    [Fact]
    public async Task AnythingElseGetsHelpAndTheOfferStaysOpen()
    {
        await Api.AddHostAsync("h-claire", "Claire", Claire);
        await Api.AddFamilyAsync("Famille A.", 34, 7);
        await Api.RunMatchingAsync();
        await Api.SendOffersAsync();
        await Api.Twilio.WaitForMessagesAsync(1);

        var twiml = await (await Api.Twilio.SendInboundAsync(Claire, "c'est pour combien de temps ?")).Content.ReadAsStringAsync();

        Assert.Contains("Répondez OUI pour accueillir", twiml);
        Assert.Equal("open", (string?)(await Api.OffersAsync()).Single()!["status"]);
    }

    [Fact]
    public async Task TwilioAnswering500Then201StillSendsExactlyOneSms()
    {
        await Api.AddHostAsync("h-claire", "Claire", Claire);
        await Api.AddFamilyAsync("Famille A.", 34, 7);
        await Api.RunMatchingAsync();
        Api.Twilio.FailNext(1, HttpStatusCode.InternalServerError);

        await Api.SendOffersAsync();

        await Api.Twilio.WaitForMessagesAsync(1);
        await Api.WaitForOffersAsync(o => (string?)o[0]!["smsStatus"] == "sent");
        await Task.Delay(500);
        Assert.Single(Api.Twilio.Messages);
        Assert.Equal(2, Api.Twilio.CreateRequests);
    }

    [Fact]
    public async Task TheHostsSmsHistoryShowsBothDirections()
    {
        var claire = await Api.AddHostAsync("h-claire", "Claire", Claire);
        await Api.AddFamilyAsync("Famille A.", 34, 7);
        await Api.RunMatchingAsync();
        await Api.SendOffersAsync();
        await Api.Twilio.WaitForMessagesAsync(1);
        await Api.Twilio.SendInboundAsync(Claire, "oui");

        var history = await (await Api.Client.GetAsync($"/api/v1/hosts/{claire}/sms")).ReadArrayAsync();

        Assert.Equal(["out", "in"], history.Select(h => (string)h!["direction"]!));
        Assert.Equal("accepted", (string?)history[1]!["status"]);
    }

    [Fact]
    public async Task ACoordinatorCanResendAnOpenOfferAndCancelItByHand()
    {
        await Api.AddHostAsync("h-claire", "Claire", Claire);
        await Api.AddFamilyAsync("Famille A.", 34, 7);
        await Api.RunMatchingAsync();
        var offer = (Guid)(await Api.SendOffersAsync())[0]!["id"]!;
        await Api.Twilio.WaitForMessagesAsync(1);

        Assert.Equal(HttpStatusCode.OK, (await Api.Client.PostAsync($"/api/v1/offers/{offer}/resend", null)).StatusCode);
        var both = await Api.Twilio.WaitForMessagesAsync(2);
        Assert.Equal(both[0].Body, both[1].Body);

        Assert.Equal(HttpStatusCode.OK, (await Api.Client.PostAsync($"/api/v1/offers/{offer}/cancel", null)).StatusCode);
        var resendCancelled = await Api.Client.PostAsync($"/api/v1/offers/{offer}/resend", null);
        Assert.Equal(HttpStatusCode.Conflict, resendCancelled.StatusCode);
        Assert.Equal("offer-not-open", (string?)(await resendCancelled.ReadObjectAsync())["code"]);
    }

    [Fact]
    public async Task OnceTheVansArePlannedAnOuiReplansThemByItself()
    {
        await OfferToClaireWithAVanAsync();
        Assert.Equal(HttpStatusCode.OK, (await Api.Client.PostAsync($"/api/v1/nights/{SmsApiFactory.Night}/van-runs", null)).StatusCode);
        var plannedAt = await PlannedAtAsync();

        Api.Clock.Advance(Duration.FromMinutes(2));
        await Api.Twilio.SendInboundAsync(Claire, "oui");

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await PlannedAtAsync() == plannedAt && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(plannedAt + Duration.FromMinutes(2), await PlannedAtAsync());
    }

    [Fact]
    public async Task ConfirmedHostsAreToldTheVansArrivalTimeOnce()
    {
        await OfferToClaireWithAVanAsync();
        await Api.Twilio.SendInboundAsync(Claire, "oui");
        var runs = await (await Api.Client.PostAsync($"/api/v1/nights/{SmsApiFactory.Night}/van-runs", null)).ReadObjectAsync();
        var arrival = OffsetDateTimePattern.ExtendedIso.Parse((string)runs["trips"]![0]!["stops"]![0]!["arriveAt"]!).Value;

        var told = await (await Api.Client.PostAsync($"/api/v1/nights/{SmsApiFactory.Night}/van-runs/sms", null)).ReadArrayAsync();
        var again = await (await Api.Client.PostAsync($"/api/v1/nights/{SmsApiFactory.Night}/van-runs/sms", null)).ReadArrayAsync();

        Assert.Equal(["h-claire"], told.Select(c => (string)c!));
        Assert.Empty(again);
        var sms = (await Api.Twilio.WaitForMessagesAsync(2))[1];
        Assert.Equal(Claire, sms.To);
        Assert.Equal($"Bonsoir Claire, le véhicule arrivera chez vous vers {arrival:H'h'mm}. Merci pour votre accueil !", sms.Body);
        await Task.Delay(300);
        Assert.Equal(2, Api.Twilio.Messages.Count);
    }

    [Fact]
    public async Task StopAfterAcceptingTellsTheCoordinatorsTheHostStillHasAHouseholdTonightToCall()
    {
        await ClaireAcceptedAsync();

        await Api.Twilio.SendInboundAsync(Claire, "STOP");

        var alert = (await (await Api.Client.GetAsync("/api/v1/alerts")).ReadArrayAsync()).Single()!;
        Assert.Equal("host-opted-out", (string?)alert["code"]);
        Assert.Contains("confirmed household tonight (Famille A.)", (string?)alert["message"]);
        Assert.Contains("call them", (string?)alert["message"]);
        Assert.Equal("accepted", (string?)(await Api.OffersAsync()).Single()!["status"]);
    }

    [Fact]
    public async Task AVanTimeNotTextedToAnOptedOutHostRaisesAnAlertOnce()
    {
        await OfferToClaireWithAVanAsync();
        await Api.Twilio.SendInboundAsync(Claire, "oui");
        await Api.Twilio.SendInboundAsync(Claire, "STOP");
        var runs = await (await Api.Client.PostAsync($"/api/v1/nights/{SmsApiFactory.Night}/van-runs", null)).ReadObjectAsync();
        var arrival = OffsetDateTimePattern.ExtendedIso.Parse((string)runs["trips"]![0]!["stops"]![0]!["arriveAt"]!).Value;

        var told = await (await Api.Client.PostAsync($"/api/v1/nights/{SmsApiFactory.Night}/van-runs/sms", null)).ReadArrayAsync();
        await Api.Client.PostAsync($"/api/v1/nights/{SmsApiFactory.Night}/van-runs/sms", null);

        Assert.Empty(told);
        var alerts = await (await Api.Client.GetAsync("/api/v1/alerts")).ReadArrayAsync();
        var alert = Assert.Single(alerts, a => (string?)a!["code"] == "van-time-not-sent")!;
        Assert.Contains($"around {arrival:HH:mm}", (string?)alert["message"]);
        Assert.Contains("call them", (string?)alert["message"]);
    }

    /// <summary>Claire offered "Famille A." by SMS and answered OUI; returns the request.</summary>
    private async Task<Guid> ClaireAcceptedAsync()
    {
        await Api.AddHostAsync("h-claire", "Claire", Claire);
        var request = await Api.AddFamilyAsync("Famille A.", 34, 7);
        await Api.RunMatchingAsync();
        await Api.SendOffersAsync();
        await Api.Twilio.WaitForMessagesAsync(1);
        await Api.Twilio.SendInboundAsync(Claire, "oui");
        return request;
    }

    /// <summary>A base with one van, Claire offered a family, her offer's SMS sent.</summary>
    private async Task OfferToClaireWithAVanAsync()
    {
        await using (var db = Api.NewDb())
        {
            var @base = Base.Create("Porte de la Chapelle", new GeoPoint(48.8986, 2.3592), new LocalTime(20, 0), ApiFactory.DefaultNow);
            db.Bases.Add(@base);
            db.Vans.Add(Van.Create("van-1", 8, @base.Id, ApiFactory.DefaultNow));
            await db.SaveChangesAsync();
        }

        await Api.AddHostAsync("h-claire", "Claire", Claire);
        await Api.AddFamilyAsync("Famille A.", 34, 7);
        await Api.RunMatchingAsync();
        await Api.SendOffersAsync();
        await Api.Twilio.WaitForMessagesAsync(1);
    }

    private async Task<Instant> PlannedAtAsync()
    {
        await using var db = Api.NewDb();
        return await db.VanRunPlans.Where(p => p.Night == new LocalDate(2026, 11, 26)).Select(p => p.PlannedAt).SingleAsync();
    }
}
