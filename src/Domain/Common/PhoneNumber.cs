using System.Diagnostics.Contracts;
using System.Text.RegularExpressions;

namespace HostingMatch.Domain.Common;

/// <summary>Phone numbers in E.164 (<c>+33612345678</c>): what Twilio sends to and receives from.</summary>
public static partial class PhoneNumber
{
    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$")]
    private static partial Regex E164();

    [GeneratedRegex(@"\+[1-9][0-9]{3,10}([0-9]{4})(?![0-9])")]
    private static partial Regex E164InText();

    /// <summary>
    /// Every E.164 number in <paramref name="text"/> cut to its last four digits (<c>+33612345678</c> becomes
    /// <c>...5678</c>): phone numbers are personal data, and Twilio's error messages quote them into our logs and alerts.
    /// </summary>
    [Pure]
    public static string MaskNumbers(string text) => E164InText().Replace(text, "...$1");

    /// <summary>True when <paramref name="value"/> is already in E.164.</summary>
    public static bool IsE164(string? value) => value is not null && E164().IsMatch(value);

    /// <summary>
    /// Normalises what people type in a spreadsheet: spaces, dots, dashes and brackets removed,
    /// a French national number (<c>06 12 34 56 78</c>) turned into <c>+33612345678</c>, <c>0033</c> into <c>+33</c>.
    /// Returns null when the result is not E.164.
    /// </summary>
    public static string? Normalize(string? value)
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

        return IsE164(digits) ? digits : null;
    }
}
