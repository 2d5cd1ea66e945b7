using System.Net;
using System.Net.Http.Json;
using HostingMatch.IntegrationTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HostingMatch.IntegrationTests.Console;

/// <summary>
/// The board's "Trajets ce soir" card: a coordinator adds a car that turns up, sees it listed, removes an escort, and
/// plans beds and rides together: a family no ride could reach is placed once the car is there.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TransportCardTests(Browser browser) : OwnApiTest<ApiFactory>(new ApiFactory())
{
    private ConsolePage console = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var client = Api.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/hosts", Builders.Host("h-home"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/nights/2026-11-26/requests", Builders.Family("Famille A."))).StatusCode);
        console = new ConsolePage(await browser.NewPageAsync(client.BaseAddress!));
        await console.SignInToBoardAsync(Api.Coordinator.Key);
    }

    private ILocator Card => console.Page.Locator("section[aria-labelledby='transport-title']");

    [Fact]
    public async Task ACarThatTurnsUpBringsTheFamilyNoRideCouldReach()
    {
        await Expect(Card.Locator("#transport")).ToContainTextAsync("Aucun véhicule");
        await console.ClickAsync("Planifier lits et trajets");
        await Expect(Card.Locator("#night-plan-unplaced li[data-reason='no-ride']")).ToContainTextAsync("Famille A.");

        await Card.GetByText("Ajouter un véhicule").ClickAsync();
        await Card.GetByLabel("Nom du véhicule").FillAsync("Voiture de Léa");
        await Card.GetByLabel("Prénom du conducteur").FillAsync("Léa");
        await Card.GetByLabel("Portable du conducteur").FillAsync("+33 6 98 76 54 32");
        await Card.GetByLabel("Places passagers").FillAsync("3");
        await Card.GetByLabel("Disponible à partir de").FillAsync("21:15");
        await Card.GetByLabel("De retour à la base avant").FillAsync("23:30");
        await console.ClickAsync("Ajouter le véhicule");
        await Expect(console.Status).ToContainTextAsync("Voiture de Léa est ajouté pour ce soir.");
        await Expect(Card.Locator("#transport li.vehicle")).ToContainTextAsync("3 places · disponible 21:15–23:30");

        await console.ClickAsync("Planifier lits et trajets");
        var placed = Card.Locator("#night-plan-placements li[data-way='vehicle']");
        await Expect(placed).ToContainTextAsync("Famille A.");
        await Expect(placed).ToContainTextAsync("Voiture de Léa, trajet 1");
        await Expect(Card.Locator("#night-plan-unplaced")).ToHaveCountAsync(0);
        await Card.Locator("#night-plan").ScrollIntoViewIfNeededAsync();
        await Browser.ScreenshotAsync(console.Page, "rides.png", fullPage: false);
    }

    [Fact]
    public async Task ABadPhoneIsSaidAndAnEscortCanBeAddedAndRemoved()
    {
        await Card.GetByText("Ajouter un véhicule").ClickAsync();
        await Card.GetByLabel("Nom du véhicule").FillAsync("Auto");
        await Card.GetByLabel("Prénom du conducteur").FillAsync("Marc");
        await Card.GetByLabel("Portable du conducteur").FillAsync("0612");
        await console.ClickAsync("Ajouter le véhicule");
        await Expect(console.Status).ToContainTextAsync("driverPhone");
        await Expect(Card.Locator("#transport li.vehicle")).ToHaveCountAsync(0);

        await Card.GetByText("Ajouter un accompagnateur (métro, bus)").ClickAsync();
        await Card.GetByLabel("Prénom", new() { Exact = true }).FillAsync("Sami");
        await Card.GetByLabel("Portable", new() { Exact = true }).FillAsync("+33611112222");
        await console.ClickAsync("Ajouter l'accompagnateur");
        await Expect(Card.Locator("#transport li.escort")).ToContainTextAsync("Accompagnateur : Sami");
        await Card.Locator("#transport li.escort").GetByRole(AriaRole.Button, new() { Name = "Retirer" }).ClickAsync();
        await Expect(Card.Locator("#transport li.escort")).ToHaveCountAsync(0);
    }
}
