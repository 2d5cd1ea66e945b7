using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HostingMatch.Infrastructure.Sms.FakeTwilio;

/// <summary>
/// Runs the in-process fake Twilio while the Api runs with <c>Twilio:UseFake</c> or without Twilio credentials
/// (the demo, a laptop); <paramref name="reason"/> says which, in the start-up warning.
/// </summary>
public sealed class FakeTwilioHostedService(FakeTwilioServer fake, ILogger<FakeTwilioHostedService> logger, string reason) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await fake.StartAsync(cancellationToken);
        logger.LogWarning("{Reason}: SMS go to the fake Twilio at {Url}; no host receives anything.", reason, fake.BaseUrl);
    }

    public Task StopAsync(CancellationToken cancellationToken) => fake.DisposeAsync().AsTask();
}
