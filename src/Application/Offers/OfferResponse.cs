using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Sms;
using NodaTime;

namespace HostingMatch.Application.Offers;

/// <summary>An offer as coordinators see it, with where its SMS stands.</summary>
public sealed record OfferResponse(
    Guid Id,
    LocalDate Night,
    Guid RequestId,
    string HouseholdAlias,
    Guid HostId,
    string HostCode,
    string HostName,
    OfferStatus Status,
    Instant CreatedAt,
    Instant ExpiresAt,
    Instant? AnsweredAt,
    OutboundSmsStatus? SmsStatus,
    string? SmsProviderStatus,
    string? SmsError);

internal static class OfferQueries
{
    /// <summary>Offers projected with their host, household and latest offer SMS.</summary>
    public static IQueryable<OfferResponse> Responses(this IHostingMatchDb db, IQueryable<Offer> offers) =>
        from o in offers
        join h in db.Hosts on o.HostId equals h.Id
        join hh in db.Households on o.HouseholdId equals hh.Id
        let sms = db.OutboundSms.Where(m => m.OfferId == o.Id).OrderByDescending(m => m.CreatedAt).FirstOrDefault()
        orderby o.CreatedAt
        select new OfferResponse(o.Id, o.Night, o.RequestId, hh.Alias, o.HostId, h.Code, h.DisplayName, o.Status, o.CreatedAt,
            o.ExpiresAt, o.AnsweredAt, sms == null ? null : sms.Status, sms == null ? null : sms.ProviderStatus,
            sms == null ? null : sms.LastError);
}
