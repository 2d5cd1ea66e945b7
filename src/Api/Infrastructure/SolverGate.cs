namespace HostingMatch.Api.Infrastructure;

/// <summary>
/// How many "what if" solves (a night file, a runs file) run at once: <c>Limits:ConcurrentSolves</c>, 1 by default.
/// A solve takes a core for up to its time limit; four at once on two cores each took five times their limit and slowed
/// the night's own requests. One more is not queued: it gets 503 with <c>Retry-After</c> (the time a solve may take).
/// </summary>
public sealed class SolverGate(IConfiguration configuration)
{
    private readonly SemaphoreSlim slots = new(Math.Max(1, configuration.GetValue("Limits:ConcurrentSolves", 1)));

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
