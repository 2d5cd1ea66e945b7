using HostingMatch.Application.Sms;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace HostingMatch.Infrastructure.Sms;

/// <summary>
/// <see cref="ISmsSender"/> through the official Twilio package, over an <see cref="System.Net.Http.HttpClient"/>
/// from the factory: the "twilio" client retries timeouts, 429 and 5xx with exponential back-off and jitter
/// (Microsoft.Extensions.Http.Resilience), and is pointed at the fake Twilio when <c>Twilio:ApiBaseUrl</c> is set.
/// </summary>
public sealed class TwilioSmsSender(IHttpClientFactory httpClients, IOptionsMonitor<TwilioOptions> options, ILogger<TwilioSmsSender> logger)
    : ISmsSender
{
    public const string HttpClientName = "twilio";

    public async Task<SmsSendResult> SendAsync(string to, string body, Uri? statusCallback, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        // Recovering for real: a failure becomes data the outbox acts on (retry later, or mark failed).
        try
        {
            var message = await MessageResource.CreateAsync(
                to: new PhoneNumber(to),
                from: new PhoneNumber(settings.FromNumber),
                body: body,
                statusCallback: statusCallback,
                client: Client(settings));
            return SmsSendResult.Accepted(message.Sid, message.Status?.ToString());
        }
        catch (ApiException e) when (IsTransient(e.Status))
        {
            logger.LogWarning("Twilio answered {Status} ({Code}) to a message for {To}: {Message}", e.Status, e.Code, Mask(to), Mask(e.Message));
            return SmsSendResult.Transient(Mask($"Twilio {e.Status} ({e.Code}): {e.Message}"));
        }
        catch (ApiException e)
        {
            logger.LogWarning("Twilio refused a message for {To}: {Status} ({Code}) {Message}", Mask(to), e.Status, e.Code, Mask(e.Message));
            return SmsSendResult.Permanent(Mask($"Twilio {e.Status} ({e.Code}): {e.Message}"));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Network errors, the resilience pipeline's timeouts: Twilio may or may not have the message.
            logger.LogWarning(e, "Could not reach Twilio for a message to {To}", Mask(to));
            return SmsSendResult.Transient(Mask($"{e.GetType().Name}: {e.Message}"));
        }
    }

    public async Task<SmsSendResult?> FindSentAsync(string to, string body, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        // Recovering for real: not knowing is an answer too (retry later), never a reason to send blindly.
        try
        {
            var messages = await MessageResource.ReadAsync(
                to: new PhoneNumber(to),
                from: new PhoneNumber(settings.FromNumber),
                dateSentAfter: since.UtcDateTime.Date,
                pageSize: 50,
                limit: 200,
                client: Client(settings));
            var found = messages.FirstOrDefault(m => m.Body == body && m.DateCreated is { } created && created >= since.UtcDateTime);
            return found is null ? null : SmsSendResult.Accepted(found.Sid, found.Status?.ToString());
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not ask Twilio whether it already has a message for {To}", Mask(to));
            return SmsSendResult.Transient(Mask($"Could not look the message up at Twilio: {e.GetType().Name}: {e.Message}"));
        }
    }

    private TwilioRestClient Client(TwilioOptions settings) =>
        new(settings.AccountSid, settings.AuthToken, httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName)));

    private static bool IsTransient(int status) => status is 408 or 429 or >= 500;

    // Phone numbers are personal data: logs, errors and alerts keep their last four digits only.
    private static string Mask(string text) => Domain.Common.PhoneNumber.MaskNumbers(text);
}
