using HostingMatch.IntegrationTests.Sms;
using HostingMatch.IntegrationTests.Support;
using NodaTime.Text;
using static Microsoft.Playwright.Assertions;

namespace HostingMatch.IntegrationTests.Console;

/// <summary>
/// The board's transport card says which household each escort takes by public transport, as the escort's SMS says it:
/// a coordinator at the base knows who leaves with whom without opening a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EscortCardTests(Browser browser) : OwnApiTest<SmsApiFactory>(new SmsApiFactory())
{
    [Fact]
    public async Task TheBoardSaysWhichHouseholdEachEscortTakes()
    {
        const string Bruno = "+33622222222", Sami = "+33677777777";
        await Api.AddTwoMenWithAnEscortAsync("M. B.", "Bruno", Bruno, "Sami", Sami);
        await Api.RunMatchingAsync();
        await Api.SendOffersAsync();
        await Api.Twilio.WaitForMessagesAsync(1);
        await Api.Twilio.SendInboundAsync(Bruno, "oui");
        await Api.WaitForOffersAsync(o => o.All(x => (string?)x!["status"] == "accepted"));

        // No vehicle tonight: the two men go by metro with Sami, and the night's transport says so.
        var ride = (await (await Api.Client.GetAsync($"/api/v1/nights/{SmsApiFactory.Night}/requests")).ReadArrayAsync()).Single()!["ride"]!;
        Assert.Equal("public-transport", (string?)ride["way"]);
        var transport = await (await Api.Client.GetAsync($"/api/v1/nights/{SmsApiFactory.Night}/transport")).ReadObjectAsync();
        var takes = transport["escorts"]!.AsArray().Single()!["takes"]!;
        Assert.Equal("M. B.", (string?)takes["householdAlias"]);
        Assert.Equal(2, (int)takes["people"]!);
        Assert.Equal("Bruno", (string?)takes["hostDisplayName"]);
        Assert.Equal((string?)ride["leaveBaseAt"], (string?)takes["leaveBaseAt"]);
        Assert.Equal((string?)ride["arriveAt"], (string?)takes["arriveAt"]);

        // The command line says it too.
        var leaves = OffsetDateTimePattern.ExtendedIso.Parse((string)ride["leaveBaseAt"]!).Value;
        var (exit, stdout, _) = await CliProcess.RunAsync(Api.Database.ConnectionString, "transport", "show", "--night", SmsApiFactory.Night);
        Assert.Equal(0, exit);
        Assert.Contains($"escort Sami {Sami}, takes M. B. (2 people) to Bruno: leaves the base at {leaves:HH:mm}, arrives around", stdout);

        var console = new ConsolePage(await browser.NewPageAsync(new Uri(Api.PublicBaseUrl), 1280, 900));
        await console.SignInToBoardAsync(Api.Client.DefaultRequestHeaders.Authorization!.Parameter!);
        await Expect(console.Page.Locator("#transport li.escort .escort-takes"))
            .ToContainTextAsync($"accompagne M. B. (2 personnes) chez Bruno : départ de la base {leaves:HH:mm}");
    }
}
