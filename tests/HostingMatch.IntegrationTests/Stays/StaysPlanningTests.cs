using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HostingMatch.Application.Demo;
using HostingMatch.Application.Stays;
using HostingMatch.Domain;
using HostingMatch.Domain.Stays;
using HostingMatch.IntegrationTests.Support;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace HostingMatch.IntegrationTests.Stays;

/// <summary>Planning stays from the database over real HTTP and PostgreSQL: agreed stays kept, proposals stored, withdrawals re-planned.</summary>
public sealed class StaysPlanningTests : OwnApiTest
{
    private static JsonObject StaysHost(string code, double longitude, string until = "2027-01-10") => StaysBuilders.StaysHost(code, longitude, until);

    private static JsonObject Guest(string alias, string needFrom) => StaysBuilders.Guest(alias, needFrom);

    private Task<Guid> PostAsync(string path, JsonObject body) => Client.CreateAsync(path, body);

    private Task<JsonObject> PlanAsync(string until, string? from = null) => Client.PlanStaysAsync(until, from);

    private static IEnumerable<JsonNode> StaysOf(JsonObject plan, Guid guest) => StaysBuilders.StaysOf(plan, guest);

    private async Task<JsonObject> StayAsync(Guid id)
    {
        var all = await (await Client.GetAsync("/api/v1/stays")).ReadArrayAsync();
        return all.Concat(await (await Client.GetAsync("/api/v1/stays?status=cancelled")).ReadArrayAsync())
            .Single(s => s!["id"]!.GetValue<Guid>() == id)!.AsObject();
    }

    private Task SetStatusAsync(Guid stay, string status) => Client.SetStayStatusAsync(stay, status);

    /// <summary>
    /// On 19 November Famille A. is planned from the 20th, its stay confirmed, and it arrives; on the 26th Famille B.
    /// joins and the programme is planned again from tomorrow.
    /// </summary>
    private async Task<(Guid A, Guid B, Guid FirstStay, Guid FirstHost, Dictionary<Guid, JsonObject> Hosts)> ArrangeAsync()
    {
        Api.Clock.Reset(Instant.FromUtc(2026, 11, 19, 17, 0));
        var hosts = new Dictionary<Guid, JsonObject>();
        foreach (var (code, longitude) in new[] { ("k-a", -1.60), ("k-b", -1.70), ("k-c", -1.80) })
        {
            var body = StaysHost(code, longitude);
            hosts[await PostAsync("/api/v1/hosts", body)] = body;
        }

        var a = await PostAsync("/api/v1/stays/guests", Guest("Famille A.", "2026-11-20"));
        var first = await PlanAsync("2026-12-18");
        Assert.Equal("2026-11-20", (string?)first["planFrom"]);
        var stay = Assert.Single(StaysOf(first, a));
        Assert.Equal("2026-11-20", (string?)stay["from"]);
        Assert.Equal("2026-12-18", (string?)stay["until"]);
        Assert.Equal("proposed", (string?)stay["status"]);
        var firstStay = stay["stayId"]!.GetValue<Guid>();
        var firstHost = stay["hostId"]!.GetValue<Guid>();
        await SetStatusAsync(firstStay, "confirmed");

        Api.Clock.Reset(Instant.FromUtc(2026, 11, 20, 17, 0));
        await SetStatusAsync(firstStay, "ongoing");

        Api.Clock.Reset(Instant.FromUtc(2026, 11, 26, 17, 0));
        var b = await PostAsync("/api/v1/stays/guests", Guest("Famille B.", "2026-11-27"));
        return (a, b, firstStay, firstHost, hosts);
    }

    [Fact]
    public async Task PlanningFromTheDatabaseKeepsTheOngoingStayAndStoresTheNewProposals()
    {
        var (a, b, firstStay, firstHost, _) = await ArrangeAsync();

        var plan = await PlanAsync("2026-12-11");

        Assert.Equal("2026-11-27", (string?)plan["planFrom"]);
        Assert.True((bool)plan["optimal"]!);
        var continued = Assert.Single(StaysOf(plan, a));
        Assert.True((bool)continued["continuesCurrent"]!);
        Assert.Equal(firstHost, continued["hostId"]!.GetValue<Guid>());
        Assert.Equal("2026-11-27", (string?)continued["from"]);
        Assert.Equal(0, (int)continued["journeyMinutes"]!);
        var kept = await StayAsync(firstStay);
        Assert.Equal("ongoing", (string?)kept["status"]);
        Assert.Equal("2026-11-20", (string?)kept["from"]);
        Assert.Equal("2026-12-18", (string?)kept["until"]);

        var proposed = Assert.Single(StaysOf(plan, b));
        Assert.NotEqual(firstHost, proposed["hostId"]!.GetValue<Guid>());
        Assert.Equal("2026-11-27", (string?)proposed["from"]);
        Assert.Equal("2026-12-11", (string?)proposed["until"]);
        Assert.True((int)proposed["journeyMinutes"]! > 0);
        var row = await StayAsync(proposed["stayId"]!.GetValue<Guid>());
        Assert.Equal("proposed", (string?)row["status"]);
        Assert.Equal(b, row["guestId"]!.GetValue<Guid>());
        Assert.Equal(plan["id"]!.GetValue<Guid>(), row["planId"]!.GetValue<Guid>());
        Assert.Empty(plan["uncovered"]!.AsArray());
        // Famille B., 2 people, 14 nights; Famille A., 2 people, 14 nights in the horizon: all tier 1.
        Assert.Equal(56, (long)plan["summary"]!["personNightsCovered"]![0]!);

        var latest = await (await Client.GetAsync("/api/v1/stays/plan")).ReadObjectAsync();
        Assert.Equal(plan["id"]!.GetValue<Guid>(), latest["id"]!.GetValue<Guid>());
        Assert.Equal(plan["stays"]!.ToJsonString(), latest["stays"]!.ToJsonString());

        // Planning again replaces the proposal it made, not the agreed stay.
        var again = await PlanAsync("2026-12-11");
        Assert.Equal("cancelled", (string?)(await StayAsync(proposed["stayId"]!.GetValue<Guid>()))["status"]);
        Assert.Equal("ongoing", (string?)(await StayAsync(firstStay))["status"]);
        Assert.Single(StaysOf(again, b));
        var open = await (await Client.GetAsync($"/api/v1/stays?guestId={b}")).ReadArrayAsync();
        Assert.Single(open);
    }

