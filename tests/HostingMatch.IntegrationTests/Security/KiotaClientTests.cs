using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace HostingMatch.IntegrationTests.Security;

/// <summary>
/// Issue 13, item 7: a partner's developer generates a client from docs/openapi.json with Microsoft's Kiota (the tool in
/// .config/dotnet-tools.json), builds it, and creates and reads a referral with it against the running Api: the
/// referral's <c>night</c> is a real date type, the text fields real strings.
/// </summary>
public sealed class KiotaClientTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>Kiota's runtime for .NET, the version in /work/.library/env/packages/nuget.tsv.</summary>
    private const string KiotaRuntime = "2.1.6";

    private const string Project = $$"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.Kiota.Abstractions" Version="{{KiotaRuntime}}" />
            <PackageReference Include="Microsoft.Kiota.Http.HttpClientLibrary" Version="{{KiotaRuntime}}" />
            <PackageReference Include="Microsoft.Kiota.Serialization.Json" Version="{{KiotaRuntime}}" />
            <PackageReference Include="Microsoft.Kiota.Serialization.Text" Version="{{KiotaRuntime}}" />
            <PackageReference Include="Microsoft.Kiota.Serialization.Form" Version="{{KiotaRuntime}}" />
            <PackageReference Include="Microsoft.Kiota.Serialization.Multipart" Version="{{KiotaRuntime}}" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>What a partner writes with the generated client: typed, no JSON by hand.</summary>
    private const string Program = """
        using HostingMatch.PartnerClient;
        using HostingMatch.PartnerClient.Models;
        using Microsoft.Kiota.Abstractions;
        using Microsoft.Kiota.Abstractions.Authentication;
        using Microsoft.Kiota.Http.HttpClientLibrary;

        // Kiota's own key provider insists on https; the test Api is plain http on 127.0.0.1, so the key rides on the HttpClient.
        var http = KiotaClientFactory.Create();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", args[1]);
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = args[0].TrimEnd('/') };
        var client = new PartnerClient(adapter);
        var created = await client.Api.V1.Referrals.PostAsync(new ReferralInput
        {
            Night = new Date(2026, 11, 26),
            Alias = "Famille Kiota",
            Members = [new MemberInput { Age = 31, Sex = "female" }, new MemberInput { Age = 6, Sex = "male" }],
            Languages = ["ps", "fr"],
            Referrer = new ReferrerInput { Name = "Inès, maraude Nord", Phone = "+33698765432" },
        });
        Guid id = created!.Id!.Value;
        var read = await client.Api.V1.Referrals[id].GetAsync();
        Date night = read!.Night!.Value;
        string alias = read.Alias!;
        Console.WriteLine($"read {read.Id} {night} {alias} {read.Members!.Count} {read.Status}");
        """;

    [Fact]
    public async Task AClientKiotaGeneratesCreatesAndReadsAReferral()
    {
        var work = Directory.CreateTempSubdirectory("hm-kiota-");
        try
        {
            // Stop MSBuild looking upward for the repository's props (central versions, warnings as errors).
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "Directory.Build.props"), "<Project />");
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "Directory.Packages.props"), "<Project />");
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "PartnerApp.csproj"), Project);
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "Program.cs"), Program);
            var quiet = new Dictionary<string, string> { ["KIOTA_TUTORIAL_ENABLED"] = "false", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };

            var (generated, generation) = await ToolProcess.RunAsync("dotnet",
                ["tool", "run", "kiota", "generate", "-l", "CSharp", "-d", Path.Combine(Paths.RepoRoot, "docs", "openapi.json"),
                 "-o", Path.Combine(work.FullName, "Client"), "-n", "HostingMatch.PartnerClient", "-c", "PartnerClient",
                 "--include-path", "/api/v1/referrals", "--include-path", "/api/v1/referrals/**", "--clean-output"],
                Paths.RepoRoot, TimeSpan.FromMinutes(4), quiet);
            Assert.True(generated == 0, generation);

            var key = await api.IssueKeyAsync("Kiota partner", "partner");
            var baseUrl = api.CreateClient().BaseAddress!.ToString();
            var (ran, output) = await ToolProcess.RunAsync("dotnet", ["run", "-c", "Release", "--", baseUrl, key.Key],
                work.FullName, TimeSpan.FromMinutes(8), quiet);

            Assert.True(ran == 0, output);
            Assert.Matches(@"read [0-9a-f-]{36} 2026-11-26 Famille Kiota 2 ", output);
            await using var db = api.Database.NewContext();
            Assert.True(await db.Households.AnyAsync(h => h.Alias == "Famille Kiota"));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
