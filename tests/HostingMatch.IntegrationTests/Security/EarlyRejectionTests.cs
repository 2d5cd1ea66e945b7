using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using HostingMatch.IntegrationTests.Support;

namespace HostingMatch.IntegrationTests.Security;

/// <summary>
/// Issue 13, item 6: what Kestrel used to refuse by itself with an empty body. A long query and a non-ASCII header now reach
/// our middleware and answer ProblemDetails; a <c>%00</c> in the path and a request line over Kestrel's own limit still get
/// Kestrel's empty answer (no hook: docs/security.md), and these tests say exactly what the client gets. Raw sockets, because
/// HttpClient refuses to send some of these requests.
/// </summary>
public sealed class EarlyRejectionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AQueryOf10KbAnswers414ProblemDetails()
    {
        var answer = await SendAsync($"GET /api/v1/hosts?search={new string('a', 10 * 1024)} HTTP/1.1\r\nHost: localhost\r\n{Bearer()}\r\n");

        Assert.Equal(414, answer.Status);
        var problem = answer.Problem();
        Assert.Equal("urn:hostingmatch:problem:uri-too-long", problem.GetProperty("type").GetString());
        Assert.Equal(414, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task APathOf10KbAnswers414ProblemDetailsEvenWithoutAKey()
    {
        var answer = await SendAsync($"GET /api/v1/{new string('b', 10 * 1024)} HTTP/1.1\r\nHost: localhost\r\n\r\n");

        Assert.Equal(414, answer.Status);
        Assert.Equal("urn:hostingmatch:problem:uri-too-long", answer.Problem().GetProperty("type").GetString());
    }

    [Fact]
    public async Task AQueryJustUnderTheLimitReachesTheEndpoint()
    {
        // A parameter the endpoint ignores: the length alone decides (search itself is held to 100 characters).
        var target = "/api/v1/hosts?unused=";
        var answer = await SendAsync($"GET {target}{new string('c', 8 * 1024 - target.Length)} HTTP/1.1\r\nHost: localhost\r\n{Bearer()}\r\n");

        Assert.Equal(200, answer.Status);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("latin-1")]
    public async Task ANonAsciiHeaderAnswers400ProblemDetailsNamingTheHeader(string encoding)
    {
        var value = encoding == "utf-8" ? Encoding.UTF8.GetBytes("Café") : Encoding.Latin1.GetBytes("Café");
        var head = Encoding.ASCII.GetBytes($"GET /api/v1/hosts HTTP/1.1\r\nHost: localhost\r\n{Bearer()}X-Caller: ");
        var request = head.Concat(value).Concat(Encoding.ASCII.GetBytes("\r\n\r\n")).ToArray();

        var answer = await SendAsync(request);

        Assert.Equal(400, answer.Status);
        var problem = answer.Problem();
        Assert.Equal("urn:hostingmatch:problem:validation", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("X-Caller", out _), answer.Body);
    }

    [Fact]
    public async Task ANulInThePathGetsKestrelsEmpty400AndNothingElse()
    {
        // Kestrel refuses a decoded NUL in the path while parsing the request line, before any middleware: no hook.
        var answer = await SendAsync($"GET /api/v1/hosts/%00 HTTP/1.1\r\nHost: localhost\r\n{Bearer()}\r\n");

        Assert.Equal(400, answer.Status);
        Assert.Equal(string.Empty, answer.Body);
        Assert.Equal("close", answer.Header("Connection"));
    }

    [Fact]
    public async Task ARequestLineOverKestrelsLimitGetsItsEmpty414()
    {
        var answer = await SendAsync($"GET /api/v1/hosts?search={new string('d', 70 * 1024)} HTTP/1.1\r\nHost: localhost\r\n\r\n");

        Assert.Equal(414, answer.Status);
        Assert.Equal(string.Empty, answer.Body);
    }

    private string Bearer() => $"Authorization: Bearer {api.Coordinator.Key}\r\n";

    private Task<RawAnswer> SendAsync(string request) => SendAsync(Encoding.ASCII.GetBytes(request));

    /// <summary>Sends one request on a new connection and reads the answer until the server closes it or its body is complete.</summary>
    private async Task<RawAnswer> SendAsync(byte[] request)
    {
        var address = api.CreateClient().BaseAddress!;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(request);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                break;
            }

            received.Write(buffer, 0, read);
            if (RawAnswer.TryParse(received.ToArray()) is { } complete)
            {
                return complete;
            }
        }

        return RawAnswer.TryParse(received.ToArray()) ?? throw new InvalidOperationException("The server closed the connection without a whole answer.");
    }

    private sealed record RawAnswer(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

        public JsonElement Problem()
        {
            Assert.StartsWith("application/problem+json", Header("Content-Type"));
            return JsonDocument.Parse(Body).RootElement;
        }

        /// <summary>The answer when its head and (Content-Length or chunked) body are all there; null when more is to come.</summary>
        public static RawAnswer? TryParse(byte[] bytes)
        {
            var text = Encoding.UTF8.GetString(bytes);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0)
            {
                return null;
            }

            var lines = text[..end].Split("\r\n");
            var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
            var rest = text[(end + 4)..];
            if (headers.TryGetValue("Content-Length", out var length))
            {
                var count = int.Parse(length, System.Globalization.CultureInfo.InvariantCulture);
                return Encoding.UTF8.GetByteCount(rest) >= count ? new RawAnswer(status, headers, rest) : null;
            }

            if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                return rest.EndsWith("0\r\n\r\n", StringComparison.Ordinal) ? new RawAnswer(status, headers, Unchunk(rest)) : null;
            }

            return null;
        }

        private static string Unchunk(string chunked)
        {
            var body = new StringBuilder();
            var at = 0;
            while (true)
            {
                var lineEnd = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
                var size = Convert.ToInt32(chunked[at..lineEnd], 16);
                if (size == 0)
                {
                    return body.ToString();
                }

                body.Append(chunked, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
        }
    }
}
