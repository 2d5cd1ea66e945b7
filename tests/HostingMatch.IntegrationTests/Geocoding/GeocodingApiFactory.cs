using HostingMatch.Infrastructure.Geocoding.FakeBan;
using HostingMatch.IntegrationTests.Support;

namespace HostingMatch.IntegrationTests.Geocoding;

/// <summary>
/// The real Api with the fake BAN on 127.0.0.1 in the Base Adresse Nationale's place (<c>Geocoding:BaseUrl</c>), retrying
/// quickly so that a geocoder that is down fails the test in well under a second, not in the production's seconds.
/// </summary>
public sealed class GeocodingApiFactory : ApiFactory, IAsyncLifetime
{
    public FakeBanServer Ban { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Geocoding:BaseUrl"] = Ban.BaseUrl,
        ["Geocoding:RetryBaseDelaySeconds"] = "0.02",
        ["Geocoding:AttemptTimeoutSeconds"] = "2",
    };

    public new async Task InitializeAsync()
    {
        await Ban.StartAsync();
        await base.InitializeAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Ban.DisposeAsync();
    }
}
