using FluentValidation;
using FluentValidation.Results;
using HostingMatch.Api.Infrastructure;
using HostingMatch.Application.Reports;
using HostingMatch.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace HostingMatch.Api.Endpoints;

/// <summary>The network's figures for a period, per programme: counts only (docs/reports.md).</summary>
public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        api.MapGet("/reports", async Task<Results<Ok<Report>, ContentHttpResult>> (string? from, string? until, string? format, IMediator mediator,
                IClock clock, HttpResponse response, CancellationToken ct) =>
            {
                // By default the month of tonight's night.
                var month = Night.Current(clock.GetCurrentInstant());
                var first = new LocalDate(month.Year, month.Month, 1);
                var query = new GetReport(from is null ? first : NightRoute.Date(from, "from"),
                    until is null ? first.PlusMonths(1).PlusDays(-1) : NightRoute.Date(until, "until"));
                if (format is not (null or "json" or "csv"))
                {
                    throw new ValidationException([new ValidationFailure("format", "must be json or csv")]);
                }

                var report = await mediator.Send(query, ct);
                if (format == "csv")
                {
                    response.Headers.ContentDisposition = $"attachment; filename=\"report-{report.From:yyyy-MM-dd}-{report.Until:yyyy-MM-dd}.csv\"";
                    return TypedResults.Content(ReportCsv.Write(report), "text/csv; charset=utf-8");
                }

                return TypedResults.Ok(report);
            })
            .WithTags("Reports")
            .WithSummary("The figures of the nights from..until (both included; by default this month), per programme: nights, people asking and " +
                         "placed by category and tier, children under 10, those left without a bed by reason, offers and answers, hosts and their " +
                         "nights, the ways people reached their bed; stays' guests, person-nights and uncovered nights by reason. Counts only. " +
                         "format=csv for a spreadsheet.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem();
        return api;
    }
}
