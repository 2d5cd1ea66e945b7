using System.Globalization;
using FluentValidation;
using HostingMatch.Application.Pipeline;
using HostingMatch.Application.Sms;
using HostingMatch.Application.Validation;
using HostingMatch.Domain;
using HostingMatch.Domain.Common;
using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Sms;
using HostingMatch.Domain.Stays;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Stays.Journeys;

/// <summary>
/// A coordinator arranges the journey to a stay (named by the stay's id): the way (<c>volunteer-driver</c>, <c>train</c>,
/// <c>other</c>, or <c>not-arranged</c> to undo), the departure time, the volunteer driver, the cost in euros as entered,
/// notes. When the day is today or later and the time is new or changed (or the chain changed where it goes), through the
/// outbox: the host the guest leaves is told the departure time, the receiving host the arrival time (departure plus the
/// journey's minutes), and a volunteer driver gets the signed link to the journey sheet. A host who sent STOP is not
/// texted: the coordinators get an alert to call them. Null when no journey leads to that stay.
/// Two coordinators arranging a journey nobody arranged before both add its row: the second runs again and finds the
/// first's (what the hosts were told included, so a time already sent is not sent twice).
/// </summary>
public sealed record ArrangeJourney(
    Guid StayId,
    string? Way,
    LocalTime? DepartureTime,
    string? DriverFirstName = null,
    string? DriverPhone = null,
    decimal? CostEuros = null,
    string? Notes = null,
    uint? Version = null) : ICommand<JourneyResponse?>, ITransactional, IAudited, IRetriedOnConflict;

public sealed class ArrangeJourneyValidator : AbstractValidator<ArrangeJourney>
{
    public ArrangeJourneyValidator()
    {
        RuleFor(c => c.Way).NotEmpty().Must(w => JourneyWayNames.TryParse(w, out _))
            .WithMessage("must be volunteer-driver, train, other or not-arranged");
        RuleFor(c => c.DepartureTime).NotNull().When(c => c.Way is JourneyWayNames.VolunteerDriver or JourneyWayNames.Train or JourneyWayNames.Other)
            .WithMessage("is required for an arranged journey (HH:mm)");
        RuleFor(c => c.DriverFirstName).NotEmpty().When(c => c.Way == JourneyWayNames.VolunteerDriver)
            .WithMessage("is required when a volunteer drives");
        RuleFor(c => c.DriverFirstName).MaximumLength(Journey.MaxDriverNameLength).OneLine();
        RuleFor(c => c.DriverPhone).NotEmpty().When(c => c.Way == JourneyWayNames.VolunteerDriver)
            .WithMessage("is required when a volunteer drives");
        RuleFor(c => c.DriverPhone).Must(p => p is null || PhoneNumber.IsE164(p))
            .WithMessage("must be a phone number in E.164 form, e.g. +33612345678");
        RuleFor(c => c.CostEuros).InclusiveBetween(0m, Journey.MaxCostEuros).PrecisionScale(7, 2, ignoreTrailingZeros: true);
        RuleFor(c => c.Notes).MaximumLength(Journey.MaxNotesLength).CleanText();
    }
}

public sealed class ArrangeJourneyHandler(IHostingMatchDb db, IClock clock, IOutboxNotifier outbox, IJourneySheetLinks links)
    : ICommandHandler<ArrangeJourney, JourneyResponse?>
{
    public async ValueTask<JourneyResponse?> Handle(ArrangeJourney command, CancellationToken cancellationToken)
    {
        var chains = await JourneyChains.OfStayAsync(db, command.StayId, track: true, cancellationToken);
        if (chains.Legs is not [var leg])
        {
            return null;
        }

        var now = clock.GetCurrentInstant();
        var journey = chains.Arranged.GetValueOrDefault(leg.StayId);
        if (journey is null)
        {
            journey = Journey.Create(leg, now);
            db.Journeys.Add(journey);
        }
        else
        {
            if (command.Version is { } version)
            {
                ((DbContext)db).Entry(journey).Property(j => j.Version).OriginalValue = version;
            }

            journey.Follow(leg, now);
        }

        JourneyWayNames.TryParse(command.Way, out var way);
        journey.Arrange(way, command.DepartureTime, command.DriverFirstName, command.DriverPhone, command.CostEuros ?? 0m, command.Notes, now);

        // A journey already made is recorded (its cost, how it went) without texting anyone.
        var queued = 0;
        // A journey's date is a calendar day (the move happens in the day), not a night: compared with today's date in Paris.
        if (leg.Date >= now.InZone(Night.Zone).Date && (journey.HostsNeedTelling || journey.DriverNeedsTelling))
        {
            queued = Tell(journey, chains, leg, now);
            journey.RecordTold(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (queued > 0)
        {
            outbox.MessagesQueued();
        }

        return chains.ToResponse(leg, journey);
    }

    /// <summary>Queues the hosts' times (when they changed) and the driver's sheet; returns how many SMS were queued.</summary>
    private int Tell(Journey journey, JourneyChains chains, JourneyLeg leg, Instant now)
    {
        var queued = 0;
        var departure = journey.DepartureTime!.Value;
        var arrival = journey.ArrivalTime!.Value;
        if (journey.HostsNeedTelling)
        {
            if (leg.FromHostId is { } fromId)
            {
                var leaving = chains.Hosts[fromId];
                queued += TellHost(leaving, SmsTemplates.JourneyDeparture(leaving.Language, leaving.DisplayName, leg.Date, departure), "departure", departure, now);
            }

            var receiving = chains.Hosts[leg.ToHostId];
            // A long journey may arrive after midnight: the arrival's own day.
            var arrivalDate = leg.Date.PlusDays((departure.Hour * 60 + departure.Minute + journey.Minutes) / (24 * 60));
            queued += TellHost(receiving, SmsTemplates.JourneyArrival(receiving.Language, receiving.DisplayName, arrivalDate, arrival, journey.Way), "arrival",
                arrival, now);
        }

        if (journey.DriverNeedsTelling)
        {
            db.OutboundSms.Add(OutboundSms.Create(journey.DriverPhone!,
                SmsTemplates.JourneyDriver(journey.DriverFirstName!, leg.Date, departure, arrival, links.For(leg.StayId, journey.DriverPhone!, leg.Date)), SmsKind.Journey, null, null, now));
            queued++;
        }

        return queued;
    }

    private int TellHost(Host host, string body, string what, LocalTime time, Instant now)
    {
        if (host.SmsOptedOutAt is not null)
        {
            db.Alerts.Add(CoordinatorAlert.Raise("stay-journey-not-sent",
                $"{host.DisplayName} ({host.Code}) sent STOP, so no SMS told them the {what} time of a journey between homes " +
                $"({time.ToString("HH:mm", CultureInfo.InvariantCulture)}): call them.", host.Id, now));
            return 0;
        }

        db.OutboundSms.Add(OutboundSms.Create(host.Phone, body, SmsKind.StayNotice, host.Id, null, now));
        return 1;
    }
}
