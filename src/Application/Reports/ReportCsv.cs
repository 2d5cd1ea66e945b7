using System.Globalization;
using System.Text;

namespace HostingMatch.Application.Reports;

/// <summary>A report as CSV for a spreadsheet: one line per figure, <c>programme;figure;key;households;people</c>, the counts only.</summary>
public static class ReportCsv
{
    public static string Write(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder("programme;figure;key;households;people\n");
        void Line(string programme, string figure, string key, int households, int people) =>
            csv.Append(CultureInfo.InvariantCulture, $"{programme};{figure};{key};{households};{people}\n");
        void Counts(string programme, string figure, IEnumerable<Count> counts)
        {
            foreach (var c in counts)
            {
                Line(programme, figure, c.Key, c.Households, c.People);
            }
        }

        var n = report.OneNight;
        Line("one-night", "period", $"{report.From:yyyy-MM-dd}..{report.Until:yyyy-MM-dd}", 0, 0);
        Line("one-night", "nights", "", 0, n.Nights);
        Line("one-night", "asking", "", n.HouseholdsAsking, n.PeopleAsking);
        Line("one-night", "placed", "", n.HouseholdsPlaced, n.PeoplePlaced);
        Line("one-night", "children-under-10-placed", "", 0, n.ChildrenUnder10Placed);
        Counts("one-night", "placed-by-category", n.PlacedByCategory);
        Counts("one-night", "placed-by-tier", n.PlacedByTier);
        Counts("one-night", "not-placed-by-reason", n.NotPlacedByReason);
        Counts("one-night", "placed-by-way", n.PlacedByWay);
        var o = n.Offers;
        foreach (var (key, value) in new[] { ("sent", o.Sent), ("accepted", o.Accepted), ("declined", o.Declined), ("expired", o.Expired), ("cancelled", o.Cancelled) })
        {
            Line("one-night", "offers", key, value, 0);
        }

        csv.Append(CultureInfo.InvariantCulture, $"one-night;offers;answer-rate;{o.AnswerRate:0.###};\n");
        csv.Append(CultureInfo.InvariantCulture, $"one-night;offers;median-answer-minutes;{o.MedianAnswerMinutes};\n");
        Line("one-night", "active-hosts", "", n.Hosts.Active, 0);
        Counts("one-night", "hosts-by-nights-hosted", n.Hosts.NightsPerHost);
        var s = report.Stays;
        Line("stays", "guests", "", s.Guests, 0);
        Line("stays", "person-nights", "", 0, s.PersonNights);
        Line("stays", "active-hosts", "", s.ActiveHosts, 0);
        Counts("stays", "uncovered-person-nights-by-reason", s.UncoveredByReason);
        Counts("stays", "exits-by-outcome", s.ExitsByOutcome);
        return csv.ToString();
    }
}
