using System.Text.Json;
using System.Text.Json.Serialization;
using HostingMatch.Application.Validation;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using NodaTime.Text;

namespace HostingMatch.Api.Infrastructure;

/// <summary>JSON on the wire: camelCase, numbers as JSON numbers only, NodaTime values as ISO strings, enums as camelCase strings.</summary>
public static class ApiJson
{
    /// <summary>
    /// Clock times are written <c>HH:mm</c>; they are read as <c>HH:mm</c>, or as <c>HH:mm:ss</c> (a fraction allowed)
    /// when that is a whole minute, as partners' generated clients send a time. The night's clock counts minutes
    /// (<see cref="Domain.Night.EveningMinute"/>), so <c>"00:30:15"</c> would be a second nobody meant: refused on its
    /// field like <c>"9:00"</c>. A time stored with seconds before this rule is written to its minute.
    /// </summary>
    private static readonly IPattern<LocalTime> TimePattern = new WholeMinutes();

    /// <summary>Reads <c>HH:mm</c>, or <c>HH:mm:ss[.fffffffff]</c> of a whole minute; writes <c>HH:mm</c>.</summary>
    private sealed class WholeMinutes : IPattern<LocalTime>
    {
        private static readonly LocalTimePattern Minutes = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

        public ParseResult<LocalTime> Parse(string text)
        {
            var minutes = Minutes.Parse(text);
            if (minutes.Success)
            {
                return minutes;
            }

            var full = LocalTimePattern.ExtendedIso.Parse(text);
            return !full.Success || full.Value.Second == 0 && full.Value.NanosecondOfSecond == 0 ? full
                : ParseResult<LocalTime>.ForException(() => new FormatException($"'{text}' is not a whole minute: a clock time is HH:mm."));
        }

        public string Format(LocalTime value) => Minutes.Format(value);

        public System.Text.StringBuilder AppendFormat(LocalTime value, System.Text.StringBuilder builder) => Minutes.AppendFormat(value, builder);
    }

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
        options.Converters.Add(new CleanTextConverter());
    }
}

/// <summary>
/// Every string of every body is held to <see cref="TextHygiene"/> as it is read: a NUL or a lone surrogate is a 400
/// naming the field (the JSON path), never a 500 from PostgreSQL; invisible reordering characters are removed. One
/// converter, so every endpoint's body, today's and tomorrow's, gets the rule.
/// </summary>
public sealed class CleanTextConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("must be a string");
        }

        return Checked(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(ref reader);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string Checked(ref Utf8JsonReader reader)
    {
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // Recovering is the point: "\ud800" is valid JSON but no text; say so on the field.
            throw new JsonException("must be valid Unicode text (it holds a lone surrogate)");
        }

        return TextHygiene.Problem(text) is { } problem ? throw new JsonException(problem) : TextHygiene.Clean(text);
    }
}
