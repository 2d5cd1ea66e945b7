using System.CommandLine;
using HostingMatch.Cli;

namespace HostingMatch.UnitTests;

/// <summary>Runs one CLI verb in process through System.CommandLine, as the program does, capturing its output.</summary>
internal static class CliInvocation
{
    public static (int Exit, string Out, string Err) Invoke(Command verb, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { verb };
        var parsed = root.Parse(args);
        var exit = ParseErrors.Report(parsed, error) ? ExitCodes.BadInput : parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
