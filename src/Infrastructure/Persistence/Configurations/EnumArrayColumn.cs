using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HostingMatch.Infrastructure.Persistence.Configurations;

/// <summary>
/// A list of enum values stored as a PostgreSQL <c>text[]</c> of their names (the same column a primitive collection with
/// an element converter gives). Converted as a whole by two plain method calls: EF Core's element converter builds a
/// delegate for every row it reads (<c>DynamicMethod.CreateDelegate</c> was 15 % of the Api's time under load; the
/// hosts list read 80 rows in 2.2 ms instead of about 1, docs/benchmarks.md). A lambda nested in these expressions
/// (<c>v.Select(x => ...)</c>) would bring the per-row delegate back: keep them method calls.
/// </summary>
internal static class EnumArrayColumn<TEnum>
    where TEnum : struct, Enum
{
    public static readonly ValueConverter<List<TEnum>, string[]> Converter = new(v => ToNames(v), v => FromNames(v));

    public static readonly ValueComparer<List<TEnum>> Comparer = new(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        v => HashOf(v),
        v => v.ToList());

    private static string[] ToNames(List<TEnum> values)
    {
        var names = new string[values.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = values[i].ToString();
        }

        return names;
    }

    private static List<TEnum> FromNames(string[] names)
    {
        var values = new List<TEnum>(names.Length);
        foreach (var name in names)
        {
            values.Add(Enum.Parse<TEnum>(name));
        }

        return values;
    }

    private static int HashOf(List<TEnum> values)
    {
        var hash = new HashCode();
        foreach (var value in values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
