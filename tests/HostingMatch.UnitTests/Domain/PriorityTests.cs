using HostingMatch.Domain.Households;

namespace HostingMatch.UnitTests.Domain;

public sealed class PriorityTests
{
    private static Member M(int age, Sex sex = Sex.Male) => new(age, sex);

    public static TheoryData<Member[], HouseholdCategory> CategoryRows => new()
    {
        // minor: every member under 18
        { [M(15)], HouseholdCategory.Minor },
        { [M(17, Sex.Female), M(12, Sex.Other)], HouseholdCategory.Minor },
        // family: at least one adult and at least one minor
        { [M(31, Sex.Female), M(6)], HouseholdCategory.Family },
        { [M(18), M(17)], HouseholdCategory.Family },
        // women: every member adult and female
        { [M(18, Sex.Female)], HouseholdCategory.Women },
        { [M(40, Sex.Female), M(22, Sex.Female)], HouseholdCategory.Women },
        // men: every member adult and at least one not female
        { [M(30)], HouseholdCategory.Men },
        { [M(30, Sex.Other)], HouseholdCategory.Men },
        { [M(30, Sex.Female), M(32)], HouseholdCategory.Men },
    };

    [Theory]
    [MemberData(nameof(CategoryRows))]
    public void Categorize_FollowsTheSpecTable(Member[] members, HouseholdCategory expected) =>
        Assert.Equal(expected, Priority.Categorize(members));

    [Fact]
    public void Categorize_WithNoMembers_Throws() =>
        Assert.Throws<ArgumentException>(() => Priority.Categorize([]));

    [Theory]
    [InlineData(HouseholdCategory.Minor, false, 1)]
    [InlineData(HouseholdCategory.Family, false, 1)]
    [InlineData(HouseholdCategory.Women, true, 1)]
    [InlineData(HouseholdCategory.Men, true, 1)]
    [InlineData(HouseholdCategory.Women, false, 2)]
    [InlineData(HouseholdCategory.Men, false, 3)]
    public void Tier_FollowsTheSpecTable(HouseholdCategory category, bool vulnerable, int expected) =>
        Assert.Equal(expected, Priority.Tier(category, vulnerable));

    [Theory]
    [InlineData(-1)]
    [InlineData(121)]
    public void Member_WithAgeOutOfRange_Throws(int age) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Member(age, Sex.Female));

    [Fact]
    public void Member_AgeBoundaries_AreExact()
    {
        Assert.True(M(17).IsMinor);
        Assert.False(M(18).IsMinor);
        Assert.True(M(9).IsYoungChild);
        Assert.False(M(10).IsYoungChild);
    }
}
