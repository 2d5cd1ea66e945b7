namespace HostingMatch.Domain.Households;

/// <summary>One person of a household, as the rules see them: age in whole years and sex. Never a name.</summary>
public readonly record struct Member
{
    /// <summary>The oldest age we accept; above it the input is a typing error.</summary>
    public const int MaxAge = 120;

    /// <summary>Creates a member.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="age"/> is below 0 or above <see cref="MaxAge"/>.</exception>
    public Member(int age, Sex sex)
    {
        if (age is < 0 or > MaxAge)
        {
            throw new ArgumentOutOfRangeException(nameof(age), age, $"An age is between 0 and {MaxAge}.");
        }

        Age = age;
        Sex = sex;
    }

    public int Age { get; }
    public Sex Sex { get; }

    /// <summary>Under 18.</summary>
    public bool IsMinor => Age < 18;

    /// <summary>Under 10.</summary>
    public bool IsYoungChild => Age < 10;
}
