using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace HostingMatch.Application.Validation;

/// <summary>
/// Reads the fields of one JSON object strictly, collecting one <see cref="InputError"/> per problem
/// instead of stopping at the first, so a rejected file is rejected with everything that is wrong in it.
/// Unknown properties are ignored. Property names are matched exactly (camelCase, as the specs write them).
/// Each getter returns a usable default when the field is missing or wrong, after recording the error:
/// callers check <see cref="InputErrors.Any"/> before using the result.
/// </summary>
public sealed partial class JsonFields(JsonElement element, string path, InputErrors errors)
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public string Path { get; } = path;

    /// <summary>Opens the root of a document; records an error when it is not an object.</summary>
    public static JsonFields? Root(JsonElement root, InputErrors errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "must be a JSON object");
            return null;
        }

        return new JsonFields(root, "$", errors);
    }

    /// <summary>Parses text into a document; records an error (with its 1-based line and column) when it is not valid JSON.</summary>
    public static JsonDocument? Parse(string json, InputErrors errors)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            // Recovering is the point: invalid JSON is bad input, reported like any other problem.
            // System.Text.Json ends its message with its own 0-based position: say the position once, 1-based.
            var message = JsonPosition().Replace(e.Message, "").TrimEnd('.', ' ');
            errors.Add(e.Path is { Length: > 0 } p ? p : "$",
                $"invalid JSON at line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}: {message}");
            return null;
        }
    }

    [GeneratedRegex(@"\s*(Path: \S* \|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?\s*$")]
    private static partial Regex JsonPosition();

    public string Child(string name) => $"{Path}.{name}";

    private bool TryGet(string name, bool required, out JsonElement value)
    {
        if (element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            errors.Add(Child(name), "is required");
        }

        return false;
    }

    public bool Has(string name) => element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public string? String(string name, bool required = true)
    {
        if (!TryGet(name, required, out var v))
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            errors.Add(Child(name), "must be a string");
            return null;
        }

        return Text(v, Child(name));
    }

    /// <summary>A string on one line (<see cref="TextHygiene.LineProblem"/>): a name that is printed as it is.</summary>
    public string? Line(string name, bool required = true)
    {
        var text = String(name, required);
        if (text is not null && TextHygiene.LineProblem(text) is { } problem)
        {
            errors.Add(Child(name), problem);
            return null;
        }

        return text;
    }

    /// <summary>
    /// An id: a string on one line with more than spaces in it. <c>""</c> or <c>"   "</c> names nothing a plan or an error
    /// could point to, and a line break in it would print as a problem of its own.
    /// </summary>
    public string? Id(string name, bool required = true)
    {
        var text = Line(name, required);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            errors.Add(Child(name), "must not be empty or blank");
            return null;
        }

        return text;
    }

    /// <summary>A JSON string held to <see cref="TextHygiene"/>: null, with an error, when it cannot be taken.</summary>
    private string? Text(JsonElement value, string path)
    {
        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // Recovering is the point: a lone surrogate escaped in the JSON ("\ud800") is valid JSON but no text.
            errors.Add(path, "must be valid Unicode text (it holds a lone surrogate)");
            return null;
        }

        if (TextHygiene.Problem(text) is { } problem)
        {
            errors.Add(path, problem);
            return null;
        }

        return TextHygiene.Clean(text);
    }

    public bool Bool(string name, bool required = true, bool fallback = false)
    {
        if (!TryGet(name, required, out var v))
        {
            return fallback;
        }

        if (v.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add(Child(name), "must be true or false");
            return fallback;
        }

        return v.GetBoolean();
    }

    /// <summary>An integer; <paramref name="min"/>/<paramref name="max"/> are inclusive bounds.</summary>
    public int Int(string name, bool required = true, int fallback = 0, int min = int.MinValue, int max = int.MaxValue)
    {
        if (!TryGet(name, required, out var v))
        {
            return fallback;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var i))
        {
            errors.Add(Child(name), "must be a whole number");
            return fallback;
        }

        if (i < min || i > max)
        {
            errors.Add(Child(name), max == int.MaxValue ? $"must be at least {min}" : $"must be between {min} and {max}");
            return fallback;
        }

        return i;
    }

    /// <summary>A finite number; <paramref name="min"/>/<paramref name="max"/> are inclusive unless <paramref name="minExclusive"/>.</summary>
    public double Number(string name, bool required = true, double fallback = 0, double min = double.MinValue,
        double max = double.MaxValue, bool minExclusive = false)
    {
        if (!TryGet(name, required, out var v))
        {
            return fallback;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d) || !double.IsFinite(d))
        {
            errors.Add(Child(name), "must be a number");
            return fallback;
        }

        var tooLow = minExclusive ? d <= min : d < min;
        if (tooLow || d > max)
        {
            var low = minExclusive ? $"above {min.ToString(CultureInfo.InvariantCulture)}" : $"at least {min.ToString(CultureInfo.InvariantCulture)}";
            errors.Add(Child(name), max == double.MaxValue ? $"must be {low}" : $"must be {low} and at most {max.ToString(CultureInfo.InvariantCulture)}");
            return fallback;
        }

        return d;
    }

    /// <summary>A date written <c>YYYY-MM-DD</c>.</summary>
    public LocalDate? Date(string name, bool required = true)
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        var parsed = DatePattern.Parse(text);
        if (!parsed.Success || text.Length != 10)
        {
            errors.Add(Child(name), "must be a date written YYYY-MM-DD");
            return null;
        }

        return parsed.Value;
    }

    /// <summary>A night: a date written <c>YYYY-MM-DD</c> whose morning the calendar holds (up to <see cref="Domain.Night.Last"/>).</summary>
    public LocalDate? Night(string name, bool required = true)
    {
        var night = Date(name, required);
        if (night > Domain.Night.Last)
        {
            errors.Add(Child(name), Domain.Night.AfterLastProblem);
            return null;
        }

        return night;
    }

    /// <summary>A clock time written <c>HH:mm</c>.</summary>
    public LocalTime? Time(string name, bool required = true)
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        var parsed = TimePattern.Parse(text);
        if (!parsed.Success || text.Length != 5)
        {
            errors.Add(Child(name), "must be a time written HH:mm");
            return null;
        }

        return parsed.Value;
    }

    /// <summary>A nested object, or null (with an error when required or of the wrong type).</summary>
    public JsonFields? Object(string name, bool required = true)
    {
        if (!TryGet(name, required, out var v))
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Child(name), "must be an object");
            return null;
        }

        return new JsonFields(v, Child(name), errors);
    }

    /// <summary>
    /// The items of an array, each with its own path; empty (with an error when required or wrong) otherwise.
    /// With <paramref name="atLeastOne"/> (what an item is), an empty array is an error too: one per problem, so a
    /// value that is not an array, or whose items are wrong, is not also reported as empty.
    /// </summary>
    public IReadOnlyList<(JsonElement Item, string Path)> Array(string name, bool required = true, string? atLeastOne = null)
    {
        if (!TryGet(name, required, out var v))
        {
            return [];
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            errors.Add(Child(name), "must be an array");
            return [];
        }

        if (atLeastOne is not null && v.GetArrayLength() == 0)
        {
            errors.Add(Child(name), $"must list at least one {atLeastOne}");
            return [];
        }

        return v.EnumerateArray().Select((item, i) => (item, $"{Child(name)}[{i}]")).ToList();
    }

    /// <summary>The objects of an array, each as fields; a non-object item is an error and skipped.</summary>
    public IReadOnlyList<JsonFields> Objects(string name, bool required = true, string? atLeastOne = null)
    {
        var result = new List<JsonFields>();
        foreach (var (item, itemPath) in Array(name, required, atLeastOne))
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(itemPath, "must be an object");
                continue;
            }

            result.Add(new JsonFields(item, itemPath, errors));
        }

        return result;
    }

    /// <summary>An array of strings.</summary>
    public IReadOnlyList<string> Strings(string name, bool required = true) => Strings(name, required, oneLine: false);

    /// <summary>An array of strings, each on one line (<see cref="TextHygiene.LineProblem"/>): names that are printed as they are.</summary>
    public IReadOnlyList<string> Lines(string name, bool required = true) => Strings(name, required, oneLine: true);

    private IReadOnlyList<string> Strings(string name, bool required, bool oneLine)
    {
        var result = new List<string>();
        foreach (var (item, itemPath) in Array(name, required))
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                errors.Add(itemPath, "must be a string");
                continue;
            }

            if (Text(item, itemPath) is not { } text)
            {
                continue;
            }

            if (oneLine && TextHygiene.LineProblem(text) is { } problem)
            {
                errors.Add(itemPath, problem);
                continue;
            }

            result.Add(text);
        }

        return result;
    }

    /// <summary>Records a problem with a field of this object.</summary>
    public void Error(string name, string message) => errors.Add(Child(name), message);
}

/// <summary>
/// The problems found in one input, in the order they were found: the first <paramref name="keep"/> of them (all by default),
/// and how many there are (<see cref="Count"/>), so that a file of a million problems is not a million messages in memory.
/// </summary>
public sealed class InputErrors(int keep = int.MaxValue)
{
    private readonly List<InputError> items = [];

    public IReadOnlyList<InputError> Items => items;

    /// <summary>How many problems were found, kept or not.</summary>
    public int Count { get; private set; }

    public bool Any => Count > 0;

    public void Add(string path, string message)
    {
        Count++;
        if (items.Count < keep)
        {
            items.Add(new InputError(path, message));
        }
    }
}
