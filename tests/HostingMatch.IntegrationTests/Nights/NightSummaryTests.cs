using System.Net;
using System.Net.Http.Json;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using System.Text.Json.Nodes;

namespace HostingMatch.IntegrationTests.Nights;

public sealed class NightSummaryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task TheSummaryCountsPeoplePerTierByStatusAndUnplacedByReason()
    {
        var coordinator = api.CreateClient();
        var hostId = (Guid)(await (await coordinator.PostAsJsonAsync("/api/v1/hosts", Builders.Host("h-sum"))).ReadObjectAsync())["id"]!;
        async Task<Guid> Register(JsonObject household) =>
            (Guid)(await (await coordinator.PostAsJsonAsync("/api/v1/nights/2026-12-01/requests", household)).ReadObjectAsync())["id"]!;

        var family = await Register(Builders.Family("Famille S1."));          // tier 1, 2 people: placed
        var family2 = await Register(Builders.Family("Famille S2."));         // tier 1, 2 people: unplaced, too-large
        var woman = await Register(new JsonObject { ["alias"] = "Mme S.", ["members"] = new JsonArray(new JsonObject { ["age"] = 40, ["sex"] = "female" }) }); // tier 2: proposed
        await Register(new JsonObject { ["alias"] = "M. S.", ["members"] = new JsonArray(new JsonObject { ["age"] = 40, ["sex"] = "male" }) });             // tier 3: waiting
        var cancelled = await Register(new JsonObject { ["alias"] = "M. C.", ["members"] = new JsonArray(new JsonObject { ["age"] = 50, ["sex"] = "male" }) });

        await using (var db = api.Database.NewContext())
        {
            var now = ApiFactory.DefaultNow;
            var requests = await db.Requests.Where(r => r.Night == new NodaTime.LocalDate(2026, 12, 1)).ToListAsync();
            var byId = requests.ToDictionary(r => r.Id);
            byId[family].Propose(hostId, now);
            byId[family].Confirm(now);
            byId[family2].MarkUnplaced(HostingMatch.Domain.Requests.UnplacedReason.TooLarge, "no host has 2 beds", now);
            byId[woman].Propose(hostId, now);
            byId[cancelled].Cancel(now);
            await db.SaveChangesAsync();
        }

        var response = await coordinator.GetAsync("/api/v1/nights/2026-12-01/summary");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.ReadObjectAsync();
        var total = summary["total"]!;
        Assert.Equal(6, (int)total["requested"]!);
        Assert.Equal(2, (int)total["placed"]!);
        Assert.Equal(1, (int)total["proposed"]!);
        Assert.Equal(1, (int)total["waiting"]!);
        Assert.Equal(2, (int)total["unplaced"]!);
        Assert.Equal(2, (int)total["unplacedByReason"]!["too-large"]!);
        Assert.Equal(1, (int)total["cancelled"]!);
        var tiers = summary["tiers"]!.AsArray();
        Assert.Equal(4, (int)tiers[0]!["people"]!["requested"]!);
        Assert.Equal(1, (int)tiers[1]!["people"]!["proposed"]!);
        Assert.Equal(1, (int)tiers[2]!["people"]!["waiting"]!);
    }
}