    [Fact]
    public async Task AHostWhoWithdrawsIsReplannedFromTomorrowWithoutTouchingTheNightsSpent()
    {
        var (a, _, firstStay, firstHost, hosts) = await ArrangeAsync();
        await PlanAsync("2026-12-11");

        // The host can take nobody after tonight: the last night offered is the 26th.
        var withdrawn = hosts[firstHost];
        withdrawn["staysAvailable"] = new JsonArray(new JsonObject { ["from"] = "2026-11-01", ["until"] = "2026-11-27" });
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsJsonAsync($"/api/v1/hosts/{firstHost}", withdrawn)).StatusCode);

        var plan = await PlanAsync("2026-12-11");

        var kept = await StayAsync(firstStay);
        Assert.Equal("ongoing", (string?)kept["status"]);
        Assert.Equal("2026-11-20", (string?)kept["from"]);
        Assert.Equal("2026-11-27", (string?)kept["until"]);
        var moved = Assert.Single(StaysOf(plan, a));
        Assert.False((bool)moved["continuesCurrent"]!);
        Assert.NotEqual(firstHost, moved["hostId"]!.GetValue<Guid>());
        Assert.Equal("2026-11-27", (string?)moved["from"]);
        Assert.Equal("2026-12-11", (string?)moved["until"]);
        Assert.Equal(1, (int)plan["summary"]!["moves"]!);
        var atWithdrawn = await (await Client.GetAsync($"/api/v1/stays?hostId={firstHost}")).ReadArrayAsync();
        var only = Assert.Single(atWithdrawn);
        Assert.Equal(firstStay, only!["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task AGuestWhoseNeedEndsHasItsStaysCutAndTheNextPlanStopsThere()
    {
        var (_, b, _, _, _) = await ArrangeAsync();
        var plan = await PlanAsync("2026-12-11");
        var proposal = Assert.Single(StaysOf(plan, b))["stayId"]!.GetValue<Guid>();

        var ended = await Client.PostAsJsonAsync($"/api/v1/stays/guests/{b}/end", new JsonObject { ["outcome"] = "other", ["until"] = "2026-12-04" });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal("2026-12-04", (string?)(await ended.ReadObjectAsync())["needUntil"]);
        Assert.Equal("2026-12-04", (string?)(await StayAsync(proposal))["until"]);

        var again = await PlanAsync("2026-12-11");
        Assert.Equal("2026-12-04", (string?)Assert.Single(StaysOf(again, b))["until"]);

        var past = await Client.PostAsJsonAsync($"/api/v1/stays/guests/{b}/end", new JsonObject { ["outcome"] = "other", ["until"] = "2026-11-20" });
        Assert.Equal(HttpStatusCode.Conflict, past.StatusCode);
        Assert.Equal("need-past-nights", (string?)(await past.ReadObjectAsync())["code"]);
    }

    /// <summary>
    /// <c>scripts/night.sh</c> run twice on one evening: the stays demo is loaded and planned from tomorrow, the stays worker
    /// sends the proposals of the next ten days to their hosts, and the demo plans again from tomorrow. The proposals awaiting
    /// an answer are kept as they are and the rest of the first plan is still allowed, so the second plan covers, in each
    /// tier, at least the first plan's person-nights less those of the proposals kept; and it proves a gap below 100 %.
    /// (The proposals kept once made the programme small enough for the exact model, which found nothing in its time and
    /// returned the first fit with a gap of 100 %: docs/stays.md.)
    /// </summary>
    [Fact]
    public async Task PlanningTheDemoAgainWhileItsProposalsAwaitTheirHostsCoversAtLeastWhatTheFirstPlanLeft()
    {
        var tomorrow = Night.Current(Api.Clock.GetCurrentInstant()).PlusDays(1);
        await SendAsync(new LoadDemoStays(tomorrow));
        var first = await SendAsync(new PlanStays(tomorrow, tomorrow.PlusWeeks(8), null, 30));
        Assert.True((await SendAsync(new SettleStays())).Proposed > 0);

        var kept = new long[3];
        await using (var db = Api.Database.NewContext())
        {
            var awaiting = await db.Stays.AsNoTracking().Where(s => s.Status == StayStatus.Proposed && s.ProposedToHostAt != null)
                .Join(db.StayGuests.AsNoTracking(), s => s.GuestId, g => g.Id, (s, g) => new { s.From, s.Until, g.HouseholdId })
                .ToListAsync();
            var households = await db.Households.AsNoTracking().ToDictionaryAsync(h => h.Id);
            foreach (var stay in awaiting)
            {
                var household = households[stay.HouseholdId];
                kept[household.Tier - 1] += (long)household.People * Period.DaysBetween(stay.From, stay.Until);
            }
        }

        // Time enough to prove it however busy the machine (alone it is proved in about 25 s); the first plan had the demo's 30 s.
        var again = await SendAsync(new PlanStays(tomorrow, tomorrow.PlusWeeks(8), null, 120));

        for (var tier = 0; tier < 3; tier++)
        {
            var left = first.Summary.PersonNightsCovered[tier] - kept[tier];
            Assert.True(again.Summary.PersonNightsCovered[tier] >= left,
                $"tier {tier + 1}: {again.Summary.PersonNightsCovered[tier]} person-nights covered, the first plan left {left}");
        }

        Assert.True(again.Optimal || again.Gap < 1, $"gap {again.Gap}");
    }

    private async Task<T> SendAsync<T>(ICommand<T> command)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    [Fact]
    public async Task BadPlanningAndGuestInputsAreRefusedNamingTheFields()
    {
        var plan = await Client.PostAsJsonAsync("/api/v1/stays/plan", new JsonObject { ["from"] = "2026-12-01", ["until"] = "2026-11-30", ["region"] = "bre/tagne" });
        Assert.Equal(HttpStatusCode.BadRequest, plan.StatusCode);
        var errors = (await plan.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("until", errors);
        Assert.Contains("region", errors);

        var past = await Client.PostAsJsonAsync("/api/v1/stays/plan", new JsonObject { ["from"] = "2026-11-20", ["until"] = "2026-12-30" });
        Assert.Contains("from", (await past.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));

        var guest = Guest("Famille C.", "2026-12-01");
        guest.Remove("needFrom");
        guest["regions"] = new JsonArray("");
        guest["latitude"] = 123;
        var response = await Client.PostAsJsonAsync("/api/v1/stays/guests", guest);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = (await response.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("needFrom", fields);
        Assert.Contains("regions[0]", fields);
        Assert.Contains("latitude", fields);

        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/v1/stays/plan")).StatusCode);
        var partner = (await Api.CreatePartnerAsync("Maraude Nord")).Client;
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/api/v1/stays/guests")).StatusCode);
    }

    /// <summary>
    /// A date of a need, an exit or a list of journeys is the network's, as a night in a path is (2000-2099): a typo such as
    /// 0026-11-20 or 9999-12-31 is refused on its field, never stored as a need since year 26 nor computed past the calendar.
    /// </summary>
    [Fact]
    public async Task DatesOutsideTheNetworksYearsAreRefusedOnTheirFields()
    {
        Api.Clock.Reset(Instant.FromUtc(2026, 11, 19, 17, 0));
        async Task<List<string>> FieldsOfAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return [.. (await response.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key)];
        }

        var typo = Guest("Famille T.", "0026-11-20");
        typo["needUntil"] = "9999-12-31";
        Assert.Equal(["needFrom", "needUntil"], (await FieldsOfAsync(await Client.PostAsJsonAsync("/api/v1/stays/guests", typo))).Order());
        Assert.Contains("needFrom", await FieldsOfAsync(await Client.PostAsJsonAsync("/api/v1/stays/guests", Guest("Famille T.", "9999-12-31"))));
        var referral = StaysReferralTests.Referral();
        referral["needFrom"] = "0001-01-01";
        var partner = (await Api.CreatePartnerAsync("Maraude Nord")).Client;
        Assert.Contains("needFrom", await FieldsOfAsync(await StaysReferralTests.PostAsync(partner, referral)));
        Assert.Empty(await (await Client.GetAsync("/api/v1/stays/guests")).ReadArrayAsync());

        // The default until (from + 4 weeks) and from (until - 4 weeks) were computed past the calendar: 500.
        Assert.Contains("from", await FieldsOfAsync(await Client.GetAsync("/api/v1/stays/journeys?from=9999-12-30")));
        Assert.Contains("until", await FieldsOfAsync(await Client.GetAsync("/api/v1/stays/journeys?until=0000-01-05")));

        var guest = await PostAsync("/api/v1/stays/guests", Guest("Famille T.", "2026-11-20"));
        var exit = new JsonObject { ["outcome"] = "other", ["until"] = "9999-12-31" };
        Assert.Contains("until", await FieldsOfAsync(await Client.PostAsJsonAsync($"/api/v1/stays/guests/{guest}/end", exit)));
    }
}
