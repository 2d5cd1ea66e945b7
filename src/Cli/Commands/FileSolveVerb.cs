namespace HostingMatch.Cli.Commands;

/// <summary>
/// What the file verbs (<c>match</c>, <c>vans</c>, <c>stays</c>, <c>plan</c>) share: the file must exist and be UTF-8 text of at most
/// 64 MB (<see cref="TextFile"/>), the time limit be above 0 and at most an hour, the file read with one line per problem on
/// stderr (exit 2), then the engine's JSON on stdout.
/// </summary>
internal static class FileSolveVerb
{
    private const double MaxSeconds = 3600;

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

        if (TextFile.Read(path, error) is not { } text)
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
}
