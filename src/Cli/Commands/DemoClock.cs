using NodaTime;

namespace HostingMatch.Cli.Commands;

/// <summary>
/// The demo's clock: set to a time of the demo evening once the night is known, then moved forward by hand, so the
/// demo plays the same way whatever the real time (run at midnight, it still shows an evening).
/// </summary>
internal sealed class DemoClock : IClock
{
    private Instant now = SystemClock.Instance.GetCurrentInstant();

    public Instant GetCurrentInstant() => now;

    public void Reset(Instant instant) => now = instant;

    public void Advance(Duration duration) => now += duration;
}
