namespace HostingMatch.Application.Sms;

/// <summary>How an SMS body is encoded and how many segments (billed messages) it takes.</summary>
public readonly record struct SmsLength(bool IsGsm7, int Units, int Segments)
{
    /// <summary>Fits in one SMS: 160 GSM-7 septets, or 70 UCS-2 code units.</summary>
    public bool IsSingleSegment => Segments == 1;
}

/// <summary>
/// The GSM 03.38 arithmetic: a body made only of the GSM-7 alphabet costs one septet a character (two for the
/// extension table: <c>^{}\[~]|€</c>), 160 in one SMS, 153 a segment beyond. One character outside it (ç, ê, an emoji)
/// and the whole body goes UCS-2: 70 in one SMS, 67 a segment beyond.
/// </summary>
public static class SmsSegments
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "\f^{}\\[~]|€";

    private static readonly HashSet<char> BasicSet = [.. Basic];
    private static readonly HashSet<char> ExtensionSet = [.. Extension];

    /// <summary>True when <paramref name="c"/> is in the GSM-7 alphabet (basic or extension table).</summary>
    public static bool IsGsm7(char c) => BasicSet.Contains(c) || ExtensionSet.Contains(c);

    /// <summary>True when every character of <paramref name="text"/> is GSM-7.</summary>
    public static bool IsGsm7(string text) => text.All(IsGsm7);

    /// <summary>Encoding, length in units, and segments of <paramref name="text"/>.</summary>
    public static SmsLength Measure(string text)
    {
        if (IsGsm7(text))
        {
            var septets = text.Sum(c => ExtensionSet.Contains(c) ? 2 : 1);
            return new SmsLength(true, septets, septets <= 160 ? 1 : (septets + 152) / 153);
        }

        // UTF-16 code units: an emoji outside the BMP takes two.
        var units = text.Length;
        return new SmsLength(false, units, units <= 70 ? 1 : (units + 66) / 67);
    }
}
