using HostingMatch.Domain.Households;
using HostingMatch.Domain.Requests;
using NodaTime;

namespace HostingMatch.Application.Requests;

/// <summary>Tonight's request of one household, as coordinators see it.</summary>
public sealed record RequestResponse(
    Guid Id,
    LocalDate Night,
    string Status,
    Guid HouseholdId,
    string Alias,
    IReadOnlyList<MemberResponse> Members,
    string Category,
    int Tier,
    bool Vulnerable,
    bool NeedsWheelchairAccess,
    IReadOnlyList<string> Languages,
    int NightsWithoutShelter,
    string Transport,
    Guid? HostId,
    string? UnplacedReason,
    string? UnplacedDetail,
    Guid? ReferredBy,
    string? Notes,
    uint Version,
    RideResponse? Ride = null);

public sealed record MemberResponse(int Age, string Sex);

internal static class RequestProjection
{
    public static RequestResponse ToResponse(ShelterRequest r, Household h) => new(
        r.Id, r.Night, r.Status.ToString().ToLowerInvariant(), h.Id, h.Alias,
        h.Members.Select(m => new MemberResponse(m.Age, m.Sex.ToString().ToLowerInvariant())).ToList(),
        h.Category.ToWire(), h.Tier, h.Vulnerable, h.NeedsWheelchairAccess, h.Languages, r.NightsWithoutShelter,
        r.Transport.ToString().ToLowerInvariant(), r.HostId, r.UnplacedReason, r.UnplacedDetail, h.ReferredBy, h.Notes, r.Version,
        RideResponse.Of(r.Ride));
}
