using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HostingMatch.Application.Stays;
using HostingMatch.Infrastructure.Sms.FakeTwilio;
using HostingMatch.IntegrationTests.Sms;
using HostingMatch.IntegrationTests.Support;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace HostingMatch.IntegrationTests.Stays;

/// <summary>
/// The stays programme's conversation over real HTTP, PostgreSQL and the fake Twilio (docs/stays.md, "The conversation with
/// hosts"): proposals accepted, declined and silent (re-planned to another host by itself), the reminder, weekly check-ins
/// answered OK, APPEL and silent (the referent and the coordinators alerted). The stays worker is off: each test runs its
/// rounds (<see cref="SettleStays"/>) at the moments it sets on the clock.
/// </summary>
public sealed class StayConversationTests() : OwnApiTest<SmsApiFactory>(new SmsApiFactory())
{
    private const string Referent = "+33655555555";

    /// <summary>Three Breton hosts, nearest to Paris first (Rennes, then further west), each with two beds for families.</summary>
    private static readonly (string Code, string Name, string Phone, double Longitude)[] Hosts =
    [
        ("k-rennes", "Claire Morvan", "+33611111111", -1.68),
        ("k-lorient", "Yann Le Gall", "+33622222222", -3.37),
        ("k-brest", "Anne Kerouac", "+33633333333", -4.49),
    ];

    /// <summary>The hosts, and a family needing beds from 28 November (until <paramref name="needUntil"/>), planned to 10 January.</summary>
    private async Task<(Guid Guest, Dictionary<string, Guid> Hosts)> ArrangeAsync(string? needUntil = "2026-12-26")
    {
        var ids = new Dictionary<string, Guid>();
        foreach (var (code, name, phone, longitude) in Hosts)
        {
            var host = StaysBuilders.StaysHost(code, longitude, name, phone);
            var created = await Api.Client.PostAsJsonAsync("/api/v1/hosts", host);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            ids[phone] = (await created.ReadObjectAsync())["id"]!.GetValue<Guid>();
        }

        var guest = await Api.Client.PostAsJsonAsync("/api/v1/stays/guests", new JsonObject
        {
            ["alias"] = "Famille K.",
            ["members"] = new JsonArray(new JsonObject { ["age"] = 35, ["sex"] = "female" }, new JsonObject { ["age"] = 8, ["sex"] = "male" }),
            ["needFrom"] = "2026-11-28",
            ["needUntil"] = needUntil,
            ["regions"] = new JsonArray("bretagne"),
            ["waitingAt"] = "Porte de la Chapelle",
            ["latitude"] = 48.8986,
            ["longitude"] = 2.3592,
        });
        Assert.Equal(HttpStatusCode.Created, guest.StatusCode);
        var guestId = (await guest.ReadObjectAsync())["id"]!.GetValue<Guid>();
        var plan = await Api.Client.PostAsJsonAsync("/api/v1/stays/plan", new JsonObject { ["from"] = "2026-11-27", ["until"] = "2027-01-10" });
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        return (guestId, ids);
    }

