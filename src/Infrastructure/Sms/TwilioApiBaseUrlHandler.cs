using Microsoft.Extensions.Options;

namespace HostingMatch.Infrastructure.Sms;

/// <summary>
/// Points the official Twilio client, which always calls <c>https://api.twilio.com</c>, at
/// <see cref="TwilioOptions.ApiBaseUrl"/> when set (the fake Twilio): the same code path, another server.
/// </summary>
public sealed class TwilioApiBaseUrlHandler(IOptionsMonitor<TwilioOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var baseUrl = options.CurrentValue.ApiBaseUrl;
        if (baseUrl.Length > 0 && request.RequestUri is { } uri)
        {
            var target = new Uri(baseUrl);
            request.RequestUri = new UriBuilder(uri) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
