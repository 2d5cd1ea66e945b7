using System.Text.Json;
using System.Text.Json.Nodes;
using HostingMatch.IntegrationTests.Support;

namespace HostingMatch.IntegrationTests.Security;

/// <summary>The OpenAPI document is the contract: it must equal the checked-in docs/openapi.json.</summary>
public sealed class OpenApiContractTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task TheServedOpenApiDocumentEqualsTheCheckedInCopy()
    {
        var served = Normalize(await api.CreateAnonymousClient().GetStringAsync("/openapi/v1.json"));
        var path = Path.Combine(RepositoryRoot(), "docs", "openapi.json");

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, served);
        }

        var checkedIn = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";
        Assert.True(served == checkedIn,
            "The OpenAPI document changed but docs/openapi.json was not updated. If the change is intended, regenerate it with " +
            "UPDATE_OPENAPI=1 dotnet test tests/HostingMatch.IntegrationTests --filter OpenApiContractTests, review the diff and commit it.");
    }

    [Fact]
    public async Task EveryOperationHasASummaryAndEveryProtectedOneTheBearerSchemeAnd401()
    {
        var document = JsonNode.Parse(await api.CreateAnonymousClient().GetStringAsync("/openapi/v1.json"))!;
        Assert.NotNull(document["components"]!["securitySchemes"]!["Bearer"]);
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                Assert.False(string.IsNullOrWhiteSpace((string?)operation!["summary"]), $"{method} {path} has no summary");
                Assert.NotNull(operation["security"]);
                Assert.NotNull(operation["responses"]!["401"]);
                Assert.NotNull(operation["responses"]!["403"]);
                Assert.NotNull(operation["responses"]!["429"]);
            }
        }
    }

    /// <summary>Indented, with \n line ends. (The servers entry is relative, the same whatever port the test server has.)</summary>
    private static string Normalize(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        return node.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "HostingMatch.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("HostingMatch.sln not found above the test binaries.");
    }
}
