using FluentValidation;
using HostingMatch.Application.Stays.Planner;
using HostingMatch.Domain;
using HostingMatch.Domain.Stays;
using Mediator;
using NodaTime;

namespace HostingMatch.Application.Stays;

/// <summary>
/// Plans the stays programme from the database over the nights <c>[From, Until)</c> (<paramref name="From"/> tomorrow
/// when left out, never before tonight), for one <paramref name="Region"/> or all: agreed stays are kept (and first cut
/// where a host withdrew or a need ended, from <c>From</c> on), earlier proposals in the horizon are replaced, and the
/// new proposals are stored as proposed stays; uncovered nights in Île-de-France become one-night requests
/// (<see cref="UncoveredNightRequests"/>). Returns the plan, which <see cref="GetStaysPlan"/> reads again.
/// </summary>
public sealed record PlanStays(LocalDate? From, LocalDate? Until, string? Region = null, int? TimeLimitSeconds = null)
    : ICommand<StaysPlanResponse>;

public sealed class PlanStaysValidator : AbstractValidator<PlanStays>
{
    /// <summary>The longest horizon (stays.md, Validation).</summary>
    public const int MaxNights = 366;

    public PlanStaysValidator(IClock clock)
    {
        RuleFor(c => c.Until).NotNull()
            .GreaterThan(c => c.From ?? Tomorrow(clock)).WithMessage("must be after from (tomorrow when from is left out)")
            .Must((c, until) => until is null || Period.DaysBetween(c.From ?? Tomorrow(clock), until.Value) <= MaxNights)
            .WithMessage($"must be at most {MaxNights} nights after from");
        RuleFor(c => c.From).GreaterThanOrEqualTo(_ => Night.Current(clock.GetCurrentInstant())).When(c => c.From is not null)
            .WithMessage("must not be before tonight: nights already spent are never planned again");
        RuleFor(c => c.Region).Must(r => r is null || Region.IsValid(r)).WithMessage("must be a region's name, e.g. bretagne");
        RuleFor(c => c.TimeLimitSeconds).InclusiveBetween(1, 600);
    }

    internal static LocalDate Tomorrow(IClock clock) => Night.Current(clock.GetCurrentInstant()).PlusDays(1);
}

public sealed class PlanStaysHandler(IHostingMatchDb db, IClock clock, IStaysPlanningLock planningLock) : ICommandHandler<PlanStays, StaysPlanResponse>
{
    /// <summary>The planner's budget when the caller gives none.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(30);

    /// <summary>How long a plan waits for another under way: longer than the longest time limit a caller may give.</summary>
    public static readonly TimeSpan PlanningPatience = TimeSpan.FromSeconds(630);

    public async ValueTask<StaysPlanResponse> Handle(PlanStays command, CancellationToken cancellationToken)
    {
        // One plan at a time: a plan made beside another would propose the same guest's nights twice. A second caller
        // waits for the first to commit (at most a plan's longest time limit), then plans on what it stored.
        await using var held = await planningLock.TryAcquireAsync(PlanningPatience, cancellationToken)
            ?? throw new Domain.Common.DomainException("stays-planning-in-progress",
                "Another stays plan is being computed; try again in a minute.");
        var now = clock.GetCurrentInstant();
        var today = Night.Current(now);
        var planFrom = command.From ?? today.PlusDays(1);
        var region = command.Region is null ? null : Region.Normalize(command.Region);
        var programme = await StaysFromDatabase.LoadAsync(db, planFrom, command.Until!.Value, region, today, now, StaysRules.Default, cancellationToken);

        var limit = command.TimeLimitSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultTimeLimit;
        var plan = StaysPlanner.Solve(programme.File, new StaysPlannerOptions(limit));

        var planId = Guid.CreateVersion7(now.ToDateTimeOffset());
        var lines = new List<PlanStayLine>();
        var rows = new Dictionary<Guid, Stay>();
        foreach (var planned in plan.Stays)
        {
            var (guestId, segment) = GuestSegment.Parse(planned.GuestId);
            var hostId = Guid.Parse(planned.HostId);
            // A continued agreed stay needs a row only for the nights past its agreed morning (a stretch after a fixed stay
            // starts on that stay's morning).
            var from = planned.ContinuesCurrent && segment == 0 && programme.CurrentStays.TryGetValue(guestId, out var current)
                ? current.Until : planned.From;
            Stay? row = null;
            if (from < planned.Until)
            {
                row = Stay.Propose(guestId, hostId, NightPeriod.Create(from, planned.Until), planned.JourneyMinutes, planId, now);
                db.Stays.Add(row);
                rows[row.Id] = row;
            }

            lines.Add(new PlanStayLine(guestId, hostId, planned.From, planned.Until, planned.People, planned.Tier, planned.ContinuesCurrent,
                planned.JourneyMinutes, row?.Id));
        }

        var stored = StoredStaysPlan.Create(planId, plan.PlanFrom, plan.PlanUntil, region, plan.Optimal, plan.Gap, lines,
            plan.Uncovered.Select(u => new PlanUncoveredLine(GuestSegment.Parse(u.GuestId).GuestId, u.From, u.Until, u.Reason.ToWire(), u.Detail)),
            [.. plan.Summary.PersonNightsCovered], [.. plan.Summary.PersonNightsUncovered], plan.Summary.Moves, plan.Summary.JourneyMinutes,
            plan.Summary.SolveMilliseconds, now);
        db.StaysPlans.Add(stored);
        await UncoveredNightRequests.RegisterAsync(db, stored, programme.Guests, now, cancellationToken);

        // One SaveChanges: the cuts, the replaced proposals, the new ones, the plan and the one-night requests of its
        // uncovered nights, all or nothing.
        await db.SaveChangesAsync(cancellationToken);
        return stored.ToResponse(
            programme.Guests.Values.ToDictionary(g => g.Id, g => programme.Households[g.HouseholdId].Alias),
            programme.Hosts.Values.ToDictionary(h => h.Id, h => h.Code),
            rows);
    }
}
