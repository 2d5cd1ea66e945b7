using System.Net;
using System.Net.Http.Json;
using HostingMatch.IntegrationTests.Stays;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HostingMatch.IntegrationTests.Console;

/// <summary>
/// The guest form: a coordinator registers a new guest of the stays programme from the stays page, a refused field is
/// said beside it with nothing registered, and the board moves a one-night request's household into the programme as itself.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StaysGuestFormTests(Browser browser) : OwnApiTest
{
    /// <summary>
    /// "Nouvel hébergé" opened on the stays page of a network with a Breton stays host; tall enough for the whole form
    /// in the picture.
    /// </summary>
    private async Task<(ConsolePage Console, ILocator Dialog)> OpenNewGuestFormAsync()
    {
        await Client.CreateAsync("/api/v1/hosts", StaysBuilders.StaysHost("k-a", -1.60));
        var console = await SignInAsync(height: 1300);
        await console.GoToStaysAsync();
        await Expect(console.Page.Locator("#stays-region")).ToHaveValueAsync("bretagne");
        await console.ClickAsync("Nouvel hébergé");
        await Expect(Dialog(console)).ToBeVisibleAsync();
        return (console, Dialog(console));
    }

    private async Task<ConsolePage> SignInAsync(int width = 1280, int height = 900)
    {
        var console = new ConsolePage(await browser.NewPageAsync(Api.CreateClient().BaseAddress!, width, height));
        await console.SignInToBoardAsync(Api.Coordinator.Key);
        return console;
    }

    private static ILocator Dialog(ConsolePage console) => console.Page.Locator("#guest-dialog");

    private static ILocator Person(ILocator dialog, int n) => dialog.GetByRole(AriaRole.Group, new() { Name = $"Personne {n}", Exact = true });

    /// <summary>The household's alias and one person, a woman of 34.</summary>
    private static async Task TypeHouseholdAsync(ILocator dialog, string alias)
    {
        await dialog.GetByLabel("Alias").FillAsync(alias);
        await Person(dialog, 1).GetByLabel("Âge").FillAsync("34");
        await Person(dialog, 1).GetByLabel("Sexe").SelectOptionAsync("female");
    }

    private async Task<List<System.Text.Json.Nodes.JsonNode?>> GuestsAsync() =>
        [.. await (await Client.GetAsync("/api/v1/stays/guests")).ReadArrayAsync()];

    [Fact]
    public async Task ACoordinatorRegistersANewGuestFromTheStaysPage_ItIsStoredWithItsHouseholdAndNeed_AndItsChainOpens()
    {
        var (console, dialog) = await OpenNewGuestFormAsync();
        var page = console.Page;
        await Expect(dialog.Locator("h2")).ToHaveTextAsync("Nouvel hébergé");
        await Expect(dialog.GetByLabel("Alias")).ToBeFocusedAsync();
        // Where households wait, the base, unless typed otherwise; the need from the night looked at.
        await Expect(dialog.GetByLabel("Où il attend")).ToHaveValueAsync("Porte de la Chapelle");
        await Expect(dialog.GetByLabel("Première nuit")).ToHaveValueAsync("2026-11-26");

        await TypeHouseholdAsync(dialog, "Famille N.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Ajouter une personne" }).ClickAsync();
        await Expect(Person(dialog, 2).GetByLabel("Âge")).ToBeFocusedAsync();
        await Person(dialog, 2).GetByLabel("Âge").FillAsync("5");
        await Person(dialog, 2).GetByLabel("Sexe").SelectOptionAsync("male");
        // A person added by mistake is removed; the others stay as typed.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Ajouter une personne" }).ClickAsync();
        await Person(dialog, 3).GetByLabel("Âge").FillAsync("40");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Retirer la personne 3" }).ClickAsync();
        await Expect(dialog.Locator("fieldset.member")).ToHaveCountAsync(2);
        await Expect(Person(dialog, 2).GetByLabel("Âge")).ToHaveValueAsync("5");

        await dialog.GetByLabel("Vulnérable", new() { Exact = true }).CheckAsync();
        await dialog.GetByLabel("Première nuit").FillAsync("2026-11-27");
        await dialog.GetByLabel("Matin où le besoin finit").FillAsync("2026-12-20");
        await dialog.GetByLabel("Bretagne").CheckAsync();
        await dialog.GetByLabel("Où il attend").FillAsync("Gare du Nord");
        await dialog.GetByLabel("Latitude").FillAsync("48.8809");
        await dialog.GetByLabel("Longitude").FillAsync("2.3553");
        await AccessibilityTests.AssertAccessibleAsync(page, "guest form");
        await Browser.ScreenshotAsync(page, "stays-guest.png", fullPage: false);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'hébergé" }).ClickAsync();

        await Expect(dialog).ToBeHiddenAsync();
        await Expect(console.Status).ToContainTextAsync("Hébergé enregistré : Famille N.");
        await Expect(page.Locator("#stays-chain h2")).ToHaveTextAsync("Parcours de Famille N.");
        await Expect(page.Locator("#stays-chain")).ToContainTextAsync("Aucun séjour.");

        var guest = Assert.Single(await GuestsAsync())!;
        Assert.Equal("Famille N.", (string?)guest["alias"]);
        Assert.Equal([(34, "female"), (5, "male")], guest["members"]!.AsArray().Select(m => ((int)m!["age"]!, (string)m["sex"]!)));
        Assert.True((bool)guest["vulnerable"]!);
        Assert.False((bool)guest["needsWheelchairAccess"]!);
        Assert.Equal("2026-11-27", (string?)guest["needFrom"]);
        Assert.Equal("2026-12-20", (string?)guest["needUntil"]);
        Assert.Equal(["bretagne"], guest["regions"]!.AsArray().Select(r => (string)r!));
        Assert.Equal("Gare du Nord", (string?)guest["waitingAt"]);
        Assert.Equal(48.8809, (double)guest["latitude"]!);
        Assert.Equal(2.3553, (double)guest["longitude"]!);
    }

    [Fact]
    public async Task ARefusedFieldIsSaidBesideIt_NothingIsRegistered_AndTheFormKeepsWhatWasTyped()
    {
        var (console, dialog) = await OpenNewGuestFormAsync();
        var page = console.Page;
        await TypeHouseholdAsync(dialog, "Famille E.");
        // The need ends the morning before it starts.
        await dialog.GetByLabel("Première nuit").FillAsync("2026-12-20");
        await dialog.GetByLabel("Matin où le besoin finit").FillAsync("2026-12-01");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'hébergé" }).ClickAsync();

        var until = dialog.GetByLabel("Matin où le besoin finit");
        await Expect(page.Locator("#guest-need-until-error")).ToContainTextAsync("must be after needFrom");
        await Expect(until).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(until).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("must be after needFrom"));
        await Expect(until).ToBeFocusedAsync();
        await Expect(dialog.Locator("#guest-error")).ToContainTextAsync("Demande refusée");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByLabel("Alias")).ToHaveValueAsync("Famille E.");
        await AccessibilityTests.AssertAccessibleAsync(page, "guest form");
        Assert.Empty(await GuestsAsync());
        await using (var db = Api.Database.NewContext())
        {
            Assert.Equal(0, await db.Households.CountAsync());
        }

        // Corrected, the same form registers it; the refusal is gone.
        await until.FillAsync("2027-01-10");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'hébergé" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(console.Status).ToContainTextAsync("Hébergé enregistré : Famille E.");
        await Expect(page.Locator("#guest-need-until-error")).ToHaveCountAsync(0);
        Assert.Equal("2027-01-10", (string?)Assert.Single(await GuestsAsync())!["needUntil"]);
    }

    [Fact]
    public async Task FromTheBoard_AOneNightHouseholdMovesIntoTheStaysProgrammeAsItself_AndOnlyOnce()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/nights/2026-11-26/requests", Builders.Family("Famille T."));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var household = (await response.ReadObjectAsync())["householdId"]!.GetValue<Guid>();
        // On a phone, as the night coordinators often are.
        var console = await SignInAsync(360, 740);
        var row = console.Household("Famille T.");

        await row.GetByRole(AriaRole.Button, new() { Name = "Vers les séjours" }).ClickAsync();
        var dialog = Dialog(console);
        await Expect(dialog.Locator("h2")).ToHaveTextAsync("Vers les séjours : Famille T.");
        // The household's own fields are shown, not typed again.
        await Expect(dialog.Locator("#guest-household")).ToHaveTextAsync("Famille T. · 1 adulte, 1 enfant (âge 6)");
        await Expect(dialog.GetByLabel("Alias")).ToBeHiddenAsync();
        await Expect(dialog.Locator("fieldset.member")).ToBeHiddenAsync();
        await Expect(dialog.GetByLabel("Première nuit")).ToBeFocusedAsync();
        await Expect(dialog.GetByLabel("Première nuit")).ToHaveValueAsync("2026-11-26");
        await Expect(dialog).ToContainTextAsync("Aucun hébergeur ne propose encore de séjours");
        await AccessibilityTests.AssertAccessibleAsync(console.Page, "guest form from the board");
        Assert.True(await dialog.EvaluateAsync<bool>("d => d.scrollWidth <= d.clientWidth && d.getBoundingClientRect().right <= window.innerWidth"),
            "The form fits a 360-px screen without scrolling sideways.");
        await Browser.ScreenshotAsync(console.Page, "stays-guest-phone.png", fullPage: false);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'hébergé" }).ClickAsync();

        await Expect(dialog).ToBeHiddenAsync();
        await Expect(console.Status).ToContainTextAsync("Famille T. entre dans le programme des séjours");
        var guest = Assert.Single(await GuestsAsync())!;
        Assert.Equal(household, guest["householdId"]!.GetValue<Guid>());
        Assert.Equal("Famille T.", (string?)guest["alias"]);
        Assert.Equal("2026-11-26", (string?)guest["needFrom"]);
        await using (var db = Api.Database.NewContext())
        {
            Assert.Equal(household, (await db.Households.SingleAsync()).Id);
        }

        // Once only: the second time is said in plain words, and nothing changes.
        await row.GetByRole(AriaRole.Button, new() { Name = "Vers les séjours" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'hébergé" }).ClickAsync();
        await Expect(dialog.Locator("#guest-error")).ToHaveTextAsync("Ce foyer est déjà dans le programme des séjours : un foyer n'y est enregistré qu'une fois.");
        Assert.Single(await GuestsAsync());
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Annuler" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        // In English, the same action.
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "To the stays programme" }).ClickAsync();
        await Expect(dialog.Locator("h2")).ToHaveTextAsync("To the stays programme: Famille T.");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Register the guest" })).ToBeVisibleAsync();
    }
}
