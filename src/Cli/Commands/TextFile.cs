using System.Text;
using HostingMatch.Application.Validation;

namespace HostingMatch.Cli.Commands;

/// <summary>How the verbs that take a file (the file solve verbs, <c>hosts import</c>) read it: strict UTF-8, at most 64 MB.</summary>
internal static class TextFile
{
    /// <summary>Eight times the Api's limit for a night file: more is no night, and an endless file (<c>/dev/zero</c>) ran out of memory.</summary>
    private const int MaxChars = 64 * 1024 * 1024;

    /// <summary>
    /// The file's text, UTF-8 (or UTF-16 with its byte order mark); null, with the problem said, when it is not text or
    /// is too large. An invalid byte is refused rather than read as U+FFFD, which would be an id or a name nobody wrote.
    /// </summary>
    public static string? Read(string path, TextWriter error)
    {
        using var reader = new StreamReader(path, TextHygiene.StrictUtf8, detectEncodingFromByteOrderMarks: true);
        var text = new StringBuilder();
        var buffer = new char[64 * 1024];
        try
        {
            for (var read = reader.ReadBlock(buffer); read > 0; read = reader.ReadBlock(buffer))
            {
                if (text.Length + read > MaxChars)
                {
                    error.WriteLine($"{path}: is larger than {MaxChars / (1024 * 1024)} MB");
                    return null;
                }

                text.Append(buffer, 0, read);
            }
        }
        catch (DecoderFallbackException)
        {
            // Recovering is the point: a file that is not text is bad input, said like any other.
            error.WriteLine($"{path}: is not UTF-8 text (an invalid byte)");
            return null;
        }

        return text.ToString();
    }
}
