using System.Net;
using System.Net.Http.Json;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Transport;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace HostingMatch.IntegrationTests.Console;

/// <summary>
/// The board's map of the night, in a real browser, without tiles (none in tests): the base, two confirmed hosts, an
/// available one, the van's trip as a line through the confirmed hosts, the pins reachable by keyboard and named.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NightMapTests(Browser browser) : OwnApiTest<ApiFactory>(new ApiFactory())
{
    private const string Night = "2026-11-26";
    private HttpClient client = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        client = Api.CreateClient();
    }

    private async Task AddBaseAndVan(string label)
    {
        await using var db = Api.Database.NewContext();
        var @base = Base.Create("Porte de la Chapelle", new GeoPoint(48.8986, 2.3592), new LocalTime(20, 0), ApiFactory.DefaultNow);
        db.Bases.Add(@base);
        db.Vans.Add(Van.Create(label, 8, @base.Id, ApiFactory.DefaultNow));
        await db.SaveChangesAsync();
    }

    private async Task<Guid> AddHost(string code, string name, double latitude, double longitude)
    {
        var host = Builders.Host(code, beds: 4, accepts: ["family", "women", "men"]);
        host["displayName"] = name;
        host["latitude"] = latitude;
        host["longitude"] = longitude;
        host["weeklyDays"] = new System.Text.Json.Nodes.JsonArray("thursday");
        var response = await client.PostAsJsonAsync("/api/v1/hosts", host);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (Guid)(await response.ReadObjectAsync())["id"]!;
    }

    private async Task Confirm(string alias, Guid host)
    {
        var request = await (await client.PostAsJsonAsync($"/api/v1/nights/{Night}/requests", new
        {
            alias, members = new[] { new { age = 34, sex = "female" }, new { age = 36, sex = "female" } },
        })).ReadObjectAsync();
        await using var db = Api.Database.NewContext();
        var entity = await db.Requests.SingleAsync(r => r.Id == (Guid)request["id"]!);
        entity.Propose(host, ApiFactory.DefaultNow);
        entity.Confirm(ApiFactory.DefaultNow);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task TheMapShowsTonightsConfirmedHostsAndTheVansTrip()
    {
        await AddBaseAndVan("van-1");
        var claire = await AddHost("h-claire", "Claire", 48.8530, 2.3499);
        var tom = await AddHost("h-tom", "Tom", 48.8700, 2.3800);
        await AddHost("h-aicha", "Aïcha", 48.9100, 2.3300);
        await Confirm("Famille A.", claire);
        await Confirm("Mmes B.", tom);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/nights/{Night}/van-runs", null)).StatusCode);

        var console = new ConsolePage(await browser.NewPageAsync(client.BaseAddress!));
        await console.SignInToBoardAsync(Api.Coordinator.Key);
        var map = console.Page.Locator("#night-map");
        await map.ScrollIntoViewIfNeededAsync();

        var confirmed = map.Locator(".pin[data-state='confirmed']");
        await Expect(confirmed).ToHaveCountAsync(2);
        await Expect(map.GetByRole(AriaRole.Button, new() { Name = "Claire (h-claire), confirmé : Famille A." })).ToBeVisibleAsync();
        await Expect(map.GetByRole(AriaRole.Button, new() { Name = "Tom (h-tom), confirmé : Mmes B." })).ToBeVisibleAsync();
        await Expect(map.GetByRole(AriaRole.Button, new() { Name = "Aïcha (h-aicha), disponible" })).ToBeVisibleAsync();
        await Expect(map.GetByRole(AriaRole.Button, new() { Name = "Base : Porte de la Chapelle" })).ToBeVisibleAsync();
        // The van's one trip is a line on the map, from the base through both confirmed hosts and back: 4 points.
        var trip = map.Locator("path.trip");
        await Expect(trip).ToHaveCountAsync(1);
        var vertices = await trip.EvaluateAsync<int>("p => (p.getAttribute('d').match(/[ML]/g) || []).length");
        Assert.Equal(4, vertices);
        var words = console.Page.Locator("#map-trips li.map-trip");
        await Expect(words).ToHaveCountAsync(1);
        await Expect(words).ToContainTextAsync("van-1, trajet 1");
        await Expect(words).ToContainTextAsync("Porte de la Chapelle → ");
        await Expect(words).ToContainTextAsync("Claire (");
        await Expect(words).ToContainTextAsync("Tom (");

        // By keyboard: a pin takes focus and Enter opens its detail with the address and the household.
        await map.GetByRole(AriaRole.Button, new() { Name = "Claire (h-claire), confirmé : Famille A." }).FocusAsync();
        await console.Page.Keyboard.PressAsync("Enter");
        var popup = map.Locator(".leaflet-popup-content");
        await Expect(popup).ToContainTextAsync("12 rue des Écoles, 75005 Paris");
        await Expect(popup).ToContainTextAsync("Famille A.");
        await Expect(map.Locator(".leaflet-popup")).ToHaveCSSAsync("opacity", "1");
        await console.Page.Locator("section.map-card").EvaluateAsync("card => { card.scrollIntoView(); window.scrollBy(0, -64); }");
        await Browser.ScreenshotAsync(console.Page, "map.png", fullPage: false);
    }

    [Fact]
    public async Task AVehicleLabelIsShownAsTextOnTheMapNeverAsHtml()
    {
        const string Label = "<img src=x id=injected>van";
        await AddBaseAndVan(Label);
        await Confirm("Famille A.", await AddHost("h-claire", "Claire", 48.8530, 2.3499));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/nights/{Night}/van-runs", null)).StatusCode);

        var console = new ConsolePage(await browser.NewPageAsync(client.BaseAddress!));
        await console.SignInToBoardAsync(Api.Coordinator.Key);
        var map = console.Page.Locator("#night-map");
        await map.ScrollIntoViewIfNeededAsync();
        await Expect(map.Locator("path.trip")).ToHaveCountAsync(1);
        await map.Locator("path.trip").HoverAsync(new() { Force = true });

        await Expect(map.Locator(".leaflet-tooltip")).ToContainTextAsync($"{Label}, trajet 1");
        await Expect(console.Page.Locator("#map-trips")).ToContainTextAsync($"{Label}, trajet 1");
        await Expect(console.Page.Locator("#injected")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task WithoutTilesTheConsoleLetsNoImageInFromElsewhere()
    {
        await AddBaseAndVan("van-1");
        var page = await client.GetAsync("/");
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("img-src 'self' data:;", policy);
        var map = await (await client.GetAsync($"/api/v1/nights/{Night}/map")).ReadObjectAsync();
        Assert.Null(map["tiles"]);
        Assert.Equal("Porte de la Chapelle", (string?)map["map"]!["base"]!["name"]);
    }
}

/// <summary>The tile server's origin, and only it, joins the console's image sources when tiles are configured.</summary>
public sealed class NightMapTilesTests : OwnApiTest<NightMapTilesTests.TilesApi>
{
    public NightMapTilesTests() : base(new TilesApi())
    {
    }

    public sealed class TilesApi : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Map:TileUrl"] = "https://{s}.tiles.example.org/osm/{z}/{x}/{y}.png",
            ["Map:TileAttribution"] = "© Example tiles",
        };
    }

    [Fact]
    public async Task TheConfiguredTileOriginIsTheOnlyOtherImageSource()
    {
        var client = Api.CreateClient();
        var policy = (await client.GetAsync("/")).Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("img-src 'self' data: https://*.tiles.example.org;", policy);
        Assert.Contains("script-src 'self';", policy);
        var map = await (await client.GetAsync("/api/v1/nights/2026-11-26/map")).ReadObjectAsync();
        Assert.Equal("https://{s}.tiles.example.org/osm/{z}/{x}/{y}.png", (string?)map["tiles"]!["url"]);
        Assert.Equal("© Example tiles", (string?)map["tiles"]!["attribution"]);
    }
}
