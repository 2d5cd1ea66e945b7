using FluentValidation;
using HostingMatch.Application.Pipeline;
using HostingMatch.Application.Validation;
using HostingMatch.Domain;
using Mediator;
using NodaTime;

namespace HostingMatch.Application.Stays.Journeys;

/// <summary>
/// The journeys between homes dated in <c>[From, Until)</c> (<paramref name="From"/> today and <paramref name="Until"/>
/// four weeks later when left out), by date then guest: one to every confirmed or ongoing stay that is a first stay or a
/// move, arranged or not.
/// </summary>
public sealed record ListJourneys(LocalDate? From = null, LocalDate? Until = null) : IQuery<IReadOnlyList<JourneyResponse>>, IAudited;

public sealed class ListJourneysValidator : AbstractValidator<ListJourneys>
{
    public const int DefaultDays = 28;

    public ListJourneysValidator()
    {
        // The default until (from + 4 weeks) or from (until - 4 weeks) is computed: from 9999-12-30 went past the calendar (500).
        RuleFor(q => q.From).WithinNetworkDates();
        RuleFor(q => q.Until).WithinNetworkDates()
            .Must((q, until) => until is null || q.From is null || until > q.From).WithMessage("must be after from")
            .Must((q, until) => until is null || q.From is null || Period.DaysBetween(q.From.Value, until.Value) <= Stays.PlanStaysValidator.MaxNights)
            .WithMessage($"must be at most {Stays.PlanStaysValidator.MaxNights} days after from");
    }
}

public sealed class ListJourneysHandler(IHostingMatchDb db, IClock clock) : IQueryHandler<ListJourneys, IReadOnlyList<JourneyResponse>>
{
    public async ValueTask<IReadOnlyList<JourneyResponse>> Handle(ListJourneys query, CancellationToken cancellationToken)
    {
        var from = query.From ?? (query.Until is { } end ? end.PlusDays(-ListJourneysValidator.DefaultDays) : Night.Current(clock.GetCurrentInstant()));
        var until = query.Until ?? from.PlusDays(ListJourneysValidator.DefaultDays);
        if (until <= from)
        {
            return [];
        }

        var chains = await JourneyChains.OfPeriodAsync(db, from, until, cancellationToken);
        return chains.Legs.Select(chains.ToResponse)
            .OrderBy(j => j.Date).ThenBy(j => j.GuestAlias, StringComparer.Ordinal).ThenBy(j => j.Id).ToList();
    }
}
