using System.Text;
using FluentValidation;

namespace HostingMatch.Application.Validation;

/// <summary>
/// The one rule for every text that comes in (a JSON string, a query value, a CSV cell, a form field): control
/// characters (NUL and the rest of C0 but tab and line ends) and lone surrogates are refused, because PostgreSQL
/// refuses NUL (22021) and no person types them; the invisible characters that reorder or hide text (bidirectional
/// overrides and isolates, zero-width spaces and joiners, the BOM) are removed, so a name in the console reads as it
/// is stored, never spoofed (<c>"Anna\u202Egnp.exe"</c>).
/// </summary>
public static class TextHygiene
{
    /// <summary>
    /// How a file that comes in is decoded (the Api's file bodies, the command line's files): UTF-8 that throws
    /// <see cref="DecoderFallbackException"/> on a byte that is no UTF-8, rather than reading it as U+FFFD, which would be
    /// an id or a name nobody wrote.
    /// </summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Why <paramref name="text"/> cannot be taken, or null when it can (after <see cref="Clean"/>).</summary>
    public static string? Problem(string? text)
    {
        if (text is null)
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return "must be valid Unicode text (it holds a lone surrogate)";
            }

            if (IsRefusedControl(c))
            {
                return $"must not contain control characters (U+{(int)c:X4})";
            }
        }

        return null;
    }

    /// <summary>
    /// Why <paramref name="text"/> cannot be a one-line field, or null when it can: an id, a vehicle's label, a first name,
    /// which SMS, run sheets and the command line's one-problem-a-line print as they are. Besides <see cref="Problem"/>,
    /// no line break (CR, LF, NEL, U+2028, U+2029) and no tab, which would start a line that looks like another message.
    /// </summary>
    public static string? LineProblem(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (Problem(text) is { } problem)
        {
            return problem;
        }

        var at = text.AsSpan().IndexOfAny(LineBreaksAndTab);
        return at < 0 ? null : $"must be one line, without line breaks or tabs (U+{(int)text[at]:X4})";
    }

    /// <summary>
    /// <paramref name="text"/> in single quotes for a message, its line breaks, tabs and other control characters written
    /// as escapes (<c>\n</c>, <c>\t</c>, <c>\u0085</c>): a value quoted in an error can never start a line of its own.
    /// </summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('\'');
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => builder.Append($"\\u{(int)c:X4}"),
                _ => builder.Append(c),
            };
        }

        return builder.Append('\'').ToString();
    }

    /// <summary>The text without the invisible characters that reorder or hide it; the same instance when there are none.</summary>
    public static string Clean(string text)
    {
        if (!text.AsSpan().ContainsAny(Invisible))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (Invisible.IndexOf(c) < 0)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The text with what <see cref="Problem"/> refuses replaced by U+FFFD and the invisible characters removed: for what
    /// must be kept whatever it holds (a host's SMS), rather than refused.
    /// </summary>
    public static string Scrub(string text)
    {
        if (Problem(text) is null)
        {
            return Clean(text);
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) || IsRefusedControl(c) ? '\uFFFD' : c);
            }
        }

        return Clean(builder.ToString());
    }

    private static bool IsRefusedControl(char c) => (c < ' ' && c is not ('\t' or '\n' or '\r')) || c == '\u007F';

    private static ReadOnlySpan<char> LineBreaksAndTab => "\r\n\t\u0085\u2028\u2029";

    /// <summary>
    /// Bidirectional marks, embeddings, overrides and isolates (U+200E-U+200F, U+202A-U+202E, U+2066-U+2069, U+061C),
    /// zero-width space, non-joiner and joiner (U+200B-U+200D), word joiner (U+2060), the BOM (U+FEFF).
    /// </summary>
    private static ReadOnlySpan<char> Invisible =>
        "\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2060\u2066\u2067\u2068\u2069\u061C\uFEFF";
}

/// <summary>The <see cref="TextHygiene"/> rule for a field that does not come through the JSON reader (a form field, a query value).</summary>
public static class TextHygieneRules
{
    public static IRuleBuilderOptions<T, TText> CleanText<T, TText>(this IRuleBuilder<T, TText> rule)
        where TText : class? =>
        rule.Must(text => TextHygiene.Problem(text as string) is null).WithMessage((_, text) => TextHygiene.Problem(text as string) ?? string.Empty);

    /// <summary>The <see cref="TextHygiene.LineProblem"/> rule: clean text on one line (a label, a first name).</summary>
    public static IRuleBuilderOptions<T, TText> OneLine<T, TText>(this IRuleBuilder<T, TText> rule)
        where TText : class? =>
        rule.Must(text => TextHygiene.LineProblem(text as string) is null).WithMessage((_, text) => TextHygiene.LineProblem(text as string) ?? string.Empty);
}