    private async Task<SettleStaysResult> SettleAsync()
    {
        await using var scope = Api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SettleStays());
    }

    private async Task<JsonObject> FirstStayAsync(Guid guest, string status = "proposed")
    {
        var stays = await (await Api.Client.GetAsync($"/api/v1/stays?guestId={guest}&status={status}")).ReadArrayAsync();
        return stays.Select(s => s!.AsObject()).OrderBy(s => (string)s["from"]!, StringComparer.Ordinal).First();
    }

    private async Task<FakeSms> NextSmsToAsync(string phone, int already)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var mine = Api.Twilio.Messages.Where(m => m.To == phone).ToList();
            if (mine.Count > already)
            {
                return mine[already];
            }

            Assert.True(DateTime.UtcNow < deadline, $"No SMS number {already + 1} to {phone}; sent: {string.Join(" | ", Api.Twilio.Messages.Select(m => m.To + ": " + m.Body))}");
            await Task.Delay(100);
        }
    }

    private int SmsTo(string phone) => Api.Twilio.Messages.Count(m => m.To == phone);

    private async Task<string> ReplyAsync(string phone, string body)
    {
        var response = await Api.Twilio.SendInboundAsync(phone, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task AProposalAccepted_IsConfirmed_TheHostIsRemindedThenAskedEachWeek_AndTheReferentIsAlertedOnAppelAndSilence()
    {
        var (guest, hosts) = await ArrangeAsync();
        var rennes = Hosts[0].Phone;
        var first = await FirstStayAsync(guest);
        Assert.Equal(hosts[rennes], first["hostId"]!.GetValue<Guid>());
        Assert.Equal("2026-11-28", (string?)first["from"]);
        Assert.Equal("2026-12-26", (string?)first["until"]);
        Assert.Equal("not-sent", (string?)first["proposal"]);

        var round = await SettleAsync();
        Assert.Equal(1, round.Proposed);
        var proposal = await NextSmsToAsync(rennes, 0);
        Assert.Equal("Bonjour Claire, pouvez-vous accueillir 1 adulte et 1 enfant (8 ans) du samedi 28 novembre au samedi 26 décembre ? Répondez OUI ou NON.",
            proposal.Body);
        Assert.Equal("awaiting-answer", (string?)(await FirstStayAsync(guest))["proposal"]);
        // A second round sends nothing again: one question awaiting per host.
        Assert.Equal(0, (await SettleAsync()).Proposed);

        var thanks = await ReplyAsync(rennes, "Oui !");
        Assert.Contains("Le séjour est confirmé, arrivée le samedi 28 novembre", thanks);
        var confirmed = await FirstStayAsync(guest, "confirmed");
        Assert.Equal("accepted", (string?)confirmed["proposal"]);

        // Two days before the arrival: one reminder, never two.
        Assert.Equal(1, (await SettleAsync()).Reminded);
        Assert.Equal(0, (await SettleAsync()).Reminded);
        Assert.StartsWith("Bonjour Claire, rappel : 1 adulte et 1 enfant (8 ans) arrive chez vous le samedi 28 novembre", (await NextSmsToAsync(rennes, 1)).Body);

        var referent = await Api.Client.PutAsJsonAsync($"/api/v1/stays/guests/{guest}/referent", new { name = "Odile Le Bris", phone = Referent });
        Assert.Equal(HttpStatusCode.OK, referent.StatusCode);
        Assert.Equal(Referent, (string?)(await referent.ReadObjectAsync())["referentPhone"]);

        // A week into the stay: "Tout se passe bien ?"; OK closes it without alerting anyone.
        Api.Clock.AdvanceDays(9);
        Assert.Equal(1, (await SettleAsync()).CheckIns);
        Assert.StartsWith("Bonjour Claire, tout se passe bien", (await NextSmsToAsync(rennes, 2)).Body);
        Assert.Contains("Merci, bonne nouvelle", await ReplyAsync(rennes, "ok"));
        Assert.Equal(0, (await SettleAsync()).Alerts);
        Assert.Equal(0, SmsTo(Referent));

        // The next week: APPEL alerts the referent by SMS and the coordinators.
        Api.Clock.AdvanceDays(7);
        Assert.Equal(1, (await SettleAsync()).CheckIns);
        await NextSmsToAsync(rennes, 3);
        Assert.Contains("le référent va vous appeler", await ReplyAsync(rennes, "APPEL svp"));
        Assert.Equal(1, (await SettleAsync()).Alerts);
        var call = await NextSmsToAsync(Referent, 0);
        Assert.Equal("Bonjour Odile, séjour de Famille K. chez Claire (+33611111111) : l'hôte demande un appel. Merci de l'appeler.", call.Body);
        var alerts = await (await Api.Client.GetAsync("/api/v1/alerts")).ReadArrayAsync();
        Assert.Contains(alerts, a => (string?)a!["code"] == "check-in-call" && ((string?)a["message"])!.Contains("Odile Le Bris"));

        // The week after: no answer within 48 hours alerts them too, once.
        Api.Clock.AdvanceDays(7);
        Assert.Equal(1, (await SettleAsync()).CheckIns);
        await NextSmsToAsync(rennes, 4);
        Api.Clock.AdvanceHours(47);
        Assert.Equal(0, (await SettleAsync()).Alerts);
        Api.Clock.AdvanceHours(2);
        Assert.Equal(1, (await SettleAsync()).Alerts);
        Assert.Equal(0, (await SettleAsync()).Alerts);
        Assert.Contains("pas de réponse au point de la semaine", (await NextSmsToAsync(Referent, 1)).Body);
        alerts = await (await Api.Client.GetAsync("/api/v1/alerts")).ReadArrayAsync();
        Assert.Contains(alerts, a => (string?)a!["code"] == "check-in-unanswered");
    }

    [Fact]
    public async Task AProposalDeclined_IsRePlannedToAnotherHostByItself_AndNeverProposedToTheHostWhoSaidNo()
    {
        var (guest, hosts) = await ArrangeAsync();
        var rennes = Hosts[0].Phone;
        await SettleAsync();
        await NextSmsToAsync(rennes, 0);

        Api.Clock.AdvanceMinutes(5);
        Assert.Contains("nous trouverons une autre solution", await ReplyAsync(rennes, "non merci"));
        var declined = await (await Api.Client.GetAsync($"/api/v1/stays?guestId={guest}&status=cancelled")).ReadArrayAsync();
        Assert.Contains(declined, s => (string?)s!["proposal"] == "declined" && s["hostId"]!.GetValue<Guid>() == hosts[rennes]);

        Api.Clock.AdvanceMinutes(1);
        var round = await SettleAsync();
        Assert.Equal(1, round.Replanned);
        Assert.Equal(1, round.Proposed);
        var healed = await FirstStayAsync(guest);
        Assert.NotEqual(hosts[rennes], healed["hostId"]!.GetValue<Guid>());
        Assert.Equal("2026-11-28", (string?)healed["from"]);
        Assert.Equal("awaiting-answer", (string?)healed["proposal"]);
        var other = Hosts.Single(h => hosts[h.Phone] == healed["hostId"]!.GetValue<Guid>()).Phone;
        Assert.Contains("du samedi 28 novembre", (await NextSmsToAsync(other, 0)).Body);

        // A coordinator re-planning by hand does not bring the host who said no back for this guest either.
        var plan = await (await Api.Client.PostAsJsonAsync("/api/v1/stays/plan", new JsonObject { ["until"] = "2027-01-10" })).ReadObjectAsync();
        Assert.DoesNotContain(plan["stays"]!.AsArray(), s => s!["hostId"]!.GetValue<Guid>() == hosts[rennes]);
        // ... and keeps the proposal the other host has in hand as it is.
        Assert.Equal(healed["id"]!.GetValue<Guid>(), (await FirstStayAsync(guest))["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task AProposalLeftUnanswered_ExpiresAfterItsTime_AndIsRePlannedToAnotherHost_ALateYesChangesNothing()
    {
        var (guest, hosts) = await ArrangeAsync();
        var rennes = Hosts[0].Phone;
        await SettleAsync();
        await NextSmsToAsync(rennes, 0);

        Api.Clock.AdvanceHours(23);
        Assert.Equal(0, (await SettleAsync()).Expired);
        Api.Clock.AdvanceHours(2);
        var round = await SettleAsync();
        Assert.Equal(1, round.Expired);
        Assert.Equal(1, round.Replanned);
        Assert.Equal(1, round.Proposed);
        var expired = await (await Api.Client.GetAsync($"/api/v1/stays?guestId={guest}&status=cancelled")).ReadArrayAsync();
        Assert.Contains(expired, s => (string?)s!["proposal"] == "expired" && s["hostId"]!.GetValue<Guid>() == hosts[rennes]);
        var healed = await FirstStayAsync(guest);
        Assert.NotEqual(hosts[rennes], healed["hostId"]!.GetValue<Guid>());

        var late = await ReplyAsync(rennes, "oui");
        Assert.Contains("n'est plus d'actualité", late);
        Assert.Empty(await (await Api.Client.GetAsync($"/api/v1/stays?hostId={hosts[rennes]}")).ReadArrayAsync());
    }

    [Fact]
    public async Task AGuestWithAConfirmedStayAhead_IsPlannedAfterIt_AsAContinuationOrAMove()
    {
        var (guest, _) = await ArrangeAsync(needUntil: null);
        var firstUntil = (string?)(await FirstStayAsync(guest))["until"];
        await SettleAsync();
        await NextSmsToAsync(Hosts[0].Phone, 0);
        await ReplyAsync(Hosts[0].Phone, "oui");

        // Re-planning with the first stay confirmed but not begun: the nights after it are still planned.
        var plan = await (await Api.Client.PostAsJsonAsync("/api/v1/stays/plan", new JsonObject { ["until"] = "2027-01-10" })).ReadObjectAsync();
        var after = plan["stays"]!.AsArray().Where(s => s!["guestId"]!.GetValue<Guid>() == guest && (string?)s["from"] == firstUntil).ToList();
        Assert.Single(after);
        Assert.DoesNotContain(plan["uncovered"]!.AsArray(), u => u!["guestId"]!.GetValue<Guid>() == guest);
    }

    [Fact]
    public async Task AHostWhoSentStop_IsNeverAsked_ThePlanHealsWithoutThem_AndStopDuringAStayAlertsTheReferent()
    {
        var (guest, hosts) = await ArrangeAsync();
        var rennes = Hosts[0].Phone;
        await ReplyAsync(rennes, "STOP");
        Api.Clock.AdvanceMinutes(1);
        Assert.Equal(0, (await SettleAsync()).Proposed);
        Assert.Equal(0, SmsTo(rennes));
        var withdrawn = await (await Api.Client.GetAsync($"/api/v1/stays?guestId={guest}&status=cancelled")).ReadArrayAsync();
        Assert.Contains(withdrawn, s => (string?)s!["proposal"] == "unreachable" && s["hostId"]!.GetValue<Guid>() == hosts[rennes]);
        var alerts = await (await Api.Client.GetAsync("/api/v1/alerts")).ReadArrayAsync();
        Assert.Contains(alerts, a => (string?)a!["code"] == "stay-host-unreachable");

        Api.Clock.AdvanceMinutes(1);
        var round = await SettleAsync();
        Assert.Equal(1, round.Replanned);
        Assert.Equal(1, round.Proposed);
        var healed = await FirstStayAsync(guest);
        var lorient = Hosts[1].Phone;
        Assert.Equal(hosts[lorient], healed["hostId"]!.GetValue<Guid>());
        await NextSmsToAsync(lorient, 0);
        await ReplyAsync(lorient, "oui");
        Assert.Equal(HttpStatusCode.OK, (await Api.Client.PutAsJsonAsync($"/api/v1/stays/guests/{guest}/referent", new { name = "Odile", phone = Referent })).StatusCode);

        // Three days into the stay, Yann sends STOP: SMS no longer reaches him, so the referent is told at once.
        Api.Clock.AdvanceDays(5);
        await ReplyAsync(lorient, "stop");
        Assert.Equal(1, (await SettleAsync()).Alerts);
        Assert.Contains("l'hôte ne reçoit plus nos SMS (STOP)", (await NextSmsToAsync(Referent, 0)).Body);
    }

    [Fact]
    public async Task TwoPlansAtOnce_AsACoordinatorAndTheWorkerMightMake_NeverProposeOneGuestsNightTwice()
    {
        var (guest, _) = await ArrangeAsync(needUntil: null);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var scope = Api.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PlanStays(null, new LocalDate(2027, 1, 10), "bretagne", 5));
        }));
        var active = (await (await Api.Client.GetAsync($"/api/v1/stays?guestId={guest}")).ReadArrayAsync())
            .Select(s => (From: (string)s!["from"]!, Until: (string)s["until"]!)).OrderBy(s => s.From, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(active);
        for (var i = 1; i < active.Count; i++)
        {
            Assert.True(string.CompareOrdinal(active[i - 1].Until, active[i].From) <= 0, $"Overlapping stays: {string.Join(", ", active)}");
        }
    }

    [Fact]
    public async Task AProposalItsBusyHostCouldNotBeSentBeforeTheArrival_Lapses_AndThePlanHealsWithAnotherHost()
    {
        var (guest, hosts) = await ArrangeAsync();
        var rennes = Hosts[0].Phone;
        // Claire is busy with another question (a check-in of another stay would do the same): her proposal waits.
        await using (var db = Api.NewDb())
        {
            var ongoing = OngoingAt(hosts[rennes], await db.Stays.FirstAsync(s => s.GuestId == guest));
            db.Stays.Add(ongoing);
            db.StayCheckIns.Add(Domain.Stays.StayCheckIn.Send(ongoing, Api.Clock.GetCurrentInstant(), Api.Clock.GetCurrentInstant() + Duration.FromDays(3)));
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, (await SettleAsync()).Proposed);
        // Noon on the 28th: the family was due; the proposal never went out.
        Api.Clock.Reset(Instant.FromUtc(2026, 11, 28, 11, 30));
        var round = await SettleAsync();
        Assert.Equal(1, round.Replanned);
        var lapsed = await (await Api.Client.GetAsync($"/api/v1/stays?guestId={guest}&status=cancelled")).ReadArrayAsync();
        Assert.Contains(lapsed, s => (string?)s!["proposal"] == "lapsed" && s["hostId"]!.GetValue<Guid>() == hosts[rennes]);
        var healed = await FirstStayAsync(guest);
        Assert.NotEqual(hosts[rennes], healed["hostId"]!.GetValue<Guid>());
        Assert.Equal("2026-11-28", (string?)healed["from"]);
        Assert.Equal("awaiting-answer", (string?)healed["proposal"]);
    }

    /// <summary>A stay of another guest under way at <paramref name="hostId"/>, for a check-in to hang on.</summary>
    private static Domain.Stays.Stay OngoingAt(Guid hostId, Domain.Stays.Stay like)
    {
        var stay = Domain.Stays.Stay.Propose(like.GuestId, hostId, Domain.Stays.NightPeriod.Create(new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 2)), 0, null,
            Instant.FromUtc(2026, 10, 30, 12, 0));
        stay.Confirm(Instant.FromUtc(2026, 10, 30, 12, 0));
        return stay;
    }

    [Fact]
    public async Task AHostWithAStaysQuestionOpen_IsNotOfferedANightMeanwhile()
    {
        // Two Paris hosts of the one-night programme; Nadia, at the base's door, also takes stays in Ile-de-France.
        var nadia = Builders.StaysHost("k-nadia", "2026-11-01", "2027-01-10", region: "ile-de-france", latitude: 48.8986, longitude: 2.3592);
        nadia["programmes"] = new JsonArray("one-night", "stays");
        nadia["displayName"] = "Nadia";
        nadia["phone"] = "+33644444444";
        Assert.Equal(HttpStatusCode.Created, (await Api.Client.PostAsJsonAsync("/api/v1/hosts", nadia)).StatusCode);
        var other = Builders.Host("h-bruno", beds: 3);
        other["phone"] = "+33622222222";
        Assert.Equal(HttpStatusCode.Created, (await Api.Client.PostAsJsonAsync("/api/v1/hosts", other)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Api.Client.PostAsJsonAsync("/api/v1/stays/guests", new JsonObject
        {
            ["alias"] = "Famille K.",
            ["members"] = new JsonArray(new JsonObject { ["age"] = 35, ["sex"] = "female" }, new JsonObject { ["age"] = 8, ["sex"] = "male" }),
            ["needFrom"] = "2026-11-28", ["needUntil"] = "2026-12-20", ["regions"] = new JsonArray("ile-de-france"),
            ["waitingAt"] = "Porte de la Chapelle", ["latitude"] = 48.8986, ["longitude"] = 2.3592,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.Client.PostAsJsonAsync("/api/v1/stays/plan", new JsonObject { ["until"] = "2027-01-10" })).StatusCode);
        Assert.Equal(1, (await SettleAsync()).Proposed);
        await NextSmsToAsync("+33644444444", 0);

        // Tonight a family needs a bed: Nadia is nearest, but her "OUI" must mean the stay, so the night goes to Bruno.
        await Api.AddFamilyAsync("Famille N.", 33, 4);
        var run = await Api.RunMatchingAsync();
        Assert.Equal("h-bruno", (string?)Assert.Single(run["proposals"]!.AsArray())!["hostCode"]);
    }

    [Fact]
    public async Task TwoRoundsAtOnce_AsOnTwoInstances_SendEachProposalOnce()
    {
        var (guest, _) = await ArrangeAsync();
        var rounds = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            // The loser of a race saves nothing (a unique index or the row version) and its next round finds the work done.
            try
            {
                return (await SettleAsync()).Proposed;
            }
            catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or Domain.Common.DomainException)
            {
                return 0;
            }
        }));
        Assert.Equal(1, rounds.Sum());
        Assert.Equal(0, (await SettleAsync()).Proposed);
        await NextSmsToAsync(Hosts[0].Phone, 0);
        await Task.Delay(500);
        Assert.Equal(1, SmsTo(Hosts[0].Phone));
        Assert.Equal("awaiting-answer", (string?)(await FirstStayAsync(guest))["proposal"]);
    }

    [Fact]
    public async Task AReferentWithABadPhone_Gets400NamingTheField_AndAnUnknownGuest404()
    {
        var (guest, _) = await ArrangeAsync();
        foreach (var (body, field) in new (object, string)[]
                 {
                     (new { name = "Odile\u0000", phone = Referent }, "name"),
                     (new { name = new string('O', 101), phone = Referent }, "name"),
                     // Printed in the coordinators' alert "Their referent ... is told by SMS.": one line, as every name printed.
                     (new { name = "Odile\nALERT: host k-b withdrew", phone = Referent }, "name"),
                     (new { name = "Odile\u2028Leroy", phone = Referent }, "name"),
                     (new { name = "Odile", phone = "06 55" }, "phone"),
                     (new { name = "Odile", phone = (string?)null }, "phone"),
                 })
        {
            var bad = await Api.Client.PutAsJsonAsync($"/api/v1/stays/guests/{guest}/referent", body);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var errors = (await bad.ReadObjectAsync())["errors"]!.AsObject();
            Assert.True(errors.ContainsKey(field), errors.ToJsonString());
        }

        var unknown = await Api.Client.PutAsJsonAsync($"/api/v1/stays/guests/{Guid.NewGuid()}/referent", new { name = "Odile", phone = Referent });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
