namespace HostingMatch.Domain.Households;

/// <summary>A member's sex as the matching rules need it: <c>female</c>, <c>male</c> or <c>other</c>.</summary>
public enum Sex
{
    Female,
    Male,
    Other,
}
