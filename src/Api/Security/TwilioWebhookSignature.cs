using HostingMatch.Infrastructure.Sms;
using Microsoft.Extensions.Options;
using Twilio.Security;

namespace HostingMatch.Api.Security;

/// <summary>
/// Twilio's webhooks (<c>/sms/*</c>) prove who calls with <c>X-Twilio-Signature</c>, checked against
/// <c>Twilio:PublicBaseUrl</c> and the path, the address Twilio signed, whatever a reverse proxy rewrote. The check runs
/// before the rate limiter, so that only signed calls spend Twilio's shared budget: a flood of unsigned or forged ones
/// spends its own address's small budget and can never lock Twilio out (issue 13).
/// </summary>
public static class TwilioWebhookSignature
{
    private const string SignedItem = "hostingmatch:twilio-signed";

    /// <summary>Whether this request is a webhook that carries a valid signature (as found by <see cref="UseTwilioSignatureCheck"/>).</summary>
    public static bool IsSigned(this HttpContext http) => http.Items.ContainsKey(SignedItem);

    public static IApplicationBuilder UseTwilioSignatureCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/sms") && await HasValidSignatureAsync(context))
        {
            context.Items[SignedItem] = true;
        }

        await next(context);
    });

    private static async Task<bool> HasValidSignatureAsync(HttpContext http)
    {
        var signature = http.Request.Headers["X-Twilio-Signature"].ToString();
        if (signature.Length == 0 || !HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType)
        {
            return false;
        }

        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<TwilioOptions>>().CurrentValue;
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var parameters = form.ToDictionary(p => p.Key, p => p.Value.ToString());
        var publicBase = options.PublicBaseUrl.Length > 0
            ? options.PublicBaseUrl.TrimEnd('/')
            : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        var url = $"{publicBase}{http.Request.Path}{http.Request.QueryString}";
        return new RequestValidator(options.AuthToken).Validate(url, parameters, signature);
    }
}
