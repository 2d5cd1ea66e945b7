using HostingMatch.Infrastructure.Sms;
using Microsoft.Extensions.Configuration;

namespace HostingMatch.IntegrationTests.Sms;

/// <summary>In production, offers must reach real phones: no credentials and no explicit fake stops the Api at start.</summary>
public sealed class TwilioConfigurationTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    [Fact]
    public void ProductionWithoutCredentialsRefusesToStartAndSaysHowToFixIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TwilioOptions.EnsureUsable(Config(), isProduction: true));
        Assert.Contains("Twilio:AccountSid", error.Message);
        Assert.Contains("Twilio:UseFake", error.Message);
    }

    [Fact]
    public void ProductionWithCredentialsOrAnExplicitFakeStarts()
    {
        TwilioOptions.EnsureUsable(Config(("Twilio:AccountSid", "AC123"), ("Twilio:AuthToken", "secret")), isProduction: true);
        TwilioOptions.EnsureUsable(Config(("Twilio:UseFake", "true")), isProduction: true);
    }

    [Fact]
    public void OutsideProductionTheFakeIsUsedWithoutBeingAsked() =>
        TwilioOptions.EnsureUsable(Config(), isProduction: false);
}
