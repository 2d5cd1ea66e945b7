using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HostingMatch.Infrastructure.Sms.FakeTwilio;

/// <summary>Runs the in-process fake Twilio while the Api runs without Twilio credentials (the demo, a laptop).</summary>
public sealed class FakeTwilioHostedService(FakeTwilioServer fake, ILogger<FakeTwilioHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await fake.StartAsync(cancellationToken);
        logger.LogWarning("No Twilio credentials configured: SMS go to the fake Twilio at {Url}; no host receives anything.", fake.BaseUrl);
    }

    public Task StopAsync(CancellationToken cancellationToken) => fake.DisposeAsync().AsTask();
}
