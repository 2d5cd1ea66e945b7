using HostingMatch.Domain.Common;
using NodaTime;

namespace HostingMatch.Domain.Hosts;

/// <summary>
/// A one-night exception to a host's weekly pattern: "not this Thursday" or "this Saturday, yes".
/// </summary>
public sealed record AvailabilityException
{
    public AvailabilityException(LocalDate night, bool available)
    {
        Night = night;
        Available = available;
    }

    /// <summary>The night the exception is for.</summary>
    public LocalDate Night { get; private init; }

    /// <summary>True: the host takes guests that night, whatever the weekly pattern says; false: not that night.</summary>
    public bool Available { get; private init; }
}

/// <summary>
/// When guests may arrive at the host's home, in local evening time (before 12:00 means after midnight).
/// </summary>
public sealed record ArrivalWindow
{
    private ArrivalWindow(LocalTime from, LocalTime until)
    {
        From = from;
        Until = until;
    }

    public LocalTime From { get; private init; }
    public LocalTime Until { get; private init; }

    /// <summary>The default: from 19:00 until 23:30. A new instance each time: an owned value belongs to one host.</summary>
    public static ArrivalWindow Default => new(new LocalTime(19, 0), new LocalTime(23, 30));

    /// <summary>Creates a window; it may run past midnight (21:00 to 00:30).</summary>
    /// <exception cref="DomainException"><c>arrival-window-invalid</c> when it ends before it starts on the night's clock.</exception>
    public static ArrivalWindow Create(LocalTime from, LocalTime until) =>
        Night.EveningMinute(until) < Night.EveningMinute(from)
            ? throw new DomainException("arrival-window-invalid", $"An arrival window cannot end ({until:HH:mm}) before it starts ({from:HH:mm}).")
            : new ArrivalWindow(from, until);
}
