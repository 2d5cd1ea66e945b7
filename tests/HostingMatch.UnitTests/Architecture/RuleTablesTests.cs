using System.Reflection;
using System.Text.RegularExpressions;

namespace HostingMatch.UnitTests.Architecture;

/// <summary>
/// The tables that tell a reader where each rule lives (the README's, docs/matching.md's) stay true: every path they
/// give exists, and every type or member they name in <c>Type.Member</c> form is in our assemblies.
/// </summary>
public sealed partial class RuleTablesTests
{
    private static readonly Assembly[] Ours =
    [
        typeof(HostingMatch.Domain.Night).Assembly,
        typeof(HostingMatch.Application.ApplicationAssembly).Assembly,
        typeof(HostingMatch.Infrastructure.InfrastructureAssembly).Assembly,
        typeof(Program).Assembly,
    ];

    private static readonly string Root = FindRoot();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*(\.[A-Z][A-Za-z0-9]*)?$")]
    private static partial Regex TypeOrMember();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HostingMatch.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("HostingMatch.sln not found above the test binaries.");
    }

    /// <summary>The rows of the first Markdown table after <paramref name="heading"/> in <paramref name="file"/>.</summary>
    private static List<string> TableAfter(string file, string heading)
    {
        var lines = File.ReadAllLines(Path.Combine(Root, file));
        var start = Array.FindIndex(lines, l => l.Contains(heading, StringComparison.Ordinal));
        Assert.True(start >= 0, $"{file} has no '{heading}'");
        var rows = lines.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2).ToList();
        Assert.NotEmpty(rows);
        return rows;
    }

    /// <summary>
    /// What is wrong in the table's places: a path that does not exist (one with a slash is from the root when it starts
    /// with <c>src/</c>, else from <paramref name="folder"/>; a bare file name may also be beside the row's previous path),
    /// a <c>Type</c> or <c>Type.Member</c> that is not in the code, or a bare member that no type of the row's files has.
    /// </summary>
    private static IEnumerable<string> Problems(IEnumerable<string> rows, string folder)
    {
        var types = Ours.SelectMany(a => a.GetTypes()).ToLookup(t => t.Name.Split('`')[0]);
        const BindingFlags any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        foreach (var row in rows)
        {
            var place = row.Split('|', StringSplitOptions.RemoveEmptyEntries).Last();
            var names = Quoted().Matches(place).Select(m => m.Groups[1].Value.Split('(')[0].Trim()).ToList();
            var rowTypes = names.Where(n => n.EndsWith(".cs", StringComparison.Ordinal))
                .SelectMany(n => types[Path.GetFileNameWithoutExtension(n)]).ToList();
            var besides = folder;
            foreach (var name in names)
            {
                if (name.Contains('/') || name.EndsWith(".cs", StringComparison.Ordinal))
                {
                    var relative = name.Replace("<Feature>/", "");
                    var tried = name.StartsWith("src/", StringComparison.Ordinal)
                        ? [relative]
                        : new[] { Path.Combine(folder, relative), Path.Combine(besides, relative) };
                    if (!tried.Any(p => File.Exists(Path.Combine(Root, p)) || Directory.Exists(Path.Combine(Root, p))))
                    {
                        yield return $"{name}: no such file or folder";
                        continue;
                    }

                    var found = tried.First(p => File.Exists(Path.Combine(Root, p)) || Directory.Exists(Path.Combine(Root, p)));
                    besides = File.Exists(Path.Combine(Root, found)) ? Path.GetDirectoryName(found)! : found;
                }
                else if (TypeOrMember().IsMatch(name))
                {
                    var parts = name.Split('.');
                    var candidates = types[parts[0]].ToList();
                    if (parts.Length == 2)
                    {
                        if (candidates.Count == 0)
                        {
                            yield return $"{name}: no such type";
                        }
                        else if (!candidates.Any(t => t.GetMember(parts[1], any).Length > 0))
                        {
                            yield return $"{name}: {parts[0]} has no member {parts[1]}";
                        }
                    }
                    else if (candidates.Count == 0 && !rowTypes.Any(t => t.GetMember(name, any).Length > 0))
                    {
                        yield return $"{name}: no such type, nor a member of the row's files";
                    }
                }
            }
        }
    }

    private static void AssertNone(IEnumerable<string> problems)
    {
        var all = problems.Distinct().ToList();
        Assert.True(all.Count == 0, string.Join(Environment.NewLine, all));
    }

    [Fact]
    public void ReadmeWhereEachRuleLives_NamesOnlyWhatExists() =>
        AssertNone(Problems(TableAfter("README.md", "Where each rule lives"), "src/Application/Matching"));

    [Fact]
    public void MatchingDocWhereThingsLive_NamesOnlyWhatExists() =>
        AssertNone(Problems(TableAfter("docs/matching.md", "## Where things live"), "src/Application/Matching"));

    [Fact]
    public void Problems_WhenATableNamesSomethingGone_SaysSo()
    {
        var problems = Problems(["| a rule | `src/Domain/Gone.cs`, `HardRules.Gone`, `NoSuchType` |"], "src/Application/Matching").ToList();
        Assert.Equal(["src/Domain/Gone.cs: no such file or folder", "HardRules.Gone: HardRules has no member Gone",
            "NoSuchType: no such type, nor a member of the row's files"], problems);
    }
}
