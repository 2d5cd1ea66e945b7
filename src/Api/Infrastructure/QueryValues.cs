using FluentValidation;
using FluentValidation.Results;
using NodaTime;
using NodaTime.Text;

namespace HostingMatch.Api.Infrastructure;

/// <summary>Query-string values NodaTime writes: a date <c>YYYY-MM-DD</c>, an instant in ISO (UTC, <c>Z</c>); else a 400 on the field.</summary>
public static class QueryValues
{
    public static LocalDate? Date(string? text, string field)
    {
        if (text is null)
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success && text.Length == 10 ? parsed.Value : throw Invalid(field, "must be a date written YYYY-MM-DD");
    }

    public static Instant? Instant(string? text, string field)
    {
        if (text is null)
        {
            return null;
        }

        var parsed = InstantPattern.ExtendedIso.Parse(text);
        return parsed.Success ? parsed.Value : throw Invalid(field, "must be an instant written like 2026-11-26T20:30:00Z");
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
