using HostingMatch.Domain.Common;
using HostingMatch.Domain.Sms;
using NodaTime;

namespace HostingMatch.UnitTests.Sms;

public sealed class OutboundSmsTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 26, 17, 0);
    private static readonly Duration Lease = Duration.FromMinutes(2);

    private static OutboundSms NewMessage() => OutboundSms.Create("+33612345678", "Bonsoir", SmsKind.Offer, null, null, Now);

    [Fact]
    public void Create_WithANumberNotInE164_Throws() =>
        Assert.Equal("sms-invalid", Assert.Throws<DomainException>(() =>
            OutboundSms.Create("06 12 34 56 78", "Bonsoir", SmsKind.Offer, null, null, Now)).Code);

    [Fact]
    public void Claim_WhileAnotherWorkersLeaseRuns_Throws()
    {
        var sms = NewMessage();
        sms.Claim(Now, Now + Lease);
        Assert.Equal("sms-not-claimable", Assert.Throws<DomainException>(() => sms.Claim(Now + Duration.FromMinutes(1), Now + Lease)).Code);
    }

    [Fact]
    public void Claim_AfterTheLeaseLapsed_TakesItOverAndCountsASecondAttempt()
    {
        var sms = NewMessage();
        sms.Claim(Now, Now + Lease);
        sms.Claim(Now + Lease, Now + Lease + Lease);
        Assert.Equal(2, sms.Attempts);
        Assert.True(sms.MayAlreadyBeWithProvider);
    }

    [Fact]
    public void FailTransiently_BeforeTheLastAttempt_GoesBackToPendingUntilTheRetryTime()
    {
        var sms = NewMessage();
        sms.Claim(Now, Now + Lease);
        sms.FailTransiently("503", Now + Duration.FromSeconds(30), maxAttempts: 3, Now);
        Assert.Equal(OutboundSmsStatus.Pending, sms.Status);
        Assert.Equal(Now + Duration.FromSeconds(30), sms.NextAttemptAt);
    }

    [Fact]
    public void FailTransiently_OnTheLastAttempt_MarksItFailed()
    {
        var sms = NewMessage();
        sms.Claim(Now, Now + Lease);
        sms.FailTransiently("503", Now + Duration.FromSeconds(30), maxAttempts: 1, Now);
        Assert.Equal(OutboundSmsStatus.Failed, sms.Status);
    }

    [Fact]
    public void ProviderStatuses_ArrivingOutOfOrder_NeverGoBackwards()
    {
        var sms = NewMessage();
        sms.Claim(Now, Now + Lease);
        sms.RecordProviderStatus("SM1", "delivered", Now);
        sms.RecordProviderStatus("SM1", "sent", Now);
        sms.MarkSent("SM1", "queued", Now);
        Assert.Equal(OutboundSmsStatus.Sent, sms.Status);
        Assert.Equal("delivered", sms.ProviderStatus);
    }

    [Fact]
    public void AFailureReportedAfterTwilioAcceptedIsIgnored()
    {
        var sms = NewMessage();
        sms.Claim(Now, Now + Lease);
        sms.MarkSent("SM1", "queued", Now);
        sms.FailTransiently("timeout", Now, 8, Now);
        Assert.Equal(OutboundSmsStatus.Sent, sms.Status);
    }
}
