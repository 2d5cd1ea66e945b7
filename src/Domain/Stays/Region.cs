using System.Globalization;
using System.Text;
using HostingMatch.Domain.Common;

namespace HostingMatch.Domain.Stays;

/// <summary>
/// Regions are names (spec: stays.md, "Region"), written one way: lower case, no accents, words joined by dashes
/// (<c>bretagne</c>, <c>ile-de-france</c>, <c>indre-et-loire</c>, <c>nord</c>), so that "Île-de-France" typed in a sheet
/// and "ile-de-france" in the API are the same region. The planner compares them exactly.
/// </summary>
public static class Region
{
    public const int MaxLength = 40;

    /// <summary>Where the one-night programme runs, and the region of a host whose sheet or input says none.</summary>
    public const string Default = "ile-de-france";

    /// <summary>The region's canonical name.</summary>
    /// <exception cref="DomainException"><c>region-invalid</c> when empty, too long, or holding anything but letters, digits and separators.</exception>
    public static string Normalize(string? name)
    {
        var decomposed = (name ?? string.Empty).Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (c is ' ' or '-' or '_' or '\'' or '’')
            {
                if (builder.Length > 0 && builder[^1] != '-')
                {
                    builder.Append('-');
                }
            }
            else
            {
                throw new DomainException("region-invalid", $"'{name}' is not a region name (letters, digits, spaces and dashes).");
            }
        }

        var result = builder.ToString().TrimEnd('-');
        return result.Length is 0 or > MaxLength
            ? throw new DomainException("region-invalid", $"A region's name has 1 to {MaxLength} characters (got '{name}').")
            : result;
    }

    /// <summary>Words a French place name keeps in lower case between its capitalised ones ("Indre-et-Loire").</summary>
    private static readonly HashSet<string> LinkWords = new(StringComparer.Ordinal) { "d", "de", "du", "des", "en", "et", "l", "la", "le", "les", "sur" };

    /// <summary>
    /// A canonical name as people read it: each word capitalised but the linking ones ("ile-de-france" as
    /// "Ile-de-France", "indre-et-loire" as "Indre-et-Loire"), as the console shows it; accents are not restored.
    /// </summary>
    public static string DisplayName(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        return string.Join('-', canonical.Split('-').Select((word, i) =>
            word.Length == 0 || (i > 0 && LinkWords.Contains(word)) ? word : char.ToUpperInvariant(word[0]) + word[1..]));
    }

    /// <summary>True when <see cref="Normalize"/> accepts the name.</summary>
    public static bool IsValid(string? name)
    {
        try
        {
            Normalize(name);
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }
}
