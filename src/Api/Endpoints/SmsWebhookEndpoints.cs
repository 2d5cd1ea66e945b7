using HostingMatch.Application.Sms;
using HostingMatch.Api.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Twilio.TwiML;

namespace HostingMatch.Api.Endpoints;

/// <summary>
/// Twilio's webhooks: <c>POST /sms/inbound</c> (a host's SMS, answered with TwiML) and <c>POST /sms/status</c> (where one
/// of our messages stands). Every request's <c>X-Twilio-Signature</c> is checked (<see cref="TwilioWebhookSignature"/>,
/// before the rate limiter): a bad or missing one gets 403 and changes nothing.
/// </summary>
public static class SmsWebhookEndpoints
{
    private const string Xml = "application/xml";

    public static IEndpointRouteBuilder MapSmsWebhooks(this IEndpointRouteBuilder app)
    {
        // No API key: Twilio proves who it is with the signature, checked below for every request.
        var sms = app.MapGroup("/sms").WithTags("Twilio webhooks").ExcludeFromDescription().AllowAnonymous()
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.IsSigned() ? await next(context) : TypedResults.StatusCode(StatusCodes.Status403Forbidden));

        sms.MapPost("/inbound", async (HttpRequest request, IServiceScopeFactory scopes, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct);
            var command = new ReceiveSms(form["MessageSid"].ToString(), form["From"].ToString(), form["Body"].ToString(),
                form.TryGetValue("OptOutType", out var optOut) ? optOut.ToString() : null);
            var reply = await SendOnceAsync(scopes, command, ct);
            var twiml = new MessagingResponse();
            if (reply.Message is { } text)
            {
                twiml.Message(text);
            }

            return TypedResults.Text(twiml.ToString(), Xml);
        });

        sms.MapPost("/status", async (HttpRequest request, IServiceScopeFactory scopes, Guid? outbox, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct);
            await SendOnceAsync(scopes, new RecordSmsStatus(form["MessageSid"].ToString(), form["MessageStatus"].ToString(), outbox,
                form.TryGetValue("ErrorCode", out var error) ? error.ToString() : null), ct);
            return TypedResults.Text(new MessagingResponse().ToString(), Xml);
        });

        return app;
    }

    /// <summary>
    /// Processes a webhook, again from the start when it raced with something that changed the same rows (the expiry
    /// worker, the outbox worker, Twilio's retry of the same webhook): the retry sees the committed state, and a
    /// duplicate is then recognised as one.
    /// </summary>
    private static async Task<T> SendOnceAsync<T>(IServiceScopeFactory scopes, ICommand<T> command, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, ct);
            }
            catch (DbUpdateException e) when (attempt < 3 && (e is DbUpdateConcurrencyException
                                                              || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }))
            {
                // Try again in a fresh scope: the other writer committed, we now read what it did.
            }
        }
    }
}
