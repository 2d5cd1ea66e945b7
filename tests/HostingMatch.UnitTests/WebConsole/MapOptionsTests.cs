using HostingMatch.Api.WebConsole;

namespace HostingMatch.UnitTests.WebConsole;

public sealed class MapOptionsTests
{
    [Theory]
    [InlineData("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org")]
    [InlineData("https://{s}.tile.example.org/{z}/{x}/{y}{r}.png", "https://*.tile.example.org")]
    [InlineData("http://127.0.0.1:8081/tiles/{z}/{x}/{y}.png", "http://127.0.0.1:8081")]
    public void TileOrigin_IsTheTemplatesSchemeHostAndPort(string url, string origin) =>
        Assert.Equal(origin, new MapOptions { TileUrl = url }.TileOrigin());

    [Fact]
    public void TileOrigin_WithoutTiles_IsNullAndThePolicyStaysOurOwn()
    {
        var options = new MapOptions { TileUrl = "" };
        Assert.Null(options.TileOrigin());
        Assert.Null(options.Tiles);
        Assert.Contains("img-src 'self' data:;", ConsolePages.ContentSecurityPolicy(options.TileOrigin()));
    }

    [Theory]
    [InlineData("tile.openstreetmap.org/{z}/{x}/{y}.png")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://user:secret@tiles.example.org/{z}/{x}/{y}.png")]
    [InlineData("ftp://tiles.example.org/{z}/{x}/{y}.png")]
    public void TileOrigin_OfAnythingButAnHttpTemplate_RefusesToStart(string url) =>
        Assert.Throws<InvalidOperationException>(() => new MapOptions { TileUrl = url }.TileOrigin());
}
