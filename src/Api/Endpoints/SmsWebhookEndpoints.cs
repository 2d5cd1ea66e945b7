using HostingMatch.Application.Sms;
using HostingMatch.Api.Security;
using Mediator;
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

        sms.MapPost("/inbound", async (HttpRequest request, IMediator mediator, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct);
            var command = new ReceiveSms(form["MessageSid"].ToString(), form["From"].ToString(), form["Body"].ToString(),
                form.TryGetValue("OptOutType", out var optOut) ? optOut.ToString() : null);
            // A race with another writer (the expiry worker, Twilio retrying the same webhook) is run again by the pipeline.
            var reply = await mediator.Send(command, ct);
            var twiml = new MessagingResponse();
            if (reply.Message is { } text)
            {
                twiml.Message(text);
            }

            return TypedResults.Text(twiml.ToString(), Xml);
        });

        sms.MapPost("/status", async (HttpRequest request, IMediator mediator, Guid? outbox, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct);
            await mediator.Send(new RecordSmsStatus(form["MessageSid"].ToString(), form["MessageStatus"].ToString(), outbox,
                form.TryGetValue("ErrorCode", out var error) ? error.ToString() : null), ct);
            return TypedResults.Text(new MessagingResponse().ToString(), Xml);
        });

        return app;
    }
}
