using HostingMatch.Domain;
using HostingMatch.Domain.Access;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Organisations;
using HostingMatch.Domain.Referrals;
using HostingMatch.Domain.Requests;
using HostingMatch.Domain.Sms;
using HostingMatch.Domain.Stays;
using HostingMatch.Domain.Transport;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NodaTime;

namespace HostingMatch.IntegrationTests.Retention;

/// <summary>
/// <c>hostingmatch retention run</c> on its own database, against the real clock: what served a night older than 90 days
/// is forgotten in every table (a scan of every text column says so), what served a recent night is kept, a dry run and a
/// second run change nothing, and the run is audited with counts only.
/// </summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    /// <summary>A night's personal data, each text marked so that a scan of the whole database finds it.</summary>
    private sealed record Marks(string Alias, string Notes, string ReferrerName, string ReferrerPhone, string SmsBody, string HostPhone,
        string Inbound, string Alert, string Driver, string DriverPhone, string EscortPhone, string StaysReferent, string StaysReferentPhone)
    {
        public IEnumerable<string> All => [Alias, Notes, ReferrerName, ReferrerPhone, SmsBody, HostPhone, Inbound, Alert, Driver, DriverPhone, EscortPhone,
            StaysReferent, StaysReferentPhone];
    }

    private static Marks MarksOf(string tag, string digits) => new($"Famille {tag}", $"Notes {tag}", $"Referent {tag}", $"+3361{digits}",
        $"Corps {tag}", $"+3362{digits}", $"Reponse {tag}", $"Alerte {tag}", $"Pilote{tag}", $"+3363{digits}", $"+3364{digits}",
        $"Suivie {tag}", $"+3365{digits}");

    private async Task SeedNightAsync(LocalDate night, Marks marks)
    {
        var at = Night.At(night, new LocalTime(19, 0)).ToInstant();
        await using var db = database.NewContext();
        var organisation = Organisation.Create($"Partenaire {night:yyyy-MM-dd}", at);
        var household = Household.Create(marks.Alias, [new Member(34, Sex.Female), new Member(6, Sex.Male)], false, false, [], organisation.Id, at, marks.Notes);
        var request = ShelterRequest.Create(household.Id, night, 2, at);
        var referral = Referral.Create(request.Id, organisation.Id, marks.ReferrerName, marks.ReferrerPhone, at);
        var sent = OutboundSms.Create(marks.HostPhone, marks.SmsBody, SmsKind.Notice, null, null, at);
        sent.Claim(at, at + Duration.FromMinutes(1));
        sent.MarkSent($"SM{Guid.NewGuid():N}", "delivered", at);
        var (key, _) = ApiKey.Issue(organisation.Id, Role.Coordinator, at);
        // The same household was also a guest of the stays programme, its need ended that night, a referent named.
        var guest = StayGuest.Create(household.Id, night.PlusDays(-7), night.PlusDays(1), ["ile-de-france"], "Base", new(48.9, 2.36), at);
        guest.AssignReferent(marks.StaysReferent, marks.StaysReferentPhone, at);
        db.AddRange(organisation, household, request, referral, sent, key, guest,
            InboundSms.Create($"SM{Guid.NewGuid():N}", marks.HostPhone, marks.Inbound, null, "accepted", null, at),
            CoordinatorAlert.Raise("host-opted-out", marks.Alert, null, at),
            NightVehicle.Create(night, VehicleKind.Car, "Voiture 2", marks.Driver, marks.DriverPhone, 3, new LocalTime(21, 0), new LocalTime(23, 0), at),
            NightEscort.Create(night, "Sami", marks.EscortPhone, at),
            ConsoleSession.Start(key.Id, at, Duration.FromHours(12)));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task OldNightsAreForgottenInEveryTable_RecentOnesKept_AndASecondRunForgetsNothing()
    {
        var today = Night.Current(SystemClock.Instance.GetCurrentInstant());
        var old = MarksOf("Ancienne", "0000777");
        var recent = MarksOf("Recente", "0000888");
        await SeedNightAsync(today.PlusDays(-120), old);
        await SeedNightAsync(today.PlusDays(-3), recent);

        var dry = await CliProcess.RunAsync(database.ConnectionString, "retention", "run", "--dry-run");
        Assert.True(dry.Exit == 0, dry.Stderr);
        Assert.Contains("Would forget", dry.Stdout);
        Assert.Contains("1 household(s), 1 referral(s), 1 SMS sent, 1 SMS received, 1 alert(s), 1 vehicle(s), 1 escort(s), 1 stays guest(s) and journey(s), 1 console session(s)", dry.Stdout);
        Assert.All(old.All, mark => Assert.NotEmpty(TablesHolding(mark).Result));

        var run = await CliProcess.RunAsync(database.ConnectionString, "retention", "run");
        Assert.True(run.Exit == 0, run.Stderr);
        Assert.Contains("Forgot for nights before", run.Stdout);

        foreach (var mark in old.All)
        {
            Assert.True((await TablesHolding(mark)).Count == 0, $"'{mark}' is still in {string.Join(", ", await TablesHolding(mark))}");
        }

        foreach (var mark in recent.All)
        {
            Assert.NotEmpty(await TablesHolding(mark));
        }

        await using (var db = database.NewContext())
        {
            // What the reports count is kept: the old night's household, its members and its request.
            var household = await db.Households.SingleAsync(h => h.Alias == "(effacé)");
            Assert.Equal(2, household.People);
            Assert.True(await db.Requests.AnyAsync(r => r.HouseholdId == household.Id && r.Night == today.PlusDays(-120)));
            var audit = await db.AuditEntries.SingleAsync(a => a.Action == "retention-purge");
            Assert.Contains("1 household(s)", audit.Summary);
            Assert.All(old.All.Concat(recent.All), mark => Assert.DoesNotContain(mark, audit.Summary));
        }

        var again = await CliProcess.RunAsync(database.ConnectionString, "retention", "run");
        Assert.Contains("0 household(s), 0 referral(s), 0 SMS sent, 0 SMS received, 0 alert(s), 0 vehicle(s), 0 escort(s), 0 stays guest(s) and journey(s), 0 console session(s)", again.Stdout);
        await using var read = database.NewContext();
        Assert.Equal(1, await read.AuditEntries.CountAsync(a => a.Action == "retention-purge"));
    }

    /// <summary>Every table with a text, varchar or jsonb column holding <paramref name="text"/>, found by scanning the catalogue.</summary>
    private async Task<List<string>> TablesHolding(string text)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var list = new NpgsqlCommand("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'ARRAY')
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var found = new List<string>();
        foreach (var (table, column) in columns)
        {
            await using var probe = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM \"{table}\" WHERE \"{column}\"::text LIKE '%' || @t || '%')", connection);
            probe.Parameters.AddWithValue("t", text);
            if ((bool)(await probe.ExecuteScalarAsync())!)
            {
                found.Add($"{table}.{column}");
            }
        }

        return found;
    }
}
