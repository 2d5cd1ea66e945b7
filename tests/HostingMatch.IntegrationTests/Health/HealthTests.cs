using System.Net;
using HostingMatch.IntegrationTests.Support;

namespace HostingMatch.IntegrationTests.Health;

public sealed class HealthTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    [Fact]
    public async Task ReadinessGoesRedWhenTheDatabaseStopsAndGreenWhenItComesBack()
    {
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await api.Database.SetReachableAsync(false);
        try
        {
            // Readiness answers from its last check for a second (CachedReadiness): let the second pass.
            api.Clock.Advance(NodaTime.Duration.FromSeconds(2));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
            // Liveness says the process runs; it does not depend on the database.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            await api.Database.SetReachableAsync(true);
        }

        api.Clock.Advance(NodaTime.Duration.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task AReadWhileTheDatabaseIsDown_IsA503ProblemWithRetryAfter_AndAnswersAgainWhenItComesBack()
    {
        // A read now takes its connection before its handler runs (TransactionBehavior keeps one for the whole query):
        // failing to get one must still say "try again", not 500.
        var coordinator = api.CreateClient(api.Coordinator.Key);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/api/v1/hosts")).StatusCode);

        await api.Database.SetReachableAsync(false);
        try
        {
            using var down = await coordinator.GetAsync("/api/v1/hosts");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.NotNull(down.Headers.RetryAfter);
            Assert.Contains("urn:hostingmatch:problem:unavailable", await down.Content.ReadAsStringAsync());

            // Text that cannot be a key is still refused as such: it never needed the database.
            using var garbage = await api.CreateClient("not-a-key").GetAsync("/api/v1/hosts");
            Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        }
        finally
        {
            await api.Database.SetReachableAsync(true);
        }

        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/api/v1/hosts")).StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocumentAndTheReferencePageAreServed()
    {
        var document = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/hosts", document);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/docs/v1")).StatusCode);
    }
}
