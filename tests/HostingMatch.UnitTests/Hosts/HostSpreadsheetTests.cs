using HostingMatch.Application.Hosts;
using NodaTime;

namespace HostingMatch.UnitTests.Hosts;

public sealed class HostSpreadsheetTests
{
    private const string Header = "code,name,phone,latitude,longitude,address,beds,accepts,agreement_signed_on,agreement_valid_from,agreement_valid_until";

    private static string ExampleFile() => File.ReadAllText(Path.Combine(RepoRoot(), "docs", "examples", "hosts.csv"));

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HostingMatch.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("HostingMatch.sln not found above the test binaries.");
    }

    [Fact]
    public void Read_TheDocumentedFrenchExample_ReadsEveryRowAndNormalises()
    {
        var (rows, errors) = HostSpreadsheet.Read(ExampleFile());

        Assert.Empty(errors);
        Assert.Equal(3, rows.Count);
        var claire = rows[0].Input;
        Assert.Equal("h-101", claire.Code);
        Assert.Equal("+33612345678", claire.Phone);
        Assert.Equal(48.8530, claire.Latitude);
        Assert.Equal(["family", "women"], claire.Accepts);
        Assert.True(claire.MinorsCertified);
        Assert.Equal(new LocalDate(2027, 1, 14), claire.Agreement!.ValidUntil);
        Assert.Equal(["monday", "thursday"], claire.WeeklyDays);
        Assert.Equal(new LocalTime(20, 0), claire.ArrivalFrom);
        Assert.Equal("+447700900123", rows[1].Input.Phone);
        Assert.Equal(new LocalTime(0, 30), rows[1].Input.ArrivalUntil);
        Assert.Equal(["minor", "family"], rows[2].Input.Accepts);
        Assert.Equal(4, rows[2].Line);
    }

    [Fact]
    public void Read_CommaSeparatedEnglishHeaders_Works()
    {
        var (rows, errors) = HostSpreadsheet.Read($"{Header}\nh-1,Ann,+33611111111,48.85,2.35,\"1 rue A, Paris\",2,women,2026-01-01,2026-01-01,2027-01-01\n");
        Assert.Empty(errors);
        Assert.Equal("1 rue A, Paris", Assert.Single(rows).Input.Address);
    }

    [Fact]
    public void Read_BadCells_ReportsLineColumnAndProblemForEach()
    {
        var csv = $"{Header}\n" +
                  "h-1,Ann,+33611111111,48.85,2.35,1 rue A,2,women,2026-01-01,2026-01-01,2027-01-01\n" +
                  "h-2,Bob,12,48.85,2.35,1 rue B,trois,kids,2026-01-01,2026-01-01,31-31-2027\n" +
                  "h-1,Cat,+33611111112,95,2.35,1 rue C,2,men,2026-01-01,2026-01-01,2027-01-01\n";

        var (_, errors) = HostSpreadsheet.Read(csv);

        Assert.Contains(errors, e => e is { Line: 3, Column: "phone" });
        Assert.Contains(errors, e => e is { Line: 3, Column: "beds" } && e.Problem.Contains("trois"));
        Assert.Contains(errors, e => e is { Line: 3, Column: "accepts" });
        Assert.Contains(errors, e => e is { Line: 3, Column: "agreement_valid_until" });
        Assert.Contains(errors, e => e is { Line: 4, Column: "latitude" });
        Assert.Contains(errors, e => e is { Line: 4, Column: "code" } && e.Problem.Contains("line 2"));
        Assert.DoesNotContain(errors, e => e.Line == 2);
    }

    [Fact]
    public void Read_TheExampleWithoutCoordinates_ReadsEveryRowWithoutAPointAndNamesTheAddressColumn()
    {
        var sheet = HostSpreadsheet.Read(File.ReadAllText(Path.Combine(RepoRoot(), "docs", "examples", "hosts-without-coordinates.csv")));

        Assert.Empty(sheet.Errors);
        Assert.Equal(3, sheet.Rows.Count);
        Assert.All(sheet.Rows, r => Assert.Equal((null, null), (r.Input.Latitude, r.Input.Longitude)));
        Assert.Equal("Adresse", sheet.AddressColumn);
    }

    [Fact]
    public void Read_ALatitudeWithoutItsLongitude_IsAProblemOnItsLine()
    {
        var (_, errors) = HostSpreadsheet.Read($"{Header}\nh-1,Ann,+33611111111,48.85,,1 rue A,2,women,2026-01-01,2026-01-01,2027-01-01\n");

        var error = Assert.Single(errors);
        Assert.Equal((2, "longitude"), (error.Line, error.Column));
    }

    [Fact]
    public void Read_MissingRequiredColumn_IsReportedOnTheHeaderLine()
    {
        var (_, errors) = HostSpreadsheet.Read("code,name\nh-1,Ann\n");
        Assert.All(errors, e => Assert.Equal(1, e.Line));
        Assert.Contains(errors, e => e.Column == "phone");
    }

    [Fact]
    public void Read_EmptyFile_IsRefusedWithAReason() =>
        Assert.NotEmpty(HostSpreadsheet.Read("\n").Errors);
}
