namespace HostingMatch.IntegrationTests.Support;

/// <summary>
/// A test class whose every test gets its own Api and database (xunit makes a new instance for each test): for tests
/// that run a night's matching or van plan, which see every host and request in the database, or drive a browser or
/// the SMS workers over a whole night. <typeparamref name="TFactory"/> is the Api (<see cref="ApiFactory"/>, or
/// <see cref="Sms.SmsApiFactory"/> with the fake Twilio); a subclass that prepares more overrides
/// <see cref="InitializeAsync"/> and calls the base first.
/// </summary>
public abstract class OwnApiTest<TFactory>(TFactory api) : IAsyncLifetime
    where TFactory : IAsyncLifetime
{
    /// <summary>This test's own Api, started before the test and disposed (its database dropped) after it.</summary>
    protected TFactory Api { get; } = api;

    public virtual Task InitializeAsync() => Api.InitializeAsync();

    public virtual Task DisposeAsync() => Api.DisposeAsync();
}

/// <summary>An <see cref="OwnApiTest{TFactory}"/> on a plain <see cref="ApiFactory"/>, with a coordinator's client.</summary>
public abstract class OwnApiTest() : OwnApiTest<ApiFactory>(new ApiFactory())
{
    /// <summary>A coordinator's client of <see cref="OwnApiTest{TFactory}.Api"/>.</summary>
    protected HttpClient Client { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Client = Api.CreateClient();
    }
}
