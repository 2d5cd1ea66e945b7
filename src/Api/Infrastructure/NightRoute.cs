using FluentValidation;
using FluentValidation.Results;
using NodaTime;
using NodaTime.Text;

namespace HostingMatch.Api.Infrastructure;

/// <summary>The <c>{night}</c> route value: a date written YYYY-MM-DD up to the calendar's last night, else a 400 on the field <c>night</c>.</summary>
public static class NightRoute
{
    public static LocalDate Parse(string night)
    {
        var date = Date(night, "night");
        return date <= Domain.Night.Last
            ? date
            : throw new ValidationException([new ValidationFailure("night", Domain.Night.AfterLastProblem)]);
    }

    /// <summary>A date written YYYY-MM-DD in the route or the query, else a 400 on <paramref name="field"/>.</summary>
    public static LocalDate Date(string text, string field)
    {
        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success && text.Length == 10
            ? parsed.Value
            : throw new ValidationException([new ValidationFailure(field, "must be a date written YYYY-MM-DD")]);
    }
}
