using System.Net;
using System.Net.Http.Json;
using HostingMatch.IntegrationTests.Support;

namespace HostingMatch.IntegrationTests.Requests;

public sealed class RequestEndpointsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    [Fact]
    public async Task RegisteringAFamilyDerivesCategoryAndTierAndListsIt()
    {
        var created = await client.PostAsJsonAsync("/api/v1/nights/2026-11-26/requests", Builders.Family("Famille R."));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var request = await created.ReadObjectAsync();
        Assert.Equal("waiting", (string?)request["status"]);
        Assert.Equal("family", (string?)request["category"]);
        Assert.Equal(1, (int)request["tier"]!);

        var read = await (await client.GetAsync(created.Headers.Location)).ReadObjectAsync();
        Assert.Equal("Famille R.", (string?)read["alias"]);
        Assert.Equal(2, read["members"]!.AsArray().Count);

        var night = await (await client.GetAsync("/api/v1/nights/2026-11-26/requests")).ReadArrayAsync();
        Assert.Contains(night, r => (string?)r!["alias"] == "Famille R.");
        var otherNight = await (await client.GetAsync("/api/v1/nights/2026-11-27/requests")).ReadArrayAsync();
        Assert.DoesNotContain(otherNight, r => (string?)r!["alias"] == "Famille R.");
    }

    [Fact]
    public async Task RegisteringWithoutMembersOrWithABadAgeReturnsFieldErrors()
    {
        var response = await client.PostAsJsonAsync("/api/v1/nights/2026-11-26/requests",
            new { alias = "", members = new object[] { new { age = -3, sex = "female" }, new { age = 30, sex = "x" } } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).ToArray();
        Assert.Contains("alias", errors);
        Assert.Contains("members[0].age", errors);
        Assert.Contains("members[1].sex", errors);
    }

    [Fact]
    public async Task RegisteringOnABadNightReturns400()
    {
        var response = await client.PostAsJsonAsync("/api/v1/nights/2026-13-40/requests", Builders.Family());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GettingAnUnknownRequestReturns404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/requests/{Guid.NewGuid()}")).StatusCode);
}
