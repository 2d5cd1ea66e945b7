using HostingMatch.Application.Pipeline;
using FluentValidation;
using FluentValidation.Results;
using HostingMatch.Domain.Common;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Requests;

/// <summary>
/// The same household needs a bed again: a new request for <paramref name="Night"/> (default: the night after) for the
/// household of the request <paramref name="RequestId"/>. Being the same household, not a new one typed again, is what
/// lets the matching send it back to last night's host (continuity, objective level 5) and count how long it has
/// waited (level 4): its nights without shelter are 0 after a night placed with a host (confirmed or delivered), else
/// the earlier request's count plus the nights from that one to this one. Null when no request has that id.
/// </summary>
public sealed record RegisterAgain(Guid RequestId, LocalDate? Night = null) : ICommand<RequestResponse?>, ITransactional, IAudited;

public sealed class RegisterAgainHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<RegisterAgain, RequestResponse?>
{
    public async ValueTask<RequestResponse?> Handle(RegisterAgain command, CancellationToken cancellationToken)
    {
        var earlier = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == command.RequestId, cancellationToken);
        if (earlier is null)
        {
            return null;
        }

        var (request, household) = await RequestRepetition.AddAsync(db, earlier, command.Night, clock.GetCurrentInstant(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return RequestProjection.ToResponse(request, household);
    }
}

/// <summary>The same household's request for another night, shared by the coordinators' and the partners' way in; the caller saves.</summary>
internal static class RequestRepetition
{
    /// <summary>The night a repeated request is for: the one given, else the night after <paramref name="earlier"/>'s.</summary>
    public static LocalDate NightOf(ShelterRequest earlier, LocalDate? night) => night ?? earlier.Night.PlusDays(1);

    /// <exception cref="ValidationException">When the night is not after the earlier request's.</exception>
    /// <exception cref="DomainException"><c>already-registered</c> when the household already has a request that night.</exception>
    public static async Task<(ShelterRequest Request, Household Household)> AddAsync(IHostingMatchDb db, ShelterRequest earlier, LocalDate? night,
        Instant now, CancellationToken cancellationToken)
    {
        var target = NightOf(earlier, night);
        if (target <= earlier.Night)
        {
            throw new ValidationException([new ValidationFailure("night", $"must be after {earlier.Night:yyyy-MM-dd}, the night of the request it repeats")]);
        }

        // One request per household and night (a unique index too, for two callers at once).
        if (await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.HouseholdId == earlier.HouseholdId && r.Night == target, cancellationToken) is { } existing)
        {
            throw new DomainException("already-registered",
                $"This household already has a request for the night of {target:yyyy-MM-dd} ({existing.Status.ToString().ToLowerInvariant()}, id {existing.Id}).");
        }

        var household = await db.Households.AsNoTracking().FirstAsync(h => h.Id == earlier.HouseholdId, cancellationToken);
        var placed = earlier.Status is RequestStatus.Confirmed or RequestStatus.Delivered;
        var waited = placed ? 0 : earlier.NightsWithoutShelter + Period.Between(earlier.Night, target, PeriodUnits.Days).Days;
        var request = ShelterRequest.Create(household.Id, target, waited, now);
        db.Requests.Add(request);
        return (request, household);
    }
}
