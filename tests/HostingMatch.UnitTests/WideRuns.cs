using System.Globalization;

namespace HostingMatch.UnitTests;

/// <summary>
/// The wide generated tests' seeds and time limit, which the environment can change to explore further:
/// <c>HOSTINGMATCH_WIDE_FROM</c> and <c>HOSTINGMATCH_WIDE_COUNT</c> (the seeds), <c>HOSTINGMATCH_WIDE_SECONDS</c> (the limit).
/// </summary>
internal static class WideRuns
{
    public static TheoryData<int> Seeds(int from, int count) =>
        [.. Enumerable.Range(Number("HOSTINGMATCH_WIDE_FROM") is { } f ? (int)f : from, Number("HOSTINGMATCH_WIDE_COUNT") is { } c ? (int)c : count)];

    public static TimeSpan Limit(double seconds) => TimeSpan.FromSeconds(Number("HOSTINGMATCH_WIDE_SECONDS") ?? seconds);

    private static double? Number(string name) =>
        double.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) ? value : null;
}
