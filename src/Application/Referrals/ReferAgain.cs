using HostingMatch.Application.Requests;
using HostingMatch.Domain.Referrals;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Referrals;

/// <summary>
/// A partner refers the same household again, for <paramref name="Night"/> (default: the night after its referral
/// <paramref name="ReferralId"/>), with the same referrer. Being the same household is what lets the matching count
/// the nights it has waited and send it back to last night's host (see <see cref="RegisterAgain"/>). Safe to retry
/// without an Idempotency-Key: when this organisation already referred the household for that night, that referral is
/// the answer (<c>Replayed</c>) and nothing is created. Null when the organisation has no referral with that id.
/// </summary>
public sealed record ReferAgain(Guid OrganisationId, Guid ReferralId, LocalDate? Night = null) : ICommand<CreatedReferral?>;

public sealed class ReferAgainHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<ReferAgain, CreatedReferral?>
{
    public async ValueTask<CreatedReferral?> Handle(ReferAgain command, CancellationToken cancellationToken)
    {
        var earlier = await ReferralReads.OfOrganisation(db, command.OrganisationId)
            .FirstOrDefaultAsync(x => x.Referral.RequestId == command.ReferralId, cancellationToken);
        if (earlier is null)
        {
            return null;
        }

        var night = RequestRepetition.NightOf(earlier.Request, command.Night);
        if (await AlreadyReferredAsync(command.OrganisationId, earlier.Household.Id, night, cancellationToken) is { } done)
        {
            return done;
        }

        var now = clock.GetCurrentInstant();
        ReferralNight.EnsureOpen(night, now);
        var (request, household) = await RequestRepetition.AddAsync(db, earlier.Request, night, now, cancellationToken);
        var referral = Referral.Create(request.Id, command.OrganisationId, earlier.Referral.ReferrerName, earlier.Referral.ReferrerPhone, now);
        db.Referrals.Add(referral);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same call retried at the same moment committed first (one request per household and night): answer it.
            if (await AlreadyReferredAsync(command.OrganisationId, household.Id, night, cancellationToken) is { } winner)
            {
                return winner;
            }

            throw;
        }

        return new CreatedReferral(ReferralReads.ToResponse(request, household, referral, null), Replayed: false);
    }

    private async Task<CreatedReferral?> AlreadyReferredAsync(Guid organisationId, Guid householdId, LocalDate night, CancellationToken cancellationToken)
    {
        var row = await ReferralReads.OfOrganisation(db, organisationId)
            .FirstOrDefaultAsync(x => x.Household.Id == householdId && x.Request.Night == night, cancellationToken);
        return row is null ? null : new CreatedReferral((await ReferralReads.ToResponsesAsync(db, [row], cancellationToken))[0], Replayed: true);
    }
}
