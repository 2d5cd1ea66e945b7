using System.Globalization;
using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Households;

namespace HostingMatch.Application.Sms;

/// <summary>
/// Describes a household to a host without naming anyone: "1 adulte et 2 enfants (4 et 7 ans)",
/// "1 jeune (16 ans)" for a minor without adults, "2 adults and 1 child (3)".
/// </summary>
public static class People
{
    /// <summary>The description in <paramref name="language"/>; <paramref name="withAges"/> false leaves the ages out (long households).</summary>
    public static string Describe(Language language, IReadOnlyCollection<Member> members, bool withAges = true)
    {
        var adults = members.Count(m => !m.IsMinor);
        var minors = members.Where(m => m.IsMinor).Select(m => m.Age).Order().ToList();
        var parts = new List<string>();
        if (adults > 0)
        {
            parts.Add(Count(adults, language == Language.En ? ("adult", "adults") : ("adulte", "adultes")));
        }

        if (minors.Count > 0)
        {
            var words = (language, adults > 0) switch
            {
                (Language.En, true) => ("child", "children"),
                (Language.En, false) => ("young person", "young people"),
                (_, true) => ("enfant", "enfants"),
                (_, false) => ("jeune", "jeunes"),
            };
            var text = Count(minors.Count, words);
            parts.Add(withAges ? $"{text} ({Ages(language, minors)})" : text);
        }

        return Join(language, parts);
    }

    private static string Count(int n, (string One, string Many) words) =>
        $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? words.One : words.Many)}";

    private static string Ages(Language language, List<int> ages)
    {
        var list = Join(language, ages.Select(a => a == 0 ? "<1" : a.ToString(CultureInfo.InvariantCulture)).ToList());
        return language == Language.En ? list : $"{list} {(ages.Count == 1 && ages[0] <= 1 ? "an" : "ans")}";
    }

    private static string Join(Language language, List<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => $"{string.Join(", ", items[..^1])} {(language == Language.En ? "and" : "et")} {items[^1]}",
    };
}
