namespace HostingMatch.Api.Infrastructure;

/// <summary>
/// How many "what if" solves (a night file, a runs file) run at once: <c>Limits:ConcurrentSolves</c>, 1 by default.
/// A solve takes a core for up to its time limit; four at once on two cores each took five times their limit and slowed
/// the night's own requests. One more is not queued: it gets 503 with <c>Retry-After</c> (the time a solve may take).
/// </summary>
public sealed class SolverGate(IConfiguration configuration)
{
    private static readonly object StartedKey = new();

    /// <summary>Solves stop with what they found once this budget is spent, counted from the slot taken; keeps the time limits short in tests.</summary>
    private readonly TimeSpan? cap = configuration.GetValue<double?>("Limits:SimulationSeconds") is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    private readonly SemaphoreSlim slots = new(Math.Max(1, configuration.GetValue("Limits:ConcurrentSolves", 1)));

    /// <summary>Each engine stops at its time limit, a little before if the smallest budget left must still cover writing the answer.</summary>
    private static readonly TimeSpan Least = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// What is left of <paramref name="limit"/> (or of <c>Limits:SimulationSeconds</c> when smaller) for the engine, once the body was
    /// read and parsed: the answer then comes within the limit the caller was promised, not the limit plus the reading.
    /// </summary>
    public TimeSpan Remaining(HttpContext http, TimeSpan limit)
    {
        var budget = cap is { } c && c < limit ? c : limit;
        var spent = http.Items[StartedKey] is long started ? System.Diagnostics.Stopwatch.GetElapsedTime(started) : TimeSpan.Zero;
        return budget - spent > Least ? budget - spent : Least;
    }

    internal static void Start(HttpContext http) => http.Items[StartedKey] = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>A solve's time limit: how long a caller turned away should wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    /// <summary>Takes a slot if one is free; the caller disposes the lease when its solve is done.</summary>
    public IDisposable? TryEnter() => slots.Wait(0) ? new Lease(slots) : null;

    private sealed class Lease(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}

public static class SolverGateExtensions
{
    /// <summary>The endpoint solves: it waits for no one, it answers 503 when every solver slot is busy.</summary>
    public static RouteHandlerBuilder WithSolverSlot(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            using var lease = http.RequestServices.GetRequiredService<SolverGate>().TryEnter();
            SolverGate.Start(http);
            if (lease is null)
            {
                http.Response.Headers.RetryAfter = ((int)SolverGate.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, type: ProblemTypes.Unavailable,
                    title: "Every solver is busy with another simulation.",
                    detail: $"Try again in {(int)SolverGate.RetryAfter.TotalSeconds} seconds (Retry-After).");
            }

            return await next(context);
        }).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
