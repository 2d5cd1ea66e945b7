using HostingMatch.Domain.Households;
using HostingMatch.Domain.Referrals;
using HostingMatch.Domain.Requests;
using HostingMatch.Domain.Transport;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Referrals;

/// <summary>
/// A referral as its partner organisation sees it. Made only for partners: it has no field that could carry
/// a host's identity, address, coordinates or phone, and no coordinator notes about the matching.
/// Status is <c>waiting</c>, <c>placed</c> (with the meeting: where and when to be for the van),
/// <c>no-place-tonight</c> (with the reason's category only) or <c>cancelled</c>.
/// </summary>
public sealed record ReferralResponse(
    Guid Id,
    LocalDate Night,
    string Status,
    string Alias,
    IReadOnlyList<ReferralMember> Members,
    bool Vulnerable,
    bool NeedsWheelchairAccess,
    IReadOnlyList<string> Languages,
    ReferralReferrer Referrer,
    string? Notes,
    ReferralMeeting? Meeting,
    string? NoPlaceReason,
    Instant CreatedAt,
    Instant UpdatedAt);

public sealed record ReferralMember(int Age, string Sex);

public sealed record ReferralReferrer(string Name, string Phone);

/// <summary>Be at the base (by its name) at the gathering time; the van takes the household from there.</summary>
public sealed record ReferralMeeting(string? BaseName, LocalTime? GatheringTime, string Instructions);

public sealed record ReferralPage(IReadOnlyList<ReferralResponse> Items, int Page, int PageSize, int Total);

/// <summary>The four statuses a partner sees, and how the requests' own statuses fold into them.</summary>
public static class PartnerStatus
{
    public const string Waiting = "waiting";
    public const string Placed = "placed";
    public const string NoPlaceTonight = "no-place-tonight";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Waiting, Placed, NoPlaceTonight, Cancelled];

    /// <summary>The reason categories a partner may see; anything else reads <c>other</c>.</summary>
    private static readonly HashSet<string> ReasonCategories = ["no-compatible-host", "too-large", "outranked"];

    public static string Of(RequestStatus status) => status switch
    {
        RequestStatus.Waiting or RequestStatus.Proposed => Waiting,
        RequestStatus.Confirmed or RequestStatus.Delivered => Placed,
        RequestStatus.Unplaced => NoPlaceTonight,
        RequestStatus.Cancelled => Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The request statuses behind one partner status (one or two).</summary>
    public static (RequestStatus First, RequestStatus Second) Behind(string partnerStatus) => partnerStatus switch
    {
        Waiting => (RequestStatus.Waiting, RequestStatus.Proposed),
        Placed => (RequestStatus.Confirmed, RequestStatus.Delivered),
        NoPlaceTonight => (RequestStatus.Unplaced, RequestStatus.Unplaced),
        Cancelled => (RequestStatus.Cancelled, RequestStatus.Cancelled),
        _ => throw new ArgumentOutOfRangeException(nameof(partnerStatus)),
    };

    public static string ReasonCategory(string? reason) => reason is not null && ReasonCategories.Contains(reason) ? reason : "other";
}

/// <summary>Reads referrals, always through the caller's organisation: another organisation's referral is simply not there.</summary>
internal static class ReferralReads
{
    // A class with init properties (not a positional record) so EF Core can filter on its members after the projection.
    public sealed class Row
    {
        public required Referral Referral { get; init; }
        public required ShelterRequest Request { get; init; }
        public required Household Household { get; init; }
    }

    public static IQueryable<Row> OfOrganisation(IHostingMatchDb db, Guid organisationId) =>
        from f in db.Referrals.AsNoTracking()
        where f.OrganisationId == organisationId
        join r in db.Requests.AsNoTracking() on f.RequestId equals r.Id
        join h in db.Households.AsNoTracking() on r.HouseholdId equals h.Id
        select new Row { Referral = f, Request = r, Household = h };

    public static async Task<ReferralResponse?> GetAsync(IHostingMatchDb db, Guid organisationId, Guid id, CancellationToken cancellationToken)
    {
        var row = await OfOrganisation(db, organisationId).FirstOrDefaultAsync(x => x.Referral.RequestId == id, cancellationToken);
        return row is null ? null : (await ToResponsesAsync(db, [row], cancellationToken))[0];
    }

    public static async Task<IReadOnlyList<ReferralResponse>> ToResponsesAsync(IHostingMatchDb db, IReadOnlyList<Row> rows,
        CancellationToken cancellationToken)
    {
        var meeting = rows.Any(x => PartnerStatus.Of(x.Request.Status) == PartnerStatus.Placed)
            ? Meeting(await db.Bases.AsNoTracking().OrderBy(b => b.Name).FirstOrDefaultAsync(cancellationToken))
            : null;
        return rows.Select(x => ToResponse(x.Request, x.Household, x.Referral, meeting)).ToList();
    }

    public static ReferralResponse ToResponse(ShelterRequest r, Household h, Referral f, ReferralMeeting? meeting)
    {
        var status = PartnerStatus.Of(r.Status);
        return new ReferralResponse(
            r.Id, r.Night, status, h.Alias,
            h.Members.Select(m => new ReferralMember(m.Age, m.Sex.ToString().ToLowerInvariant())).ToList(),
            h.Vulnerable, h.NeedsWheelchairAccess, h.Languages,
            new ReferralReferrer(f.ReferrerName, f.ReferrerPhone), h.Notes,
            status == PartnerStatus.Placed ? meeting : null,
            status == PartnerStatus.NoPlaceTonight ? PartnerStatus.ReasonCategory(r.UnplacedReason) : null,
            f.CreatedAt, r.UpdatedAt);
    }

    // Only the base's name and gathering time: the host's address is for the driver, never for the partner.
    private static ReferralMeeting Meeting(Base? b) => b is null
        ? new ReferralMeeting(null, null, "A place is confirmed. No base is configured yet: the coordinators will call the referrer with the meeting point.")
        : new ReferralMeeting(b.Name, b.GatheringTime, $"Be at {b.Name} at {b.GatheringTime:HH:mm}.");
}
