using System.Net;
using System.Net.Http.Json;
using HostingMatch.IntegrationTests.Support;
using Npgsql;

namespace HostingMatch.IntegrationTests.Security;

/// <summary>The Api reaching its database through a link the tests can cut (<see cref="CuttableLink"/>).</summary>
public sealed class CuttableDatabaseApiFactory : ApiFactory, IAsyncLifetime
{
    private CuttableLink? link;

    public CuttableLink Link => link ??= LinkTo(new NpgsqlConnectionStringBuilder(Database.ConnectionString));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Default"] = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Host = "127.0.0.1", Port = Link.Port }.ConnectionString,
    };

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (link is not null)
        {
            await link.DisposeAsync();
        }
    }

    private static CuttableLink LinkTo(NpgsqlConnectionStringBuilder server) => new(server.Host!, server.Port);
}

public sealed class DatabaseUnavailableTests(CuttableDatabaseApiFactory api) : IClassFixture<CuttableDatabaseApiFactory>
{
    [Fact]
    public async Task CheckingAKeyWhileTheDatabaseIsUnreachableAnswers503ProblemDetailsWithRetryAfter()
    {
        var (partner, _) = await api.CreatePartnerAsync("Outage partner");
        var coordinator = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/api/v1/hosts")).StatusCode);

        api.Link.Cut();
        try
        {
            await AssertUnavailableAsync(await coordinator.GetAsync("/api/v1/hosts"));
            await AssertUnavailableAsync(await partner.GetAsync("/api/v1/referrals"));
            await AssertUnavailableAsync(await partner.PostAsJsonAsync("/api/v1/referrals", Builders.Referral()));
            // Without a key nothing is looked up: still the plain 401.
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateAnonymousClient().GetAsync("/api/v1/hosts")).StatusCode);
        }
        finally
        {
            api.Link.Restore();
        }
    }

    [Fact]
    public async Task AReferralWhoseHandlerFindsTheDatabaseGoneAnswers503ProblemDetailsWithRetryAfter()
    {
        var (partner, _) = await api.CreatePartnerAsync("Outage partner 2");
        // With Expect: 100-continue the body leaves only once the endpoint reads it, after the key was checked:
        // the link is cut at that moment, so only the handler meets the outage.
        using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) };
        using var client = new HttpClient(handler) { BaseAddress = partner.BaseAddress };
        client.DefaultRequestHeaders.Authorization = partner.DefaultRequestHeaders.Authorization;
        client.DefaultRequestHeaders.ExpectContinue = true;

        try
        {
            var response = await client.PostAsync("/api/v1/referrals", new BeforeSending(JsonContent.Create(Builders.Referral()), api.Link.Cut));
            await AssertUnavailableAsync(response);
        }
        finally
        {
            api.Link.Restore();
        }
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.RetryAfter!.Delta);
        var problem = await response.ReadObjectAsync();
        Assert.Equal("urn:hostingmatch:problem:unavailable", (string?)problem["type"]);
        Assert.Equal("The database is not reachable; try again in a moment.", (string?)problem["title"]);
        Assert.DoesNotContain("Npgsql", problem.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A body that does something just before it is sent.</summary>
    private sealed class BeforeSending : HttpContent
    {
        private readonly HttpContent inner;
        private readonly Action action;

        public BeforeSending(HttpContent inner, Action action)
        {
            this.inner = inner;
            this.action = action;
            Headers.ContentType = inner.Headers.ContentType;
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            action();
            await inner.CopyToAsync(stream);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
