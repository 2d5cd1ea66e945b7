using System.Text.Json.Nodes;
using HostingMatch.IntegrationTests.Sms;
using HostingMatch.IntegrationTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HostingMatch.IntegrationTests.Console;

/// <summary>
/// A whole night by clicking, on the demo night: the Api with its SMS workers, the fake Twilio on 127.0.0.1 standing
/// in for the hosts' phones, Chromium for the coordinator.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WholeNightTests(Browser browser) : OwnApiTest<SmsApiFactory>(new SmsApiFactory(workers: true))
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Api.LoadDemoNightAsync();
    }

    private string CoordinatorKey => Api.Client.DefaultRequestHeaders.Authorization!.Parameter!;

    [Fact]
    public async Task ACoordinatorRunsTheNightFromMatchingToTheDriversRunSheet()
    {
        var console = new ConsolePage(await browser.NewPageAsync(new Uri(Api.PublicBaseUrl), 1280, 900));
        await console.SignInToBoardAsync(CoordinatorKey);
        await Expect(console.Page.Locator("#households li.household[data-status='waiting']").First).ToBeVisibleAsync();

        // Matching: proposals, and a reason in plain words for anyone left out.
        await console.ClickAsync("Lancer l'appariement");
        await Expect(console.Status).ToContainTextAsync("foyers proposés");
        // The demo night has its transport registered, so the night plan matches it (beds and rides together); it does not
        // prove every level of its objective (the vehicles' routing proves nothing), and the board says so.
        await Expect(console.Page.Locator("#matching-result")).ToContainTextAsync("Meilleur plan trouvé dans le temps imparti (non prouvé optimal).");
        await Expect(console.Page.Locator("#households li.household[data-status='proposed']").First).ToBeVisibleAsync();
        // Each proposal says how the household gets there tonight.
        await Expect(console.Page.Locator("#households li.household[data-status='proposed'] .ride").First).ToContainTextAsync("arrivée vers");

        // Offers go out by SMS; each waits for its host's answer.
        await console.ClickAsync("Envoyer les offres");
        await Expect(console.Status).ToContainTextAsync("offres envoyées");
        var offers = await Api.OffersAsync();
        Assert.True(offers.Count >= 2, $"The demo night should send at least two offers: {offers.ToJsonString()}");
        await Expect(console.Offers).ToHaveCountAsync(offers.Count);
        await Expect(console.Page.Locator("#offers li.offer[data-status='open']")).ToHaveCountAsync(offers.Count);

        // A volunteer turns up at 21:15 with the association's second minibus: the coordinator adds it on the board, so that
        // the households the hosts turn down can still be brought somewhere tonight.
        await console.Page.GetByText("Ajouter un véhicule").ClickAsync();
        await console.Page.Locator("#vehicle-kind").SelectOptionAsync("van");
        await console.Page.GetByLabel("Nom du véhicule").FillAsync("Minibus de Paul");
        await console.Page.GetByLabel("Prénom du conducteur").FillAsync("Paul");
        await console.Page.GetByLabel("Portable du conducteur").FillAsync("+33 6 55 44 33 22");
        await console.Page.GetByLabel("Places passagers").FillAsync("8");
        await console.Page.GetByLabel("Disponible à partir de").FillAsync("21:15");
        await console.Page.GetByLabel("De retour à la base avant").FillAsync("00:30");
        await console.ClickAsync("Ajouter le véhicule");
        await Expect(console.Status).ToContainTextAsync("Minibus de Paul est ajouté pour ce soir.");

        // One host says OUI, another NON: the board shows both as they arrive, without a reload.
        var no = await OfferWhoseHouseholdHasAnotherHostAsync(offers);
        var yes = offers.Select(o => o!.AsObject()).OrderBy(o => (string?)o["householdAlias"], StringComparer.Ordinal).First(o => o != no);
        await Api.Twilio.SendInboundAsync(await PhoneOfAsync(yes), "OUI");
        await Api.Twilio.SendInboundAsync(await PhoneOfAsync(no), "non merci");
        await Expect(OfferRow(console, yes)).ToHaveAttributeAsync("data-status", "accepted");
        await Expect(OfferRow(console, yes).Locator(".badge")).ToHaveTextAsync("OUI");
        await Expect(OfferRow(console, no)).ToHaveAttributeAsync("data-status", "declined");
        await Expect(OfferRow(console, no).Locator(".badge")).ToHaveTextAsync("NON");

        // The household the NON left without a bed is matched again, to another host, and offered by SMS.
        var rematched = (await Api.WaitForOffersAsync(list => list.Any(o => IsNewOfferFor(o, no)))).First(o => IsNewOfferFor(o, no))!.AsObject();
        await Expect(OfferRow(console, rematched)).ToHaveAttributeAsync("data-status", "open");
        await Expect(OfferRow(console, rematched)).ToContainTextAsync((string)no["householdAlias"]!);
        await Api.Twilio.SendInboundAsync(await PhoneOfAsync(rematched), "oui");
        await Expect(OfferRow(console, rematched)).ToHaveAttributeAsync("data-status", "accepted");
        await Expect(console.Page.Locator("#summary-counts [data-count='placed']")).Not.ToHaveTextAsync("0 personne");
        await Browser.ScreenshotAsync(console.Page, "board.png", fullPage: false);
        await console.Page.Locator("#offers-title").EvaluateAsync("title => title.scrollIntoView()");
        await Browser.ScreenshotAsync(console.Page, "offers.png", fullPage: false);

        // The van: trips with arrival times, and each driver's run sheet.
        await console.ClickAsync("Planifier le camion");
        await Expect(console.Status).ToContainTextAsync("Camion planifié");
        var trip = console.Page.Locator("#van-runs article.trip").First;
        await Expect(trip).ToBeVisibleAsync();
        await Expect(trip.Locator("ol.stops li").First).ToContainTextAsync(":");
        var sheet = await console.Page.Context.RunAndWaitForPageAsync(() => trip.GetByRole(AriaRole.Link, new() { Name = "Feuille de route" }).ClickAsync());
        await sheet.WaitForLoadStateAsync();
        var hostName = (await PlannedStopHostNamesAsync()).First();
        await Expect(sheet.Locator("body")).ToContainTextAsync(hostName);
        await Browser.ScreenshotAsync(sheet, "run-sheet.png");
    }

    private static ILocator OfferRow(ConsolePage console, JsonObject offer) =>
        console.Page.Locator($"#offers li.offer[data-offer-id='{(string)offer["id"]!}']");

    private static bool IsNewOfferFor(JsonNode? offer, JsonObject declined) =>
        (string?)offer!["requestId"] == (string?)declined["requestId"] && (string?)offer["id"] != (string?)declined["id"]
                                                                        && (string?)offer["status"] == "open";

    /// <summary>
    /// The demo night leaves some households with a single compatible host: the NON goes to one that another host
    /// could take tonight, so the re-match has somewhere to send it.
    /// </summary>
    private async Task<JsonObject> OfferWhoseHouseholdHasAnotherHostAsync(JsonArray offers)
    {
        foreach (var offer in offers.Select(o => o!.AsObject()).OrderBy(o => (string?)o["householdAlias"], StringComparer.Ordinal))
        {
            var hosts = await (await Api.Client.GetAsync($"/api/v1/nights/{SmsApiFactory.Night}/requests/{(string)offer["requestId"]!}/hosts")).ReadArrayAsync();
            if (hosts.Any(h => (bool)h!["allowed"]! && (string?)h["hostId"] != (string?)offer["hostId"]))
            {
                return offer;
            }
        }

        throw new InvalidOperationException("No offered household has another compatible host tonight: the demo night changed.");
    }

    private async Task<string> PhoneOfAsync(JsonObject offer) =>
        (string)(await (await Api.Client.GetAsync($"/api/v1/hosts/{(string)offer["hostId"]!}")).ReadObjectAsync())["phone"]!;

    private async Task<IEnumerable<string>> PlannedStopHostNamesAsync()
    {
        var plan = await (await Api.Client.GetAsync($"/api/v1/nights/{SmsApiFactory.Night}/van-runs")).ReadObjectAsync();
        return plan["trips"]!.AsArray().SelectMany(t => t!["stops"]!.AsArray()).Select(s => (string)s!["hostName"]!);
    }
}
