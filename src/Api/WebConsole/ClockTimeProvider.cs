using NodaTime;

namespace HostingMatch.Api.WebConsole;

/// <summary>
/// The framework's clock, read from the application's <see cref="IClock"/>: a console session expires by the same
/// time as everything else (and a test's <c>FakeClock</c> can end one).
/// </summary>
public sealed class ClockTimeProvider(IClock clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetCurrentInstant().ToDateTimeOffset();
}
