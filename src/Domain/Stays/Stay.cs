using HostingMatch.Domain.Common;
using NodaTime;

namespace HostingMatch.Domain.Stays;

/// <summary>
/// A guest at one host for consecutive nights <c>[From, Until)</c> (spec: stays.md, "Stay"). Its status only moves
/// along the allowed transitions:
/// <code>
/// Proposed  -> Confirmed | Cancelled (refused, or replaced by a newer plan)
/// Confirmed -> Ongoing (the guest arrived) | Cancelled
/// Ongoing   -> Ended
/// Ended and Cancelled are final.
/// </code>
/// A stay can be cut short (<see cref="CutShort"/>) but never in the past: nights already spent stay as they were.
/// <para>
/// A proposal is put to its host by SMS (<see cref="SendToHost"/>): until the host answers it is awaiting; OUI confirms it
/// (<see cref="AcceptByHost"/>), NON (<see cref="Decline"/>) or no answer in time (<see cref="Expire"/>) cancels it, and
/// <see cref="ClosedBecause"/> keeps why, so that the next plan never proposes that host to that guest again.
/// </para>
/// </summary>
public sealed class Stay
{
    private static readonly Dictionary<StayStatus, StayStatus[]> Allowed = new()
    {
        [StayStatus.Proposed] = [StayStatus.Confirmed, StayStatus.Cancelled],
        [StayStatus.Confirmed] = [StayStatus.Ongoing, StayStatus.Cancelled],
        [StayStatus.Ongoing] = [StayStatus.Ended],
        [StayStatus.Ended] = [],
        [StayStatus.Cancelled] = [],
    };

    private Stay()
    {
    }

    public Guid Id { get; private set; }
    public Guid GuestId { get; private set; }
    public Guid HostId { get; private set; }

    /// <summary>The first night.</summary>
    public LocalDate From { get; private set; }

    /// <summary>The morning of leaving (the last night is the day before).</summary>
    public LocalDate Until { get; private set; }

    public NightPeriod Period => NightPeriod.Create(From, Until);
    public StayStatus Status { get; private set; }

    /// <summary>The plan that proposed it; null for a stay recorded by hand.</summary>
    public Guid? PlanId { get; private set; }

    /// <summary>The journey to this host from where the guest was before, in minutes (stays.md, "Travel").</summary>
    public int JourneyMinutes { get; private set; }

    public Instant CreatedAt { get; private set; }
    public Instant UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency: a coordinator confirming a stay a re-plan is replacing gets a conflict.</summary>
    public uint Version { get; private set; }

    /// <summary>When the proposal went to the host by SMS; null while it has not.</summary>
    public Instant? ProposedToHostAt { get; private set; }

    /// <summary>The host's answer is due before this moment; past it, the proposal expires.</summary>
    public Instant? AnswerDueAt { get; private set; }

    /// <summary>When the host was reminded of the guest's arrival.</summary>
    public Instant? RemindedAt { get; private set; }

    /// <summary>Why a proposal put to its host was cancelled: the host said no, or let it expire. Null otherwise.</summary>
    public StayClosure? ClosedBecause { get; private set; }

    /// <summary>True while the host has the proposal and has not answered.</summary>
    public bool IsAwaitingHost => Status == StayStatus.Proposed && ProposedToHostAt is not null;

    /// <summary>True while the stay holds its nights (proposed, confirmed or ongoing).</summary>
    public bool IsActive => Status is StayStatus.Proposed or StayStatus.Confirmed or StayStatus.Ongoing;

    /// <summary>True when a new plan must keep it: agreed or under way.</summary>
    public bool IsAgreed => Status is StayStatus.Confirmed or StayStatus.Ongoing;

