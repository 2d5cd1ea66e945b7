using System.Security.Cryptography;
using System.Text;

namespace HostingMatch.Infrastructure.Sms.FakeTwilio;

/// <summary>
/// Twilio's request signature, as Twilio computes it: Base64(HMAC-SHA1(auth token, URL + each form key and value,
/// keys sorted)). Only the fake signs; we check signatures with Twilio's own <c>RequestValidator</c>.
/// </summary>
public static class TwilioSignature
{
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = new StringBuilder(url);
        foreach (var (key, value) in form.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }
}
