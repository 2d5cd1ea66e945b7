using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace HostingMatch.Bench;

/// <summary>
/// A bounded open-loop load on a running Api (127.0.0.1 only): requests start at a fixed rate whatever the answers, half
/// a partner's list of its referrals, half a coordinator's list of hosts (audited: one audit row each), for a fixed time
/// and at most a fixed number in flight. Prints the throughput achieved, latency percentiles and the answers' codes.
/// <c>load --url http://127.0.0.1:5099 --partner-key K --coordinator-key K [--rate 500] [--seconds 20] [--warm-up 15] [--max-in-flight 256] [--timeline]</c>;
/// <c>--per-call N [--api-pid P]</c> instead measures each read alone, N calls one after the other, with their CPU time.
/// </summary>
public static class LoadBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options(args);
        if (!options.TryGetValue("url", out var url) || !options.TryGetValue("partner-key", out var partnerKey)
            || !options.TryGetValue("coordinator-key", out var coordinatorKey))
        {
            Console.Error.WriteLine("usage: HostingMatch.Bench load --url URL --partner-key KEY --coordinator-key KEY [--rate N] [--seconds N] [--warm-up S] [--max-in-flight N] [--timeline] | --per-call N [--api-pid P]");
            return 2;
        }

        var target = new Uri(url);
        if (!target.IsLoopback)
        {
            Console.Error.WriteLine("The load test only runs against 127.0.0.1 (the machine is shared; never a real server).");
            return 2;
        }

        // Every number a positive whole number: "--per-call" without one was read as the text "true" and threw.
        var bad = new[] { "rate", "seconds", "max-in-flight", "warm-up", "per-call", "api-pid" }
            .Where(name => options.TryGetValue(name, out var text) && !(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0))
            .ToList();
        if (bad.Count > 0)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, bad.Select(name => $"--{name} needs a positive whole number.")));
            return 2;
        }

        var rate = int.Parse(options.GetValueOrDefault("rate", "500"), CultureInfo.InvariantCulture);
        var seconds = Math.Min(120, int.Parse(options.GetValueOrDefault("seconds", "20"), CultureInfo.InvariantCulture));
        var maxInFlight = int.Parse(options.GetValueOrDefault("max-in-flight", "256"), CultureInfo.InvariantCulture);

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = maxInFlight, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = target, Timeout = Timeout.InfiniteTimeSpan }; // CallTimeout, per call
        var partner = new AuthenticationHeaderValue("Bearer", partnerKey);
        var coordinator = new AuthenticationHeaderValue("Bearer", coordinatorKey);

        if (options.TryGetValue("per-call", out var perCall))
        {
            return await PerCallAsync(http, partner, coordinator, int.Parse(perCall, CultureInfo.InvariantCulture),
                options.TryGetValue("api-pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null);
        }

        // Warm-up, not counted: the connection pools, the database's caches and prepared statements, and the JIT, whose
        // tiered compilation needs thousands of calls before a server runs its optimised code. A server runs for hours:
        // 3 s at 100 req/s measured the JIT more than the Api (150 req/s in the first run after a start, 440-500 in the next).
        await Run(http, partner, coordinator, Math.Min(rate, 300), options.TryGetValue("warm-up", out var warmUp)
            ? int.Parse(warmUp, CultureInfo.InvariantCulture) : 15, maxInFlight);
        var result = await Run(http, partner, coordinator, rate, seconds, maxInFlight);

        var latencies = result.Samples.Select(s => s.Latency).Order().ToArray();
        var fromSchedule = result.Samples.Select(s => s.FromSchedule).Order().ToArray();
        Console.WriteLine($"| target req/s | achieved req/s | requests | p50 ms | p90 ms | p99 ms | max ms | p99 ms from schedule | answers | skipped (over {maxInFlight} in flight) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {rate} | {latencies.Length / result.Elapsed.TotalSeconds:F0} | {latencies.Length} | {Percentile(latencies, 0.50):F1} | {Percentile(latencies, 0.90):F1} | {Percentile(latencies, 0.99):F1} | {(latencies.Length == 0 ? 0 : latencies[^1]):F1} | " +
            $"{Percentile(fromSchedule, 0.99):F1} | {string.Join(", ", result.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))} | {result.Skipped} |"));
        if (options.ContainsKey("timeline"))
        {
            // Second by second (by when each request was due): where a slow tail comes from, a stall or a steady queue.
            Console.WriteLine("| second | requests | p50 ms | p99 ms | max ms |");
            Console.WriteLine("|---|---|---|---|---|");
            foreach (var second in result.Samples.GroupBy(s => (int)s.Due.TotalSeconds).OrderBy(g => g.Key))
            {
                var inSecond = second.Select(s => s.Latency).Order().ToArray();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {second.Key} | {inSecond.Length} | {Percentile(inSecond, 0.50):F1} | {Percentile(inSecond, 0.99):F1} | {inSecond[^1]:F1} |"));
            }
        }

        return result.Statuses.Keys.All(s => s is >= 200 and < 300) ? 0 : 1;
    }

    /// <summary>
    /// Each read of the mix called <paramref name="calls"/> times one after the other (after as many not counted), with the
    /// CPU time the Api process (<paramref name="apiPid"/>) and PostgreSQL's processes spent per call, read from /proc:
    /// what a call costs, apart from the queueing of a load.
    /// </summary>
    private static async Task<int> PerCallAsync(HttpClient http, AuthenticationHeaderValue partner, AuthenticationHeaderValue coordinator,
        int calls, int? apiPid)
    {
        Console.WriteLine("| call | ms per call (wall) | Api CPU ms per call | PostgreSQL CPU ms per call |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (path, key) in new[] { ("/api/v1/hosts", coordinator), ("/api/v1/referrals", partner) })
        {
            for (var round = 0; round < 2; round++)
            {
                var api = apiPid is { } p ? ProcessCpu.Of(p) : TimeSpan.Zero;
                var database = ProcessCpu.OfPostgres();
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < calls; i++)
                {
                    var status = await CallAsync(http, path, key);
                    if (status is < 200 or >= 300)
                    {
                        Console.Error.WriteLine($"{path}: {status}");
                        return 1;
                    }
                }

                if (round == 1)
                {
                    var apiMs = apiPid is { } q ? (ProcessCpu.Of(q) - api).TotalMilliseconds / calls : double.NaN;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| GET {path} | {clock.Elapsed.TotalMilliseconds / calls:F2} | {apiMs:F2} | {(ProcessCpu.OfPostgres() - database).TotalMilliseconds / calls:F2} |"));
                }
            }
        }

        return 0;
    }

    /// <summary>CPU time (user and system) of processes, from /proc (Linux).</summary>
    private static class ProcessCpu
    {
        // Linux's USER_HZ: /proc counts in hundredths of a second.
        private const double TicksPerSecond = 100;

        public static TimeSpan Of(int pid) =>
            File.ReadAllText($"/proc/{pid}/stat") is var stat && stat[(stat.LastIndexOf(')') + 2)..].Split(' ') is var fields
                ? TimeSpan.FromSeconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond)
                : TimeSpan.Zero;

        public static TimeSpan OfPostgres()
        {
            var total = TimeSpan.Zero;
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(dir), out var pid))
                {
                    try
                    {
                        if (File.ReadAllText($"{dir}/comm").Trim() == "postgres")
                        {
                            total += Of(pid);
                        }
                    }
                    catch (IOException)
                    {
                        // The process ended while being read.
                    }
                    catch (UnauthorizedAccessException)
                    {
                        // Not ours to read.
                    }
                }
            }

            return total;
        }
    }

    /// <summary>How long one call may take, its whole body included, before it counts as timed out (status -1).</summary>
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// One GET, read to its last byte (a request's latency ends there) into a pooled buffer: buffering each 68 KB hosts
    /// list in a growing MemoryStream cost the load generator CPU that the Api it measures shares. The status, 0 when the
    /// connection failed (refused, or reset in the middle of the body), -1 past <see cref="CallTimeout"/>, headers and
    /// body together: a stalled body must not hold the run forever.
    /// </summary>
    private static async Task<int> CallAsync(HttpClient http, string path, AuthenticationHeaderValue key)
    {
        using var timeout = new CancellationTokenSource(CallTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = key;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            while (await body.ReadAsync(buffer, timeout.Token) > 0)
            {
            }

            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            // Recovering is the point: a refused or broken connection is a figure of the run, not its end.
            return 0;
        }
        catch (OperationCanceledException)
        {
            return -1;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>One request: when it was due, its latency from when it was sent, and from when it was due (what a caller
    /// of an open-loop load waits, the load generator's own lateness included).</summary>
    private sealed record Sample(TimeSpan Due, double Latency, double FromSchedule);

    private sealed record Outcome(List<Sample> Samples, Dictionary<int, int> Statuses, int Skipped, TimeSpan Elapsed);

    private static async Task<Outcome> Run(HttpClient http, AuthenticationHeaderValue partner, AuthenticationHeaderValue coordinator,
        int rate, int seconds, int maxInFlight)
    {
        var samples = new List<Sample>(rate * seconds);
        var statuses = new Dictionary<int, int>();
        var inFlight = 0;
        var skipped = 0;
        var tasks = new List<Task>(rate * seconds);
        var clock = Stopwatch.StartNew();
        var total = rate * seconds;
        for (var i = 0; i < total; i++)
        {
            // Open loop: request i starts at i / rate seconds, late or not.
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            if (Interlocked.Increment(ref inFlight) > maxInFlight)
            {
                Interlocked.Decrement(ref inFlight);
                skipped++;
                continue;
            }

            var isPartner = i % 2 == 0;
            tasks.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                var status = await CallAsync(http, isPartner ? "/api/v1/referrals" : "/api/v1/hosts", isPartner ? partner : coordinator);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var fromSchedule = (clock.Elapsed - due).TotalMilliseconds;
                lock (samples)
                {
                    samples.Add(new Sample(due, elapsed, fromSchedule));
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                }

                Interlocked.Decrement(ref inFlight);
            }));
        }

        await Task.WhenAll(tasks);
        return new Outcome(samples, statuses, skipped, clock.Elapsed);
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            // "--name value", or "--name" alone for a flag.
            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            options[args[i].TrimStart('-')] = hasValue ? args[++i] : "true";
        }

        return options;
    }
}
