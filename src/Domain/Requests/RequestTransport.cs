namespace HostingMatch.Domain.Requests;

/// <summary>How a household reaches its host (spec: van-runs.md, <c>"transport": "other"</c>).</summary>
public enum RequestTransport
{
    /// <summary>The network's van takes it, on one of the evening's trips.</summary>
    Van,

    /// <summary>Arranged otherwise (the host fetches them, public transport, a taxi): not in the van plan at all.</summary>
    Other,
}
