namespace HostingMatch.Domain.Stays;

/// <summary>Where a stay stands.</summary>
public enum StayStatus
{
    /// <summary>The planner proposed it; nobody has agreed yet. A new plan replaces the proposals it does not keep.</summary>
    Proposed,
    /// <summary>The host and the guest's referrer agreed: a new plan keeps it as it is.</summary>
    Confirmed,
    /// <summary>The guest arrived: its nights are being spent.</summary>
    Ongoing,
    /// <summary>The guest left; final.</summary>
    Ended,
    /// <summary>Called off before it began, or replaced by a newer plan; final.</summary>
    Cancelled,
}

/// <summary>Why a proposal put to its host was cancelled.</summary>
public enum StayClosure
{
    /// <summary>The host answered NON.</summary>
    Declined,
    /// <summary>The host did not answer in time.</summary>
    Expired,
    /// <summary>The host cannot be asked: they turned SMS off (STOP).</summary>
    Unreachable,
    /// <summary>Never sent before the guest was due (the host was busy with another question): withdrawn.</summary>
    Lapsed,
}
