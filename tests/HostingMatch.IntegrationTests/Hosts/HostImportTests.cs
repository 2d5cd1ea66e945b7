using System.Net;
using System.Text;
using HostingMatch.IntegrationTests.Support;

namespace HostingMatch.IntegrationTests.Hosts;

public sealed class HostImportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Header = "code;nom;téléphone;latitude;longitude;adresse;lits;accepte;convention signée;convention début;convention fin\n";
    private readonly HttpClient client = api.CreateClient();

    private Task<HttpResponseMessage> Import(string csv) =>
        client.PostAsync("/api/v1/hosts/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

    [Fact]
    public async Task AFileWithOneBadRowImportsNothingAndSaysWhichRow()
    {
        var csv = Header +
                  "imp-1;Ann;0611111111;48,85;2,35;1 rue A;2;femmes;2026-01-01;2026-01-01;2027-01-01\n" +
                  "imp-2;Bob;0611111112;48,86;2,36;1 rue B;-4;hommes;2026-01-01;2026-01-01;2027-01-01\n";

        var response = await Import(csv);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single((await response.ReadObjectAsync())["errors"]!.AsArray());
        Assert.Equal(3, (int)error!["line"]!);
        Assert.Equal("lits", (string?)error["column"]);
        var hosts = await (await client.GetAsync("/api/v1/hosts?search=imp-")).ReadArrayAsync();
        Assert.Empty(hosts);
    }

    [Fact]
    public async Task AGoodFileImportsEveryRowAndAReimportUpdatesInsteadOfDuplicating()
    {
        var csv = Header +
                  "ok-1;Ann;0611111111;48,85;2,35;1 rue A;2;femmes;2026-01-01;2026-01-01;2027-01-01\n" +
                  "ok-2;Bob;0611111112;48,86;2,36;1 rue B;4;hommes famille;2026-01-01;2026-01-01;2027-01-01\n";

        var first = await (await Import(csv)).ReadObjectAsync();
        Assert.Equal(2, (int)first["created"]!);

        var second = await (await Import(csv.Replace("1 rue B;4", "1 rue B;5"))).ReadObjectAsync();
        Assert.Equal(0, (int)second["created"]!);
        Assert.Equal(2, (int)second["updated"]!);

        var hosts = await (await client.GetAsync("/api/v1/hosts?search=ok-")).ReadArrayAsync();
        Assert.Equal(2, hosts.Count);
        Assert.Equal(5, (int)hosts.Single(h => (string?)h!["host"]!["code"] == "ok-2")!["host"]!["beds"]!);
    }

    [Fact]
    public async Task ACsvThatIsNotUtf8Gets400AndImportsNothingRatherThanANameWithAReplacementCharacter()
    {
        using var body = new ByteArrayContent(NotUtf8("utf-1"));
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");

        var response = await client.PostAsync("/api/v1/hosts/import", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["$"], (await response.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
        Assert.Empty(await (await client.GetAsync("/api/v1/hosts?search=utf-")).ReadArrayAsync());
    }

    [Fact]
    public async Task TheCommandLineRefusesACsvThatIsNotUtf8WithExit2AndImportsNothing()
    {
        var path = Path.GetTempFileName();
        await File.WriteAllBytesAsync(path, NotUtf8("utf-2"));
        try
        {
            var (exit, _, stderr) = await CliProcess.RunAsync(api.Database.ConnectionString, "hosts", "import", path);

            Assert.Equal(2, exit);
            Assert.Equal($"{path}: is not UTF-8 text (an invalid byte)", stderr.Trim());
            Assert.Empty(await (await client.GetAsync("/api/v1/hosts?search=utf-")).ReadArrayAsync());
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A good one-row file whose host's name holds 0xFF, a byte no UTF-8 text holds (Windows-1252's ÿ).</summary>
    private static byte[] NotUtf8(string code)
    {
        var bytes = Encoding.UTF8.GetBytes(Header + $"{code};Anne;0611111111;48,85;2,35;1 rue A;2;femmes;2026-01-01;2026-01-01;2027-01-01\n");
        bytes[bytes.AsSpan().IndexOf("Anne"u8) + 3] = 0xFF;
        return bytes;
    }
}
