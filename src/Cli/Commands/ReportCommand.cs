using System.CommandLine;
using System.Globalization;
using HostingMatch.Application.Reports;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace HostingMatch.Cli.Commands;

/// <summary><c>hostingmatch report --month 2026-11 [--csv]</c>: the network's figures for a month, counts only.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var month = MonthOption.Create();
        var csv = new Option<bool>("--csv") { Description = "Print the CSV (as GET /api/v1/reports?format=csv) instead of the summary." };
        var command = new Command("report", "The network's figures for a month, per programme: nights, people placed by category and tier, " +
                                            "children under 10, who was left without a bed and why, offers, hosts, rides, stays. Counts only.") { month, csv };
        command.SetAction(async (parse, ct) => await CliHost.RunAsync(async (services, token) =>
        {
            var first = MonthOption.Value(parse, month);
            var report = await services.GetRequiredService<IMediator>().Send(new GetReport(first, first.PlusMonths(1).PlusDays(-1)), token);
            Console.Write(parse.GetValue(csv) ? ReportCsv.Write(report) : Summary(report));
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    private static string Summary(Report r)
    {
        var n = r.OneNight;
        string Counts(IEnumerable<Count> counts) => string.Join(", ", counts.Select(c => $"{c.Key} {c.People} ({c.Households})"));
        var culture = CultureInfo.InvariantCulture;
        return string.Join(Environment.NewLine,
            $"Report of the nights {r.From:yyyy-MM-dd} to {r.Until:yyyy-MM-dd}",
            $"One night: {n.Nights} night(s), {n.PeopleAsking} people asked ({n.HouseholdsAsking} households), {n.PeoplePlaced} placed ({n.HouseholdsPlaced}), " +
            $"{n.ChildrenUnder10Placed} children under 10 placed.",
            $"  placed by category: {Counts(n.PlacedByCategory)}",
            $"  placed by tier: {Counts(n.PlacedByTier)}",
            $"  without a bed, by reason: {Counts(n.NotPlacedByReason)}",
            $"  reached their bed by: {Counts(n.PlacedByWay)}",
            $"  offers: {n.Offers.Sent} sent, {n.Offers.Accepted} accepted, {n.Offers.Declined} declined, {n.Offers.Expired} expired, " +
            $"{n.Offers.Cancelled} cancelled; answered {n.Offers.AnswerRate.ToString("P0", culture)}, median {n.Offers.MedianAnswerMinutes?.ToString(culture) ?? "-"} min",
            $"  hosts who hosted: {n.Hosts.Active}; by nights hosted: {string.Join(", ", n.Hosts.NightsPerHost.Select(c => $"{c.Key}: {c.Households}"))}; most {n.Hosts.MostNightsByOneHost}",
            $"Stays: {r.Stays.Guests} guest(s), {r.Stays.PersonNights} person-nights, {r.Stays.ActiveHosts} host(s); uncovered person-nights: {Counts(r.Stays.UncoveredByReason)}",
            $"  exits by outcome: {string.Join(", ", r.Stays.ExitsByOutcome.Select(c => $"{c.Key} {c.Households}"))}",
            string.Empty);
    }
}
