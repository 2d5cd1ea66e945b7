using FluentValidation;
using NodaTime;

namespace HostingMatch.Application.Validation;

/// <summary>
/// The dates a coordinator or a partner means: the service began in 2026, its data is kept 90 days (retention), referrals
/// open 7 nights ahead and a stays horizon a year, so any night or morning of the network's is well inside 2000-2099.
/// Outside, it is a typo (<c>0000-01-01</c>, <c>0226-11-26</c>, <c>9999-12-31</c>), refused rather than stored, planned or
/// computed past the calendar's end.
/// </summary>
public static class NetworkDates
{
    public static readonly LocalDate First = new(2000, 1, 1);

    /// <inheritdoc cref="First"/>
    public static readonly LocalDate Last = new(2099, 12, 31);

    /// <summary>What is wrong with a date outside <see cref="First"/>-<see cref="Last"/>, said on its field.</summary>
    public const string OutOfRangeProblem = "must be a date from 2000-01-01 to 2099-12-31";

    public static bool Contains(LocalDate date) => date >= First && date <= Last;

    /// <summary>The rule: absent, or a date from <see cref="First"/> to <see cref="Last"/>.</summary>
    public static IRuleBuilderOptions<T, LocalDate?> WithinNetworkDates<T>(this IRuleBuilder<T, LocalDate?> rule) =>
        rule.Must(date => date is not { } d || Contains(d)).WithMessage(OutOfRangeProblem);
}
