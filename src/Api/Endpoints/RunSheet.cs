using System.Globalization;
using System.Net;
using System.Text;
using HostingMatch.Application.Stays.Journeys;
using HostingMatch.Application.VanRuns;
using NodaTime;
using NodaTime.Text;
using HostingMatch.Application.VanRuns.Planner;

namespace HostingMatch.Api.Endpoints;

/// <summary>
/// The driver's run sheet for one trip: stops in order, address, the host's first name and phone, the people
/// (ages, never names) and the expected arrival. Printable, and readable on a phone.
/// </summary>
internal static class RunSheet
{
    private static readonly OffsetDateTimePattern Clock = OffsetDateTimePattern.CreateWithInvariantCulture("HH:mm");

    public static string Html(TripView trip, LocalDate night)
    {
        var html = new StringBuilder(Head($"Feuille de route {trip.VanId}, trajet {trip.Trip}"));
        Trip(html, trip, night);
        html.Append("</body></html>");
        return html.ToString();
    }

    /// <summary>A driver's whole evening (the page their SMS links to): each trip of their vehicle, as the plan stands now.</summary>
    public static string Driver(DriverSheet sheet)
    {
        var html = new StringBuilder(Head($"Feuille de route {sheet.VehicleLabel}"));
        if (sheet.Trips.Count == 0)
        {
            html.Append($"<h1>{E(sheet.VehicleLabel)} &middot; nuit du {sheet.Night:dd/MM/yyyy}</h1><p>Aucun trajet prévu pour le moment.</p>");
        }

        foreach (var trip in sheet.Trips)
        {
            Trip(html, trip, sheet.Night);
        }

        html.Append("</body></html>");
        return html.ToString();
    }

    private static string Head(string title) => $$"""
            <!doctype html>
            <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(title)}}</title>
            <style>
              body { font: 16px/1.4 system-ui, sans-serif; margin: 1rem; color: #111; }
              h1 { font-size: 1.3rem; margin: 0 0 .25rem; }
              .meta { color: #444; margin-bottom: 1rem; }
              ol { padding-left: 1.2rem; }
              li { border-top: 1px solid #ccc; padding: .6rem 0; }
              .time { font-size: 1.4rem; font-weight: bold; }
              a { color: #0645ad; }
              .nav a { display: inline-block; padding: .35rem .6rem; margin: .25rem .4rem 0 0; border: 1px solid #0645ad; border-radius: .3rem; text-decoration: none; }
              @media print { a { color: #111; text-decoration: none; } .nav { display: none; } }
            </style></head><body>
            """;

    private static void Trip(StringBuilder html, TripView trip, LocalDate night)
    {
        html.Append($$"""
            <h1>{{E(trip.VanId)}}, trajet {{trip.Trip}} &middot; nuit du {{night:dd/MM/yyyy}}</h1>
            <p class="meta">Départ {{Clock.Format(trip.DepartAt)}} &middot; retour vers {{Clock.Format(trip.ReturnAt)}} &middot; {{trip.Passengers}} passager(s)</p>
            <ol>
            """);
        foreach (var stop in trip.Stops)
        {
            html.Append($"""
                <li><div class="time">{Clock.Format(stop.ArriveAt)}</div>
                <div><strong>{E(stop.HostName)}</strong> &middot; <a href="tel:{E(stop.HostPhone)}">{E(stop.HostPhone)}</a></div>
                <div>{E(stop.Address)}</div>
                <div class="nav">{Navigation(stop)}</div>
                <div>{stop.People} personne(s) : {E(People(stop))}</div></li>
                """);
        }

        html.Append("</ol>");
    }

    public static string Csv(TripView trip)
    {
        var csv = new StringBuilder("order;arrival;host;phone;address;people;ages\n");
        foreach (var stop in trip.Stops)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{stop.Order};{Clock.Format(stop.ArriveAt)};{Cell(stop.HostName)};{Cell(stop.HostPhone)};{Cell(stop.Address)};{stop.People};{Cell(People(stop))}\n");
        }

