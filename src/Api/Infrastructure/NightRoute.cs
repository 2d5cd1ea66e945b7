using FluentValidation;
using FluentValidation.Results;
using NodaTime;
using NodaTime.Text;

namespace HostingMatch.Api.Infrastructure;

/// <summary>The <c>{night}</c> route value: a date written YYYY-MM-DD, else a 400 on the field <c>night</c>.</summary>
public static class NightRoute
{
    public static LocalDate Parse(string night)
    {
        var parsed = LocalDatePattern.Iso.Parse(night);
        return parsed.Success && night.Length == 10
            ? parsed.Value
            : throw new ValidationException([new ValidationFailure("night", "must be a date written YYYY-MM-DD")]);
    }
}
