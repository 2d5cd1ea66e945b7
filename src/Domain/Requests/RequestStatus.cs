namespace HostingMatch.Domain.Requests;

/// <summary>Where a request for tonight stands.</summary>
public enum RequestStatus
{
    /// <summary>In the pool, not yet matched (or back in it after a host said no).</summary>
    Waiting,
    /// <summary>The matching proposed a host; the host has not confirmed yet.</summary>
    Proposed,
    /// <summary>The host said yes.</summary>
    Confirmed,
    /// <summary>The van (or other transport) left them at the host's door.</summary>
    Delivered,
    /// <summary>The matching found no place tonight; the reason says why.</summary>
    Unplaced,
    /// <summary>Withdrawn by the partner or a coordinator.</summary>
    Cancelled,
}
