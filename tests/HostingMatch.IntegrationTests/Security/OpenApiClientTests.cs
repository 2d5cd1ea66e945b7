using System.Text.Json.Nodes;
using HostingMatch.IntegrationTests.Support;

namespace HostingMatch.IntegrationTests.Security;

/// <summary>
/// Issue 13, item 7: the contract as real clients read it. Date and time values are inline strings (a <c>$ref</c> to a
/// component made Kiota generate empty classes), every operation has an id and a success answer, the document names its
/// server, and Redocly's linter (pinned in tools/redocly, installed by scripts/test.sh) finds no error, examples included.
/// </summary>
public sealed class OpenApiClientTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] NodaNames = ["LocalDate", "LocalTime", "Instant", "OffsetDateTime"];

    [Fact]
    public async Task DatesAndTimesAreInlineStringsAndEveryOperationHasAUniqueIdAndASuccessAnswer()
    {
        var text = await api.CreateAnonymousClient().GetStringAsync("/openapi/v1.json");
        var document = JsonNode.Parse(text)!;

        Assert.NotEmpty(document["servers"]!.AsArray());
        var schemas = document["components"]!["schemas"]!.AsObject();
        foreach (var name in NodaNames)
        {
            Assert.False(schemas.ContainsKey(name), $"{name} is a component");
            Assert.DoesNotContain($"#/components/schemas/{name}\"", text);
        }

        var night = document["components"]!["schemas"]!["ReferralInput"]!["properties"]!["night"]!;
        Assert.Contains("string", night["type"]!.ToJsonString());
        Assert.Equal("date", (string?)night["format"]);
        var ids = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var id = (string?)operation!["operationId"];
                Assert.False(string.IsNullOrWhiteSpace(id), $"{method} {path} has no operationId");
                ids.Add(id!);
                Assert.True(operation["responses"]!.AsObject().Any(r => r.Key.StartsWith('2')), $"{method} {path} has no 2xx answer");
            }
        }

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task RedoclysLinterFindsNoErrorInTheContract()
    {
        var redocly = Path.Combine(Paths.RepoRoot, "tools", "redocly", "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly), $"{redocly} is missing: scripts/test.sh installs it (npm ci --prefix tools/redocly).");

        var (exit, output) = await ToolProcess.RunAsync(redocly,
            ["lint", Path.Combine(Paths.RepoRoot, "docs", "openapi.json"), "--config", Path.Combine(Paths.RepoRoot, "redocly.yaml"), "--format", "stylish"],
            Paths.RepoRoot, TimeSpan.FromMinutes(3), new Dictionary<string, string> { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" });

        Assert.True(exit == 0, output);
    }
}
