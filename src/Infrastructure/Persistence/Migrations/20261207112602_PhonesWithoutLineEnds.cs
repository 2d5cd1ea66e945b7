using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HostingMatch.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Phones stored with a line end: until PhoneNumber's pattern ended with \z, "+33612345678\n" passed as E.164 and was
    /// stored. Such a phone can make no SMS any more (OutboundSms.Create refuses it, so one host held up the night's offers),
    /// a host's reply is not found by it, and an escort could be registered twice for a night. Only that form is changed:
    /// E.164 and one final line end, the one thing $ let through.
    /// </summary>
    public partial class PhonesWithoutLineEnds : Migration
    {
        private const string WithALineEnd = @"'^\+[1-9][0-9]{7,14}\n$'";

        private static readonly (string Table, string Column)[] Phones =
        [
            ("hosts", "phone"),
            ("referrals", "referrer_phone"),
            ("night_vehicles", "driver_phone"),
            ("night_escorts", "phone"),
            ("stay_guests", "referent_phone"),
            ("journeys", "driver_phone"),
            ("journeys", "told_driver_phone"),
            ("outbound_sms", "\"to\""),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The same escort twice for a night (one phone with the line end, one without): the second registration goes,
            // as the one-per-phone rule would have refused it; the unique index would refuse the trimmed copy anyway.
            migrationBuilder.Sql($"""
                DELETE FROM night_escorts e
                WHERE e.phone ~ {WithALineEnd}
                  AND EXISTS (SELECT 1 FROM night_escorts o WHERE o.night = e.night AND o.phone = rtrim(e.phone, chr(10)))
                """);
            foreach (var (table, column) in Phones)
            {
                migrationBuilder.Sql($"UPDATE {table} SET {column} = rtrim({column}, chr(10)) WHERE {column} ~ {WithALineEnd}");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the line ends were never meant to be stored.
        }
    }
}