    /// <summary>A stay the planner proposes.</summary>
    /// <exception cref="DomainException"><c>stay-invalid</c> for negative journey minutes.</exception>
    public static Stay Propose(Guid guestId, Guid hostId, NightPeriod period, int journeyMinutes, Guid? planId, Instant now) => new()
    {
        Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
        GuestId = guestId,
        HostId = hostId,
        From = period.From,
        Until = period.Until,
        Status = StayStatus.Proposed,
        PlanId = planId,
        JourneyMinutes = Guard.AtLeast(journeyMinutes, 0, "stay-invalid", "Journey minutes"),
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>The proposal goes to the host by SMS now; the answer is due by <paramref name="answerDue"/>.</summary>
    /// <exception cref="DomainException"><c>stay-not-proposable</c> unless it is a proposal not yet sent, or when the answer is due before now.</exception>
    public void SendToHost(Instant now, Instant answerDue)
    {
        if (Status != StayStatus.Proposed || ProposedToHostAt is not null)
        {
            throw new DomainException("stay-not-proposable", $"A stay that is {Describe()} cannot be proposed to its host again.");
        }

        if (answerDue <= now)
        {
            throw new DomainException("stay-not-proposable", "A proposal's answer must be due after it is sent.");
        }

        ProposedToHostAt = now;
        AnswerDueAt = answerDue;
        UpdatedAt = now;
    }

    /// <summary>True when the host has not answered and the time to answer has run out.</summary>
    public bool IsOverdueAt(Instant now) => IsAwaitingHost && AnswerDueAt <= now;

    /// <summary>The host said OUI in time: the stay is confirmed.</summary>
    /// <exception cref="DomainException"><c>stay-not-awaiting</c> unless the host has it and its time has not run out.</exception>
    public void AcceptByHost(Instant now)
    {
        EnsureAwaiting(now);
        Confirm(now);
    }

    /// <summary>The host said NON: cancelled, and that host is not proposed to this guest again.</summary>
    /// <exception cref="DomainException"><c>stay-not-awaiting</c> unless the host has it and its time has not run out.</exception>
    public void Decline(Instant now)
    {
        EnsureAwaiting(now);
        Close(StayClosure.Declined, now);
    }

    /// <summary>The host did not answer in time: cancelled, and that host is not proposed to this guest again.</summary>
    /// <exception cref="DomainException"><c>stay-not-overdue</c> unless the host has it and its time has run out.</exception>
    public void Expire(Instant now)
    {
        if (!IsOverdueAt(now))
        {
            throw new DomainException("stay-not-overdue", $"A stay that is {Describe()} cannot expire now.");
        }

        Close(StayClosure.Expired, now);
    }

    /// <summary>The host cannot be asked (they sent STOP): the proposal is cancelled before it goes out, and not made to them again for this guest.</summary>
    /// <exception cref="DomainException"><c>stay-not-proposable</c> unless it is a proposal not yet sent.</exception>
    public void WithdrawUnreachable(Instant now) => WithdrawUnsent(StayClosure.Unreachable, now);

    /// <summary>
    /// The proposal could not go out before the guest was due (its host was busy with another question): cancelled, and
    /// not made to that host again for this guest, so that the next plan cannot bring it back for ever.
    /// </summary>
    /// <exception cref="DomainException"><c>stay-not-proposable</c> unless it is a proposal not yet sent.</exception>
    public void Lapse(Instant now) => WithdrawUnsent(StayClosure.Lapsed, now);

    private void WithdrawUnsent(StayClosure why, Instant now)
    {
        if (Status != StayStatus.Proposed || ProposedToHostAt is not null)
        {
            throw new DomainException("stay-not-proposable", $"A stay that is {Describe()} cannot be withdrawn before it is sent.");
        }

        Close(why, now);
    }

    /// <summary>
    /// The host called off a confirmed stay before the guest arrived (ANNULE): cancelled, and that host is not proposed to
    /// this guest again.
    /// </summary>
    /// <exception cref="DomainException"><c>stay-invalid-transition</c> unless it is confirmed.</exception>
    public void CancelByHost(Instant now)
    {
        if (Status != StayStatus.Confirmed)
        {
            throw new DomainException("stay-invalid-transition", $"A stay that is {Describe()} cannot be called off by its host.");
        }

        Close(StayClosure.Declined, now);
    }

    /// <summary>The host was reminded of the arrival (once).</summary>
    /// <exception cref="DomainException"><c>stay-invalid-transition</c> unless it is confirmed.</exception>
    public void MarkReminded(Instant now)
    {
        if (Status != StayStatus.Confirmed)
        {
            throw new DomainException("stay-invalid-transition", $"A stay that is {Describe()} needs no reminder.");
        }

        RemindedAt = now;
        UpdatedAt = now;
    }

    /// <summary>True when the status can move to <paramref name="next"/>.</summary>
    public static bool CanMove(StayStatus from, StayStatus next) => Allowed[from].Contains(next);

    /// <summary>The host and the guest's referrer agreed.</summary>
    public void Confirm(Instant now) => MoveTo(StayStatus.Confirmed, now);

    /// <summary>The guest arrived. Not before the stay's first night.</summary>
    /// <exception cref="DomainException"><c>stay-not-begun</c> before <see cref="From"/>; <c>stay-invalid-transition</c> unless confirmed.</exception>
    public void Start(LocalDate today, Instant now)
    {
        if (today < From)
        {
            throw new DomainException("stay-not-begun", $"This stay begins on {From:yyyy-MM-dd}: the guest cannot have arrived on {today:yyyy-MM-dd}.");
        }

        MoveTo(StayStatus.Ongoing, now);
    }

    /// <summary>
    /// The guest left. Leaving before the agreed morning (<paramref name="today"/> before <see cref="Until"/>) shortens
    /// the stay to end that morning.
    /// </summary>
    public void End(LocalDate today, Instant now)
    {
        MoveTo(StayStatus.Ended, now);
        if (today > From && today < Until)
        {
            Until = today;
        }
    }

    /// <summary>Called off before it began (refused, or replaced by a newer plan).</summary>
    public void Cancel(Instant now) => MoveTo(StayStatus.Cancelled, now);

    /// <summary>
    /// Ends the stay earlier, on the morning of <paramref name="until"/>: the host withdrew or the guest's need ended.
    /// Nights before <paramref name="today"/> are never touched; a stay with no night left before <paramref name="until"/>
    /// is cancelled instead (only possible when it has not begun).
    /// </summary>
    /// <exception cref="DomainException">
    /// <c>stay-past-nights</c> when <paramref name="until"/> is before <paramref name="today"/>; <c>stay-closed</c> when it is ended or cancelled.
    /// </exception>
    public void CutShort(LocalDate until, LocalDate today, Instant now)
    {
        if (!IsActive)
        {
            throw new DomainException("stay-closed", $"A stay that is {Status.ToString().ToLowerInvariant()} cannot be shortened.");
        }

        if (until < today)
        {
            throw new DomainException("stay-past-nights", $"A stay cannot be shortened to end on {until:yyyy-MM-dd}: the nights before {today:yyyy-MM-dd} are already spent.");
        }

        if (until >= Until)
        {
            return;
        }

        if (until <= From)
        {
            Cancel(now);
            return;
        }

        Until = until;
        UpdatedAt = now;
    }

    /// <summary>Cancelled because of its host (see <see cref="ClosedBecause"/>): the next plan never proposes that host this guest.</summary>
    private void Close(StayClosure why, Instant now)
    {
        Cancel(now);
        ClosedBecause = why;
    }

    private void EnsureAwaiting(Instant now)
    {
        if (!IsAwaitingHost || IsOverdueAt(now))
        {
            throw new DomainException("stay-not-awaiting", $"A stay that is {Describe()} is not waiting for its host's answer.");
        }
    }

    private string Describe() => IsAwaitingHost ? "awaiting its host's answer" : Status.ToString().ToLowerInvariant();

    private void MoveTo(StayStatus next, Instant now)
    {
        if (!CanMove(Status, next))
        {
            throw new DomainException("stay-invalid-transition",
                $"A stay that is {Status.ToString().ToLowerInvariant()} cannot become {next.ToString().ToLowerInvariant()}.");
        }

        Status = next;
        UpdatedAt = now;
    }
}
