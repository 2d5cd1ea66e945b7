using System.Net;
using System.Net.Http.Headers;
using HostingMatch.Application.Access;
using Mediator;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using HostingMatch.Infrastructure.Persistence;
using HostingMatch.Infrastructure.Sms.FakeTwilio;
using HostingMatch.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace HostingMatch.IntegrationTests.Sms;

/// <summary>
/// The real Api on Kestrel over its own PostgreSQL database, talking to a fake Twilio on 127.0.0.1 over real HTTP
/// (the same Twilio client and resilience pipeline as production), with both SMS workers running unless told otherwise.
/// Twilio:PublicBaseUrl is the Api's own address, so callbacks and signatures work as behind a proxy.
/// </summary>
public sealed class SmsApiFactory(bool workers = true, bool sendAutomatically = false, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Night = "2026-11-26";

    private int port;

    public TestDatabase Database { get; private set; } = null!;
    public FakeClock Clock { get; } = new(ApiFactory.DefaultNow);
    public FakeTwilioServer Twilio { get; private set; } = null!;
    public string PublicBaseUrl => $"http://127.0.0.1:{port}";
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Twilio = new FakeTwilioServer(now: () => Clock.GetCurrentInstant().ToDateTimeOffset());
        await Twilio.StartAsync();
        // The Api's port is chosen once the fake Twilio holds its own: a port chosen first and released could be handed
        // to the fake Twilio's listener (seen once: "address already in use").
        port = FreePort();
        Twilio.InboundWebhookUrl = new Uri($"{PublicBaseUrl}/sms/inbound");
        UseKestrel(port);
        StartServer();
        Client = CreateClient();
        await using var scope = Services.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new IssueApiKey(null, ApiFactory.NetworkName, "coordinator", null));
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key!.Key);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Twilio.DisposeAsync();
        await Database.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        builder.UseSetting("Map:TileUrl", ""); // no tiles from the Internet in tests
        builder.UseEnvironment("Testing");
        builder.UseSetting("Twilio:AccountSid", Twilio.AccountSid);
        builder.UseSetting("Twilio:AuthToken", Twilio.AuthToken);
        builder.UseSetting("Twilio:FromNumber", Twilio.FromNumber);
        builder.UseSetting("Twilio:ApiBaseUrl", Twilio.BaseUrl);
        builder.UseSetting("Twilio:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("Twilio:RetryBaseDelaySeconds", "0.05");
        builder.UseSetting("Twilio:AttemptTimeoutSeconds", "2");
        builder.UseSetting("Sms:OutboxPollMilliseconds", "100");
        builder.UseSetting("Sms:OfferPollMilliseconds", "150");
        builder.UseSetting("Sms:RetryBaseSeconds", "1");
        builder.UseSetting("Sms:SendOffersAutomatically", sendAutomatically ? "true" : "false");
        builder.UseSetting("Sms:OutboxWorkerEnabled", workers ? "true" : "false");
        builder.UseSetting("Sms:OfferWorkerEnabled", workers ? "true" : "false");
        // The retention job is run by its own tests, on nights they date themselves.
        builder.UseSetting("Retention:WorkerEnabled", "false");
        builder.UseSetting("Sms:MonthlyThanksEnabled", "false");
        builder.UseSetting("Stays:WorkerEnabled", "false");
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(name, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<IClock>(Clock));
    }

    public HostingMatchDbContext NewDb() => Database.NewContext();

    public async Task<Guid> AddHostAsync(string code, string name, string phone, string language = "fr", int beds = 3, string arrivalFrom = "21:30")
    {
        var body = Builders.Host(code, beds);
        body["displayName"] = name;
        body["phone"] = phone;
        body["language"] = language;
        body["arrivalFrom"] = arrivalFrom;
        var response = await Client.PostAsJsonAsync("/api/v1/hosts", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (Guid)(await response.ReadObjectAsync())["id"]!;
    }

    /// <summary>Two men going by metro with <paramref name="escort"/> (no vehicle), to a host for men only, <paramref name="host"/> at <paramref name="phone"/>.</summary>
    public async Task AddTwoMenWithAnEscortAsync(string alias, string host, string phone, string escort, string escortPhone)
    {
        var body = Builders.Host($"h-{host.ToLowerInvariant()}", 3, ["men"]);
        body["displayName"] = host;
        body["phone"] = phone;
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync("/api/v1/hosts", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync($"/api/v1/nights/{Night}/requests", new
        {
            alias, members = new[] { new { age = 40, sex = "male" }, new { age = 41, sex = "male" } },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync($"/api/v1/nights/{Night}/escorts", new { firstName = escort, phone = escortPhone })).StatusCode);
    }

    public async Task<Guid> AddFamilyAsync(string alias, params int[] ages)
    {
        var response = await Client.PostAsJsonAsync($"/api/v1/nights/{Night}/requests", new
        {
            alias,
            members = ages.Select((age, i) => new { age, sex = i == 0 ? "female" : "male" }),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (Guid)(await response.ReadObjectAsync())["id"]!;
    }

    public async Task<JsonObject> RunMatchingAsync()
    {
        var response = await Client.PostAsync($"/api/v1/nights/{Night}/matching", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadObjectAsync();
    }

    public async Task<JsonArray> SendOffersAsync()
    {
        var response = await Client.PostAsync($"/api/v1/nights/{Night}/offers", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadArrayAsync();
    }

    public async Task<JsonArray> OffersAsync() => await (await Client.GetAsync($"/api/v1/nights/{Night}/offers")).ReadArrayAsync();

    /// <summary>Polls until <paramref name="condition"/> holds on the offers list (the workers run on their own).</summary>
    public async Task<JsonArray> WaitForOffersAsync(Func<JsonArray, bool> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var offers = await OffersAsync();
            if (condition(offers))
            {
                return offers;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Offers never reached the expected state: {offers.ToJsonString()}");
            }

            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
