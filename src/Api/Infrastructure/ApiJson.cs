using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using NodaTime.Text;

namespace HostingMatch.Api.Infrastructure;

/// <summary>JSON on the wire: camelCase, numbers as JSON numbers only, NodaTime values as ISO strings, enums as camelCase strings.</summary>
public static class ApiJson
{
    /// <summary>Clock times are written <c>HH:mm</c> (what people type); <c>HH:mm:ss</c> is read too.</summary>
    private static readonly IPattern<LocalTime> TimePattern = new CompositePatternBuilder<LocalTime>
    {
        { LocalTimePattern.CreateWithInvariantCulture("HH:mm"), t => t.Second == 0 && t.NanosecondOfSecond == 0 },
        { LocalTimePattern.ExtendedIso, t => t.Second != 0 || t.NanosecondOfSecond != 0 },
    }.Build();

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // Numbers are numbers: "age": "31" is refused (400 on the field), and the OpenAPI document says integer, not
        // integer-or-string (ASP.NET Core's web defaults read numbers from strings).
        options.NumberHandling = JsonNumberHandling.Strict;
        options.ConfigureForNodaTime(new NodaJsonSettings(DateTimeZoneProviders.Tzdb)
        {
            LocalTimeConverter = new NodaPatternConverter<LocalTime>(TimePattern),
        });
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }
}
