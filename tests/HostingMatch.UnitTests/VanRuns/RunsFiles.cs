using HostingMatch.Application.VanRuns;
using HostingMatch.Domain.Geography;
using NodaTime;
using HostingMatch.Application.VanRuns.Planner;

namespace HostingMatch.UnitTests.VanRuns;

/// <summary>Test data: a builder for runs files and a seeded generator of Paris evenings.</summary>
internal static class RunsFiles
{
    public static readonly GeoPoint Base = new(48.8986, 2.3592);

    public static RunsFile Evening(
        IReadOnlyList<RunStop> stops,
        int vans = 1,
        int seats = 8,
        string night = "2026-11-26",
        string firstDeparture = "20:30",
        string latestArrival = "23:59") =>
        new(
            LocalDate.FromDateTime(DateTime.Parse(night, System.Globalization.CultureInfo.InvariantCulture)),
            RunsFile.SupportedTimeZone,
            new RunsBase("Porte de la Chapelle", Base),
            RunsRules.Default,
            Enumerable.Range(1, vans).Select(i => new RunsVan($"van-{i}", seats)).ToList(),
            Time(firstDeparture),
            Time(latestArrival),
            10,
            5,
            stops);

    public static RunStop Stop(string hostId, double northKm, double eastKm, int people = 2,
        string from = "20:30", string until = "23:59", StopTransport transport = StopTransport.Van) =>
        new(hostId,
            new GeoPoint(Base.Latitude + (northKm / 111.2), Base.Longitude + (eastKm / 73.1)),
            Time(from),
            Time(until),
            [new RunHousehold($"hh-{hostId}", people)],
            transport);

    public static LocalTime Time(string hhmm) => NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(hhmm).Value;

    /// <summary>A seeded evening: stops within about 8 km of the base, households of 1 to 6, some windows.</summary>
    public static RunsFile Generate(int seed, int stopCount, int vans)
    {
        var random = new Random(seed);
        var stops = new List<RunStop>();
        for (var i = 0; i < stopCount; i++)
        {
            var households = new List<RunHousehold> { new($"hh-{i}-a", random.Next(1, 7)) };
            if (random.NextDouble() < 0.15)
            {
                households.Add(new RunHousehold($"hh-{i}-b", random.Next(1, 3)));
            }

            var from = random.NextDouble() < 0.3 ? new LocalTime(20 + random.Next(0, 3), 15 * random.Next(0, 4)) : new LocalTime(20, 30);
            var until = random.NextDouble() < 0.3 ? from.PlusMinutes(60 + (15 * random.Next(0, 9))) : new LocalTime(23, 59);
            var angle = random.NextDouble() * 2 * Math.PI;
            var km = 1 + (random.NextDouble() * 7);
            stops.Add(new RunStop($"h-{i:000}",
                new GeoPoint(Base.Latitude + (km * Math.Sin(angle) / 111.2), Base.Longitude + (km * Math.Cos(angle) / 73.1)),
                from, until > from ? until : new LocalTime(23, 59), households,
                random.NextDouble() < 0.05 ? StopTransport.Other : StopTransport.Van));
        }

        return Evening(stops, vans);
    }
}
