using HostingMatch.Domain.Common;
using NodaTime;

namespace HostingMatch.Domain.Stays;

/// <summary>
/// The weekly "is everything fine?" to the host of a stay under way, and what came of it:
/// <code>
/// open -> fine (OK) | needs-call (APPEL, or NON) | host-opted-out (STOP) | unanswered (nothing by DueAt)
/// </code>
/// Every outcome but <c>fine</c> alerts the guest's referent and the coordinators (<see cref="NeedsAttention"/>), once.
/// </summary>
public sealed class StayCheckIn
{
    private StayCheckIn()
    {
    }

    public Guid Id { get; private set; }
    public Guid StayId { get; private set; }
    public Guid GuestId { get; private set; }
    public Guid HostId { get; private set; }
    public Instant SentAt { get; private set; }

    /// <summary>An answer is expected before this moment; past it, the check-in is unanswered.</summary>
    public Instant DueAt { get; private set; }

    /// <summary>Null while nobody answered and it is not due.</summary>
    public CheckInOutcome? Outcome { get; private set; }

    public Instant? ClosedAt { get; private set; }

    /// <summary>When the referent and the coordinators were alerted.</summary>
    public Instant? AlertedAt { get; private set; }

    /// <summary>Optimistic concurrency: two instances never alert twice, and a host's answer and the lapse never overwrite each other.</summary>
    public uint Version { get; private set; }

    public bool IsOpen => Outcome is null;

    /// <summary>True when the outcome calls for the referent (anything but fine).</summary>
    public bool NeedsAttention => Outcome is CheckInOutcome.NeedsCall or CheckInOutcome.HostOptedOut or CheckInOutcome.Unanswered;

    /// <summary>Asks the host of <paramref name="stay"/> how it goes; an answer is due by <paramref name="dueAt"/>.</summary>
    /// <exception cref="DomainException"><c>check-in-invalid</c> unless the stay is under way (confirmed or ongoing) and the answer is due after now.</exception>
    public static StayCheckIn Send(Stay stay, Instant now, Instant dueAt)
    {
        ArgumentNullException.ThrowIfNull(stay);
        if (!stay.IsAgreed)
        {
            throw new DomainException("check-in-invalid", "Only a stay under way has check-ins.");
        }

        if (dueAt <= now)
        {
            throw new DomainException("check-in-invalid", "A check-in's answer must be due after it is sent.");
        }

        return new StayCheckIn
        {
            Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
            StayId = stay.Id,
            GuestId = stay.GuestId,
            HostId = stay.HostId,
            SentAt = now,
            DueAt = dueAt,
        };
    }

    /// <summary>The host answered (OK, APPEL...) or sent STOP.</summary>
    /// <exception cref="DomainException"><c>check-in-closed</c> when it already has an outcome; <c>check-in-invalid</c> for <see cref="CheckInOutcome.Unanswered"/> (see <see cref="LapseIfDue"/>).</exception>
    public void Answer(CheckInOutcome outcome, Instant now)
    {
        if (outcome == CheckInOutcome.Unanswered)
        {
            throw new DomainException("check-in-invalid", "A check-in becomes unanswered only when its time runs out.");
        }

        Close(outcome, now);
    }

    /// <summary>Nobody answered in time: the check-in is unanswered. False when it is answered or not yet due.</summary>
    public bool LapseIfDue(Instant now)
    {
        if (!IsOpen || now < DueAt)
        {
            return false;
        }

        Close(CheckInOutcome.Unanswered, now);
        return true;
    }

    /// <summary>The referent and the coordinators were told (once).</summary>
    /// <exception cref="DomainException"><c>check-in-invalid</c> when the outcome needs no alert.</exception>
    public void MarkAlerted(Instant now)
    {
        if (!NeedsAttention)
        {
            throw new DomainException("check-in-invalid", "Only a check-in that needs attention alerts anyone.");
        }

        AlertedAt ??= now;
    }

    private void Close(CheckInOutcome outcome, Instant now)
    {
        if (!IsOpen)
        {
            throw new DomainException("check-in-closed", $"This check-in is already closed ({Outcome}).");
        }

        Outcome = outcome;
        ClosedAt = now;
    }
}

/// <summary>What came of a check-in.</summary>
public enum CheckInOutcome
{
    /// <summary>OK: everything is fine.</summary>
    Fine,
    /// <summary>APPEL (or NON): the host wants the referent to call.</summary>
    NeedsCall,
    /// <summary>The host sent STOP during the stay: SMS no longer reaches them.</summary>
    HostOptedOut,
    /// <summary>No answer in time.</summary>
    Unanswered,
}
