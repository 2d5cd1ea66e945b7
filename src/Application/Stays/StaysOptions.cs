namespace HostingMatch.Application.Stays;

/// <summary>The <c>Stays</c> configuration section: the stays programme's conversation with hosts and referents.</summary>
public sealed class StaysOptions
{
    public const string Section = "Stays";

    /// <summary>Stays starting within this many days are proposed to their hosts by SMS.</summary>
    public int ProposeAheadDays { get; set; } = 10;

    /// <summary>A stay proposal nobody answered expires after this many hours; the period is re-planned without that host.</summary>
    public int OfferTimeoutHours { get; set; } = 24;

    /// <summary>A confirmed stay's host is reminded this many days before the guest arrives.</summary>
    public int ReminderDaysBefore { get; set; } = 2;

    /// <summary>An ongoing stay's host is asked how it goes every this many days.</summary>
    public int CheckInIntervalDays { get; set; } = 7;

    /// <summary>A check-in not answered within this many hours alerts the referent and the coordinators.</summary>
    public int CheckInAnswerHours { get; set; } = 48;

    /// <summary>Whether this instance runs the stays worker (proposals, expiries, reminders, check-ins).</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>How often the stays worker looks, in seconds.</summary>
    public int WorkerPollSeconds { get; set; } = 60;
}
