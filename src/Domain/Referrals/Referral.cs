using HostingMatch.Domain.Common;
using NodaTime;

namespace HostingMatch.Domain.Referrals;

/// <summary>
/// A partner organisation's referral of one request: which organisation, and whom the coordinators call about it
/// (the referring worker's name and phone). Its id is the request's id, which is what the partner sees.
/// </summary>
public sealed class Referral
{
    public const int MaxReferrerNameLength = 100;

    /// <summary>How many nights after tonight a partner may refer a household for.</summary>
    public const int MaxNightsAhead = 7;

    private Referral()
    {
        ReferrerName = ReferrerPhone = string.Empty;
    }

    public Guid RequestId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string ReferrerName { get; private set; }

    /// <summary>E.164.</summary>
    public string ReferrerPhone { get; private set; }

    public Instant CreatedAt { get; private set; }

    /// <summary>
    /// The nights a partner may refer a household for at <paramref name="now"/>: tonight in Paris (before noon, still
    /// last evening's, see <see cref="Night.Current"/>) and the <see cref="MaxNightsAhead"/> nights after it. Past nights
    /// have been matched already; further ones would sit in the queue while the household's situation changes.
    /// </summary>
    public static DateInterval NightsOpen(Instant now)
    {
        var tonight = Night.Current(now);
        return new DateInterval(tonight, tonight.PlusDays(MaxNightsAhead));
    }

    /// <exception cref="DomainException"><c>referral-invalid</c> on an empty name or a phone not in E.164.</exception>
    public static Referral Create(Guid requestId, Guid organisationId, string referrerName, string referrerPhone, Instant now) => new()
    {
        RequestId = requestId,
        OrganisationId = organisationId,
        ReferrerName = Guard.Text(referrerName, "referral-invalid", "The referrer's name", MaxReferrerNameLength),
        ReferrerPhone = PhoneNumber.Parse(referrerPhone, "referral-invalid", "The referrer's phone is written in E.164, e.g. +33612345678.").Value,
        CreatedAt = now,
    };
}