        return csv.ToString();
    }

    /// <summary>
    /// Two ways to open the stop on a phone: a <c>geo:</c> link (RFC 5870; Android hands it to the navigation app the driver
    /// chose, with the address as the pin's label) and OpenStreetMap's page, which every phone opens (iPhones ignore geo:).
    /// The point, not the address, is what they navigate to: it is the one the plan's times were computed from.
    /// </summary>
    private static string Navigation(StopView stop) => Navigation(stop.Address, stop.Latitude, stop.Longitude);

    private static string Navigation(string address, double latitude, double longitude)
    {
        var (lat, lon) = (Coordinate(latitude), Coordinate(longitude));
        var label = Uri.EscapeDataString(address.Replace('(', ' ').Replace(')', ' '));
        return $"""<a href="{E($"geo:{lat},{lon}?q={lat},{lon}({label})")}" aria-label="Naviguer vers {E(address)} (application de navigation)">Naviguer</a>"""
               + $"""<a href="{E($"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}")}" aria-label="Voir {E(address)} sur OpenStreetMap">Carte OpenStreetMap</a>""";
    }

    /// <summary>
    /// A volunteer driver's journey between two homes (the page their SMS links to): the day, when to leave and arrive, both
    /// ends with the address, navigation links and the host's first name and phone, how many people. Never who they are.
    /// </summary>
    public static string Journey(JourneySheet sheet)
    {
        var html = new StringBuilder(Head($"Trajet du {sheet.Date:dd/MM/yyyy}"));
        html.Append($$"""
            <h1>Trajet entre deux accueils &middot; {{sheet.Date:dd/MM/yyyy}}</h1>
            <p class="meta">Merci {{E(sheet.DriverFirstName)}} &middot; {{sheet.People}} personne(s) &middot; environ {{sheet.Minutes}} min de route</p>
            <ol>
            """);
        JourneyEnd(html, "Départ", sheet.Departure, sheet.From);
        JourneyEnd(html, "Arrivée vers", sheet.Arrival, sheet.To);
        html.Append("</ol></body></html>");
        return html.ToString();
    }

    private static void JourneyEnd(StringBuilder html, string what, LocalTime time, JourneyPlace place)
    {
        var who = place.HostName is null
            ? "<div><strong>Lieu d'attente</strong></div>"
            : $"""<div><strong>{E(place.HostName)}</strong> &middot; <a href="tel:{E(place.Phone ?? "")}">{E(place.Phone ?? "")}</a></div>""";
        html.Append($"""
            <li><div class="time">{what} {time.ToString("HH:mm", CultureInfo.InvariantCulture)}</div>
            {who}
            <div>{E(place.Address)}</div>
            <div class="nav">{Navigation(place.Address, place.Latitude, place.Longitude)}</div></li>
            """);
    }

    private static string Coordinate(double degrees) => degrees.ToString("0.######", CultureInfo.InvariantCulture);

    private static string People(StopView stop) =>
        string.Join(" | ", stop.Households.Select(h => $"{h.Alias} ({string.Join(", ", h.Ages.Select(a => a + " ans"))})"));

    private static string E(string text) => WebUtility.HtmlEncode(text);

    // Quotes a cell, and defuses spreadsheet formulas: a cell starting with = + - @, a tab or a carriage return is
    // prefixed with '. The one exception is a phone number in E.164 (+ and digits only), which a driver taps to call.
    private static string Cell(string text)
    {
        var phone = text.Length > 1 && text[0] == '+' && text.Skip(1).All(char.IsAsciiDigit);
        var safe = text.Length > 0 && "=+-@\t\r".Contains(text[0]) && !phone ? "'" + text : text;
        return "\"" + safe.Replace("\"", "\"\"") + "\"";
    }
}
