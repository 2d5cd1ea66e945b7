using System.Globalization;
using System.Text;

namespace HostingMatch.Application.Sms;

/// <summary>What a host meant by an SMS.</summary>
public enum ReplyIntent
{
    Accept,
    Decline,
    Cancel,
    OptOut,
    OptIn,

    /// <summary>APPEL: the host of a stay under way wants the guest's referent to call (the weekly check-in).</summary>
    Call,
    Help,
}

/// <summary>
/// Reads a host's SMS leniently (spec sms.md, "Offers" 3): case, accents, spaces, punctuation and emoji don't count.
/// </summary>
/// <remarks>
/// Twilio's own keywords overlap ours. Its default opt-out words are STOP, STOPALL, UNSUBSCRIBE, CANCEL, END,
/// QUIT (plus OPTOUT, REVOKE); opt-in START, UNSTOP, YES. We decide:
/// <list type="bullet">
/// <item>CANCEL means "cancel my acceptance" (the spec says so). It is NOT an opt-out here, and the Twilio number's
/// Advanced Opt-Out must have CANCEL removed from its opt-out keywords (docs/sms.md). If Twilio still treats it as an
/// opt-out, its webhook carries <c>OptOutType=STOP</c> and we opt the host out too, since Twilio will not deliver to them.
/// Our messages advertise ANNULE in both languages, never CANCEL.</item>
/// <item>YES means accept. Twilio's reading of YES as opt-in is harmless: it only matters to someone opted out.</item>
/// <item>Other opt-out words (STOP, STOPALL, UNSUBSCRIBE, END, QUIT, OPTOUT, REVOKE, ARRET) opt out; START and UNSTOP opt back in.</item>
/// </list>
/// A whole message is one keyword ("oui", "O U I", "Oui !", "👍 ok"); a sentence counts only when its first word is
/// accept or decline and no word says the opposite ("Oui avec plaisir", "non désolée"). Opt-out, like Twilio, needs
/// the keyword alone, so "stop, je ne peux pas ce soir" gets help, not silence forever.
/// </remarks>
public static class ReplyParser
{
    private static readonly Dictionary<string, ReplyIntent> Keywords = new(StringComparer.Ordinal)
    {
        ["OUI"] = ReplyIntent.Accept,
        ["O"] = ReplyIntent.Accept,
        ["YES"] = ReplyIntent.Accept,
        ["Y"] = ReplyIntent.Accept,
        ["OK"] = ReplyIntent.Accept,
        ["1"] = ReplyIntent.Accept,
        ["NON"] = ReplyIntent.Decline,
        ["N"] = ReplyIntent.Decline,
        ["NO"] = ReplyIntent.Decline,
        ["2"] = ReplyIntent.Decline,
        ["ANNULE"] = ReplyIntent.Cancel,
        ["ANNULER"] = ReplyIntent.Cancel,
        ["CANCEL"] = ReplyIntent.Cancel,
        ["STOP"] = ReplyIntent.OptOut,
        ["STOPALL"] = ReplyIntent.OptOut,
        ["UNSUBSCRIBE"] = ReplyIntent.OptOut,
        ["END"] = ReplyIntent.OptOut,
        ["QUIT"] = ReplyIntent.OptOut,
        ["OPTOUT"] = ReplyIntent.OptOut,
        ["REVOKE"] = ReplyIntent.OptOut,
        ["ARRET"] = ReplyIntent.OptOut,
        ["START"] = ReplyIntent.OptIn,
        ["UNSTOP"] = ReplyIntent.OptIn,
        ["APPEL"] = ReplyIntent.Call,
        ["APPELER"] = ReplyIntent.Call,
        ["APPELEZ"] = ReplyIntent.Call,
        ["APPELEZMOI"] = ReplyIntent.Call,
        ["CALL"] = ReplyIntent.Call,
        ["CALLME"] = ReplyIntent.Call,
    };

    // Words long enough to be read inside a sentence; "o", "n", "1" in a sentence are not answers,
    // and "no" is left out because "no problem" means yes.
    private static readonly Dictionary<string, ReplyIntent> SentenceWords = new(StringComparer.Ordinal)
    {
        ["OUI"] = ReplyIntent.Accept,
        ["YES"] = ReplyIntent.Accept,
        ["OK"] = ReplyIntent.Accept,
        ["NON"] = ReplyIntent.Decline,
        ["APPEL"] = ReplyIntent.Call,
        ["APPELEZ"] = ReplyIntent.Call,
    };

    /// <summary>The host's intent; <see cref="ReplyIntent.Help"/> for anything we cannot read.</summary>
    public static ReplyIntent Parse(string? body)
    {
        var words = Words(body ?? string.Empty);
        if (words.Count == 0)
        {
            return ReplyIntent.Help;
        }

        if (Keywords.TryGetValue(string.Concat(words), out var whole))
        {
            return whole;
        }

        if (!SentenceWords.TryGetValue(words[0], out var first))
        {
            return ReplyIntent.Help;
        }

        var contradicted = words.Skip(1).Any(w => SentenceWords.TryGetValue(w, out var other) && other != first);
        return contradicted ? ReplyIntent.Help : first;
    }

    /// <summary>Upper-case words of letters and digits, accents removed; everything else (emoji included) separates.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c) || (char.IsLetter(c) && c < 0x250))
            {
                current.Append(char.ToUpperInvariant(c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
