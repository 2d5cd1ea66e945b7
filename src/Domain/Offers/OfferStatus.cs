namespace HostingMatch.Domain.Offers;

/// <summary>Where an offer to a host stands.</summary>
public enum OfferStatus
{
    /// <summary>Sent (or about to be); waiting for OUI or NON.</summary>
    Open,
    /// <summary>The host said yes.</summary>
    Accepted,
    /// <summary>The host said no.</summary>
    Declined,
    /// <summary>No answer within the timeout.</summary>
    Expired,
    /// <summary>Cancelled by the host after accepting (ANNULE), or by a coordinator.</summary>
    Cancelled,
    /// <summary>Withdrawn because the household was placed elsewhere or the request was withdrawn.</summary>
    Superseded,
}
