namespace HostingMatch.Domain.Common;

/// <summary>Argument checks in one place, each throwing <see cref="DomainException"/> with a stable code.</summary>
internal static class Guard
{
    public static string Text(string? value, string code, string what, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException(code, $"{what} is required.");
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException(code, $"{what} is at most {maxLength} characters.");
        }

        return trimmed;
    }

    public static string? OptionalText(string? value, string code, string what, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length > maxLength
            ? throw new DomainException(code, $"{what} is at most {maxLength} characters.")
            : trimmed;
    }

    public static int AtLeast(int value, int min, string code, string what) =>
        value >= min ? value : throw new DomainException(code, $"{what} is at least {min} (got {value}).");
}
