using System.Text;

namespace HostingMatch.Cli.Commands;

/// <summary>
/// What the file verbs (<c>match</c>, <c>vans</c>, <c>stays</c>, <c>plan</c>) share: the file must exist and be UTF-8 text of at most
/// 64 MB, the time limit be above 0 and at most an hour, the file read with one line per problem on stderr (exit 2), then
/// the engine's JSON on stdout.
/// </summary>
internal static class FileSolveVerb
{
    private const double MaxSeconds = 3600;

    /// <summary>Eight times the Api's limit for a night file: more is no night, and an endless file (<c>/dev/zero</c>) ran out of memory.</summary>
    private const int MaxFileChars = 64 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Runs the verb on the file at <c>path</c>: <c>read</c> turns its text into the engine's input (or null and the
    /// problems), <c>solve</c> the input and the time limit (null: the engine's own default) into the plan's JSON.
    /// </summary>
    public static int Run<TFile>(string path, double? timeLimitSeconds, TextWriter output, TextWriter error,
        Func<string, (TFile? File, IEnumerable<object> Errors)> read, Func<TFile, TimeSpan?, string> solve)
        where TFile : class
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!File.Exists(path))
        {
            error.WriteLine($"{path}: no such file");
            return ExitCodes.BadInput;
        }

        if (timeLimitSeconds is { } t && (!(t > 0) || t > MaxSeconds))
        {
            error.WriteLine($"--time-limit: must be above 0 and at most {MaxSeconds:0} seconds");
            return ExitCodes.BadInput;
        }

        if (ReadText(path, error) is not { } text)
        {
            return ExitCodes.BadInput;
        }

        var (file, errors) = read(text);
        if (file is null)
        {
            foreach (var problem in errors)
            {
                error.WriteLine(problem);
            }

            return ExitCodes.BadInput;
        }

        output.WriteLine(solve(file, timeLimitSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null));
        return ExitCodes.Success;
    }

    /// <summary>
    /// The file's text, UTF-8 (or UTF-16 with its byte order mark); null, with the problem said, when it is not text or
    /// is too large. An invalid byte is refused rather than read as U+FFFD, which would be an id the caller never wrote.
    /// </summary>
    private static string? ReadText(string path, TextWriter error)
    {
        using var reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true);
        var text = new StringBuilder();
        var buffer = new char[64 * 1024];
        try
        {
            for (var read = reader.ReadBlock(buffer); read > 0; read = reader.ReadBlock(buffer))
            {
                if (text.Length + read > MaxFileChars)
                {
                    error.WriteLine($"{path}: is larger than {MaxFileChars / (1024 * 1024)} MB");
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
