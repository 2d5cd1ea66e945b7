using FluentValidation;
using FluentValidation.Results;
using HostingMatch.Application.Validation;
using NodaTime;
using NodaTime.Text;

namespace HostingMatch.Api.Infrastructure;

/// <summary>
/// The <c>{night}</c> route value of every endpoint: a date written YYYY-MM-DD from <see cref="First"/> to <see cref="Last"/>,
/// else a 400 on the field <c>night</c>.
/// </summary>
public static class NightRoute
{
    /// <summary>Nights in a path are the network's (<see cref="NetworkDates"/>).</summary>
    public static readonly LocalDate First = NetworkDates.First;

    /// <inheritdoc cref="First"/>
    public static readonly LocalDate Last = NetworkDates.Last;

    /// <summary>What is wrong with a night outside <see cref="First"/>-<see cref="Last"/>, said on its field.</summary>
    public const string OutOfRangeProblem = "must be a night from 2000-01-01 to 2099-12-31";

    public static LocalDate Parse(string night)
    {
        var date = Date(night, "night");
        return date >= First && date <= Last
            ? date
            : throw new ValidationException([new ValidationFailure("night", OutOfRangeProblem)]);
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
