using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HostingMatch.Infrastructure.Sms.FakeTwilio;

/// <summary>One message the fake Twilio accepted.</summary>
public sealed record FakeSms(string Sid, string To, string From, string Body, string? StatusCallback, DateTimeOffset CreatedAt);

/// <summary>
/// A small, real Twilio on 127.0.0.1 (Kestrel, a free port) that speaks the parts of Twilio's HTTP API we use:
/// <c>POST /2010-04-01/Accounts/{sid}/Messages.json</c> (basic auth, 201 with Twilio's JSON, then signed status
/// callbacks "sent" and "delivered"), <c>GET</c> on the same path (the message list, to find a message after a crash),
/// and inbound messages posted, signed, to our webhook as if a host replied. It can be told to fail or hang the next
/// requests. The tests and the demo use it; the Api starts one by itself when no Twilio credentials are configured.
/// </summary>
public sealed class FakeTwilioServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeSms> messages = new();
    private readonly ConcurrentQueue<Func<HttpContext, Task>> faults = new();
    private readonly ConcurrentDictionary<Task, byte> callbacks = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Func<DateTimeOffset> now;
    private WebApplication? app;
    private int requests;

    /// <param name="accountSid">The account the fake accepts; a made-up one by default.</param>
    /// <param name="authToken">The token requests are authenticated and signed with.</param>
    /// <param name="fromNumber">Our number, as Twilio would give it.</param>
    /// <param name="now">The fake's clock (the tests give theirs, so message dates agree with the outbox's).</param>
    public FakeTwilioServer(string? accountSid = null, string? authToken = null, string fromNumber = "+33700000000", Func<DateTimeOffset>? now = null)
    {
        AccountSid = accountSid ?? "AC" + Guid.NewGuid().ToString("N");
        AuthToken = authToken ?? Guid.NewGuid().ToString("N");
        FromNumber = fromNumber;
        this.now = now ?? (() => DateTimeOffset.UtcNow);
        Port = FreePort();
    }

    public string AccountSid { get; }
    public string AuthToken { get; }
    public string FromNumber { get; }
    public int Port { get; }

    /// <summary>What goes into <c>Twilio:ApiBaseUrl</c>.</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>Where inbound messages are posted: our Api's <c>/sms/inbound</c> as Twilio would call it.</summary>
    public Uri? InboundWebhookUrl { get; set; }

    /// <summary>Post the status callbacks (sent, delivered) after accepting a message.</summary>
    public bool SendStatusCallbacks { get; set; } = true;

    /// <summary>
    /// Numbers whose handset cannot be reached (switched off, out of coverage): Twilio accepts the message, then its
    /// status callbacks say <c>sent</c>, then <c>undelivered</c> with error 30003, as the real service does.
    /// </summary>
    public ConcurrentDictionary<string, byte> Unreachable { get; } = new();

    /// <summary>Numbers Twilio refuses as invalid (400, error 21211, the number quoted in the message, as Twilio does).</summary>
    public ConcurrentDictionary<string, byte> Invalid { get; } = new();

    /// <summary>Every message accepted so far, in order.</summary>
    public IReadOnlyList<FakeSms> Messages => messages.ToArray();

    /// <summary>Every request to the Messages API (accepted, failed or hung).</summary>
    public int CreateRequests => Volatile.Read(ref requests);

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, Port));
        app = builder.Build();
        app.MapPost("/2010-04-01/Accounts/{account}/Messages.json", CreateMessageAsync);
        app.MapGet("/2010-04-01/Accounts/{account}/Messages.json", ListMessages);
        await app.StartAsync(cancellationToken);
    }

    /// <summary>The next <paramref name="count"/> create requests answer <paramref name="status"/> (500, 429...) and send nothing.</summary>
    public void FailNext(int count, HttpStatusCode status)
    {
        for (var i = 0; i < count; i++)
        {
            faults.Enqueue(async context =>
            {
                context.Response.StatusCode = (int)status;
                await context.Response.WriteAsJsonAsync(new { code = 20500, message = $"Fake Twilio told to answer {(int)status}.", status = (int)status });
            });
        }
    }

    /// <summary>The next <paramref name="count"/> create requests hang for <paramref name="delay"/>, then answer 503 (a timeout to the caller).</summary>
    public void HangNext(int count, TimeSpan delay)
    {
        for (var i = 0; i < count; i++)
        {
            faults.Enqueue(async context =>
            {
                await Task.Delay(delay, CancellationToken.None);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            });
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> create requests are accepted (the message is recorded and will be listed) but answered
    /// only after <paramref name="delay"/>: to the caller, a timeout that hides a message Twilio did take.
    /// </summary>
    public void AcceptButHangNext(int count, TimeSpan delay)
    {
        for (var i = 0; i < count; i++)
        {
            faults.Enqueue(async context =>
            {
                var form = await context.Request.ReadFormAsync();
                messages.Enqueue(new FakeSms(NewSid("SM"), form["To"].ToString(), form["From"].ToString(), form["Body"].ToString(), null, now()));
                await Task.Delay(delay, CancellationToken.None);
                context.Response.StatusCode = StatusCodes.Status201Created;
            });
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> messages were accepted, and returns them.</summary>
    public async Task<IReadOnlyList<FakeSms>> WaitForMessagesAsync(int count, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (messages.Count < count)
        {
            await Task.Delay(25, cancel.Token);
        }

        return Messages;
    }

    /// <summary>Waits for the status callbacks already started to be answered.</summary>
    public Task CallbacksDeliveredAsync() => Task.WhenAll(callbacks.Keys);

    /// <summary>
    /// Posts an inbound SMS to <see cref="InboundWebhookUrl"/>, signed as Twilio signs it, as if <paramref name="from"/>
    /// had replied <paramref name="body"/>. Give <paramref name="messageSid"/> to replay a webhook (Twilio retries);
    /// <paramref name="signature"/> to forge one; <paramref name="extra"/> for more fields (<c>OptOutType</c>).
    /// </summary>
    public async Task<HttpResponseMessage> SendInboundAsync(string from, string body, string? messageSid = null, string? signature = null,
        IReadOnlyDictionary<string, string>? extra = null, CancellationToken cancellationToken = default)
    {
        var url = InboundWebhookUrl ?? throw new InvalidOperationException("Set InboundWebhookUrl to the Api's /sms/inbound first.");
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = messageSid ?? NewSid("SM"),
            ["SmsSid"] = messageSid ?? NewSid("SM"),
            ["AccountSid"] = AccountSid,
            ["From"] = from,
            ["To"] = FromNumber,
            ["Body"] = body,
            ["NumMedia"] = "0",
            ["NumSegments"] = "1",
            ["SmsStatus"] = "received",
            ["ApiVersion"] = "2010-04-01",
        };
        form["SmsSid"] = form["MessageSid"];
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            form[key] = value;
        }

        return await PostSignedAsync(url.ToString(), form, signature, cancellationToken);
    }

    /// <summary>Creates a fresh Twilio-looking SID (<c>SM</c> and 32 hex digits).</summary>
    public static string NewSid(string prefix) => prefix + Guid.NewGuid().ToString("N");

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        http.Dispose();
    }

    private async Task CreateMessageAsync(HttpContext context, string account)
    {
        Interlocked.Increment(ref requests);
        if (!Authorized(context, account))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsJsonAsync(new { code = 20003, message = "Authenticate", status = 401 });
            return;
        }

        if (faults.TryDequeue(out var fault))
        {
            await fault(context);
            return;
        }

        var form = await context.Request.ReadFormAsync();
        var to = form["To"].ToString();
        if (!to.StartsWith('+') || Invalid.ContainsKey(to))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { code = 21211, message = $"The 'To' number {to} is not a valid phone number.", status = 400 });
            return;
        }

        var callback = form["StatusCallback"].ToString();
        var sms = new FakeSms(NewSid("SM"), to, form["From"].ToString(), form["Body"].ToString(), callback.Length > 0 ? callback : null, now());
        messages.Enqueue(sms);
        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(Resource(sms, "queued")));

        if (SendStatusCallbacks && sms.StatusCallback is { } url)
        {
            var task = Task.Run(() => PostStatusesAsync(sms, url));
            callbacks.TryAdd(task, 0);
            _ = task.ContinueWith(t => callbacks.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private IResult ListMessages(HttpContext context, string account)
    {
        if (!Authorized(context, account))
        {
            return Results.Json(new { code = 20003, message = "Authenticate", status = 401 }, statusCode: 401);
        }

        var query = context.Request.Query;
        var found = messages
            .Where(m => query["To"].ToString() is not { Length: > 0 } to || m.To == to)
            .Where(m => query["From"].ToString() is not { Length: > 0 } from || m.From == from)
            .Reverse()
            .Select(m => Resource(m, "sent"))
            .ToList();
        var uri = $"/2010-04-01/Accounts/{account}/Messages.json";
        return Results.Json(new Dictionary<string, object?>
        {
            ["messages"] = found,
            ["uri"] = uri,
            ["first_page_uri"] = uri,
            ["next_page_uri"] = null,
            ["previous_page_uri"] = null,
            ["page"] = 0,
            ["page_size"] = Math.Max(found.Count, 50),
            ["start"] = 0,
            ["end"] = Math.Max(found.Count - 1, 0),
        });
    }

    private async Task PostStatusesAsync(FakeSms sms, string url)
    {
        var unreachable = Unreachable.ContainsKey(sms.To);
        foreach (var status in new[] { "sent", unreachable ? "undelivered" : "delivered" })
        {
            var form = new Dictionary<string, string>
            {
                ["MessageSid"] = sms.Sid,
                ["SmsSid"] = sms.Sid,
                ["MessageStatus"] = status,
                ["SmsStatus"] = status,
                ["AccountSid"] = AccountSid,
                ["From"] = sms.From,
                ["To"] = sms.To,
                ["ApiVersion"] = "2010-04-01",
            };
            if (status == "undelivered")
            {
                form["ErrorCode"] = UnreachableErrorCode;
            }

            using var response = await PostSignedAsync(url, form, signature: null, CancellationToken.None);
        }
    }

    /// <summary>Twilio's error for an unreachable destination handset.</summary>
    private const string UnreachableErrorCode = "30003";

    private async Task<HttpResponseMessage> PostSignedAsync(string url, Dictionary<string, string> form, string? signature, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature ?? TwilioSignature.Compute(AuthToken, url, form));
        request.Headers.UserAgent.ParseAdd("TwilioProxy/1.1");
        return await http.SendAsync(request, cancellationToken);
    }

    private bool Authorized(HttpContext context, string account)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
        return account == AccountSid && context.Request.Headers.Authorization.ToString() == expected;
    }

    private Dictionary<string, object?> Resource(FakeSms sms, string status)
    {
        var date = sms.CreatedAt.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
        return new Dictionary<string, object?>
        {
            ["account_sid"] = AccountSid,
            ["api_version"] = "2010-04-01",
            ["body"] = sms.Body,
            ["date_created"] = date,
            ["date_sent"] = status == "queued" ? null : date,
            ["date_updated"] = date,
            ["direction"] = "outbound-api",
            ["error_code"] = null,
            ["error_message"] = null,
            ["from"] = sms.From,
            ["messaging_service_sid"] = null,
            ["num_media"] = "0",
            ["num_segments"] = "1",
            ["price"] = null,
            ["price_unit"] = "EUR",
            ["sid"] = sms.Sid,
            ["status"] = status,
            ["subresource_uris"] = new Dictionary<string, string> { ["media"] = $"/2010-04-01/Accounts/{AccountSid}/Messages/{sms.Sid}/Media.json" },
            ["to"] = sms.To,
            ["uri"] = $"/2010-04-01/Accounts/{AccountSid}/Messages/{sms.Sid}.json",
        };
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
