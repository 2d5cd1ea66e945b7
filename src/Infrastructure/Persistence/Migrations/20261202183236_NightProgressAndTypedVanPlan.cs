using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace HostingMatch.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NightProgressAndTypedVanPlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "plan_json",
                table: "van_run_plans",
                newName: "plan");

            migrationBuilder.CreateTable(
                name: "night_progress",
                columns: table => new
                {
                    night = table.Column<LocalDate>(type: "date", nullable: false),
                    offers_started_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    vans_planned_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    van_times_sent_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_night_progress", x => x.night);
                });

            // The nights already under way keep going: their progress is what the workers used to infer from the rows.
            // Offers started: the night's first offer. Vans planned: the stored plan's time. Van times sent: the first
            // van-arrival SMS queued during that night's evening (from noon in Paris, as Night.EveningStarts says).
            migrationBuilder.Sql("""
                INSERT INTO night_progress (night, offers_started_at, vans_planned_at, van_times_sent_at)
                SELECT n.night,
                       (SELECT min(o.created_at) FROM offers o WHERE o.night = n.night),
                       (SELECT p.planned_at FROM van_run_plans p WHERE p.night = n.night),
                       CASE WHEN EXISTS (SELECT 1 FROM van_run_plans p WHERE p.night = n.night) THEN
                           (SELECT min(m.created_at) FROM outbound_sms m
                            WHERE m.kind = 'VanArrival'
                              AND m.created_at >= ((n.night + time '12:00') AT TIME ZONE 'Europe/Paris')
                              AND m.created_at < ((n.night + 1 + time '12:00') AT TIME ZONE 'Europe/Paris'))
                       END
                FROM (SELECT night FROM offers UNION SELECT night FROM van_run_plans) n;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "night_progress");

            migrationBuilder.RenameColumn(
                name: "plan",
                table: "van_run_plans",
                newName: "plan_json");
        }
    }
}
