using System.Diagnostics.Contracts;
using System.Text.RegularExpressions;

namespace HostingMatch.Domain.Common;

/// <summary>
/// A phone number in E.164 (<c>+33612345678</c>): what Twilio sends to and receives from. A value is valid by
/// construction (<see cref="Parse"/>, <see cref="TryNormalize"/>); the aggregates that hold a number (a host, a referrer,
/// an outgoing SMS) make one before they store its <see cref="Value"/>.
/// </summary>
public readonly partial record struct PhoneNumber
{
    private PhoneNumber(string value) => Value = value;

    /// <summary>The number in E.164, <c>+</c> and digits only.</summary>
    public string Value { get; }

    // \z, not $: $ also matches before a final line end, which would let "+33612345678\n" through and be stored.
    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}\z")]
    private static partial Regex E164();

    [GeneratedRegex(@"\+[1-9][0-9]{3,10}([0-9]{4})(?![0-9])")]
    private static partial Regex E164InText();

    /// <summary>The number <paramref name="value"/>, already written in E.164.</summary>
    /// <exception cref="DomainException"><paramref name="code"/>, with <paramref name="message"/>, when it is not.</exception>
    [Pure]
    public static PhoneNumber Parse(string? value, string code, string message) =>
        IsE164(value) ? new PhoneNumber(value!) : throw new DomainException(code, message);

    /// <summary>
    /// What people type in a spreadsheet, normalised: spaces, dots, dashes and brackets removed, a French national number
    /// (<c>06 12 34 56 78</c>) turned into <c>+33612345678</c>, <c>0033</c> into <c>+33</c>. Null when the result is not E.164.
    /// </summary>
    [Pure]
    public static PhoneNumber? TryNormalize(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var digits = new string(value.Where(c => char.IsDigit(c) || c == '+').ToArray());
        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            digits = "+" + digits[2..];
        }
        else if (digits.Length == 10 && digits[0] == '0')
        {
            digits = "+33" + digits[1..];
        }

        return IsE164(digits) ? new PhoneNumber(digits) : null;
    }

    /// <summary>Like <see cref="TryNormalize"/>, as text: null when the result is not E.164.</summary>
    [Pure]
    public static string? Normalize(string? value) => TryNormalize(value)?.Value;

    /// <summary>True when <paramref name="value"/> is already in E.164.</summary>
    [Pure]
    public static bool IsE164(string? value) => value is not null && E164().IsMatch(value);

    /// <summary>
    /// Every E.164 number in <paramref name="text"/> cut to its last four digits (<c>+33612345678</c> becomes
    /// <c>...5678</c>): phone numbers are personal data, and Twilio's error messages quote them into our logs and alerts.
    /// </summary>
    [Pure]
    public static string MaskNumbers(string text) => E164InText().Replace(text, "...$1");

    /// <summary>The number in E.164.</summary>
    public override string ToString() => Value;
}
