using System.CommandLine;
using System.Text.RegularExpressions;

namespace HostingMatch.Cli;

/// <summary>The command line parser's messages, in words a coordinator reads: never a .NET type name.</summary>
public static partial class ParseErrors
{
    /// <summary>Writes the parse's errors, readable, one a line; true when there were any (the verb is then not run: exit 2).</summary>
    public static bool Report(ParseResult parsed, TextWriter error)
    {
        foreach (var e in parsed.Errors)
        {
            error.WriteLine(Readable(e.Message));
        }

        return parsed.Errors.Count > 0;
    }

    /// <summary>"Cannot parse argument 'abc' for option '--time-limit' as expected type 'System.Nullable`1[System.Double]'." becomes "--time-limit needs a number: 'abc' is not one."</summary>
    public static string Readable(string message)
    {
        var match = CannotParse().Match(message);
        if (!match.Success)
        {
            return message;
        }

        var type = match.Groups["type"].Value;
        var kind = type.Contains("Int", StringComparison.Ordinal) ? "a whole number"
            : type.Contains("Double", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) ? "a number"
            : "a value of another form";
        return $"{match.Groups["option"].Value} needs {kind}: '{match.Groups["value"].Value}' is not one.";
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']*)' as expected type '(?<type>[^']*)'\.$", RegexOptions.Singleline)]
    private static partial Regex CannotParse();
}
