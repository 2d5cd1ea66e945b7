using HostingMatch.Infrastructure;
using HostingMatch.Infrastructure.Sms;
using HostingMatch.Infrastructure.Sms.FakeTwilio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
        TwilioOptions.EnsureUsable(
            Config(("Twilio:AccountSid", "AC123"), ("Twilio:AuthToken", "secret"), ("Twilio:FromNumber", "+33757000000")), isProduction: true);
        TwilioOptions.EnsureUsable(Config(("Twilio:UseFake", "true")), isProduction: true);
    }

    [Theory]
    [InlineData("")]
    [InlineData("07 57 00 00 00")]
    public void CredentialsWithoutAnE164SendingNumberRefuseToStartAndNameTheSetting(string fromNumber)
    {
        var config = Config(("Twilio:AccountSid", "AC123"), ("Twilio:AuthToken", "secret"), ("Twilio:FromNumber", fromNumber));

        var error = Assert.Throws<InvalidOperationException>(() => TwilioOptions.EnsureUsable(config, isProduction: true));
        Assert.Contains("Twilio:FromNumber", error.Message);
        Assert.Contains("Twilio__FromNumber", error.Message);
        Assert.Throws<InvalidOperationException>(() => TwilioOptions.EnsureUsable(config, isProduction: false));
    }

    [Fact]
    public void UseFakeSendsToTheFakeTwilioEvenWhenRealCredentialsAreInTheEnvironment()
    {
        var config = Config(
            ("ConnectionStrings:Default", "Host=127.0.0.1;Port=1;Username=nobody;Database=none"),
            ("Twilio:UseFake", "true"),
            ("Twilio:AccountSid", "AC_real_account"),
            ("Twilio:AuthToken", "real-secret"),
            ("Twilio:FromNumber", "+33757000000"));
        TwilioOptions.EnsureUsable(config, isProduction: true);

        using var services = new ServiceCollection().AddLogging().AddInfrastructure(config).BuildServiceProvider();

        var fake = services.GetRequiredService<FakeTwilioServer>();
        var twilio = services.GetRequiredService<IOptions<TwilioOptions>>().Value;
        Assert.Equal(fake.BaseUrl, twilio.ApiBaseUrl);
        Assert.Equal(fake.AccountSid, twilio.AccountSid);
        Assert.NotEqual("AC_real_account", twilio.AccountSid);
        Assert.NotEqual("real-secret", twilio.AuthToken);
    }

    [Fact]
    public void OutsideProductionTheFakeIsUsedWithoutBeingAsked() =>
        TwilioOptions.EnsureUsable(Config(), isProduction: false);
}
