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

    /// <summary>Runs the verb on a temporary file holding <paramref name="bytes"/> (<paramref name="args"/> gets its path), deleted after.</summary>
    public static (int Exit, string Out, string Err, string Path) InvokeOnFile(Command verb, byte[] bytes, Func<string, string[]> args)
    {
        var path = System.IO.Path.GetTempFileName();
        File.WriteAllBytes(path, bytes);
        try
        {
            var (exit, output, error) = Invoke(verb, args(path));
            return (exit, output, error, path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The file at <paramref name="sample"/> with the byte <paramref name="offset"/> after the start of the first <paramref name="marker"/> made 0xFF, which no UTF-8 text holds.</summary>
    public static byte[] WithInvalidByte(string sample, ReadOnlySpan<byte> marker, int offset)
    {
        var bytes = File.ReadAllBytes(sample);
        bytes[bytes.AsSpan().IndexOf(marker) + offset] = 0xFF;
        return bytes;
    }
}
