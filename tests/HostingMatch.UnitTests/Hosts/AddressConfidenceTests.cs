using HostingMatch.Application.Geocoding;
using HostingMatch.Domain.Geography;

namespace HostingMatch.UnitTests.Hosts;

public sealed class AddressConfidenceTests
{
    private static AddressMatch Match(double score) => new("12 Rue des Écoles 75005 Paris", new GeoPoint(48.849148, 2.350262), score);

    [Theory]
    [InlineData(0.97, AddressVerdict.Located)]
    [InlineData(0.7, AddressVerdict.Located)]
    [InlineData(0.6999, AddressVerdict.ToConfirm)]
    [InlineData(0.2, AddressVerdict.ToConfirm)]
    public void Judge_AScoreBelowTheThreshold_IsToConfirmNeverLocated(double score, AddressVerdict expected) =>
        Assert.Equal(expected, AddressConfidence.Judge(Match(score), minScore: 0.7));

    [Fact]
    public void Judge_NothingFound_IsNotFound() => Assert.Equal(AddressVerdict.NotFound, AddressConfidence.Judge(null, 0.7));

    [Fact]
    public void Problem_ForAnApproximateMatch_GivesTheCandidateToConfirm() =>
        Assert.Equal("the address '12 rue des Ecoles' was only found approximately (score 0.52 below 0.70): " +
                     "'12 Rue des Écoles 75005 Paris' at 48.849148, 2.350262; if that is the place, give these latitude and longitude",
            AddressConfidence.Problem("12 rue des Ecoles", Match(0.52), 0.7));
}
