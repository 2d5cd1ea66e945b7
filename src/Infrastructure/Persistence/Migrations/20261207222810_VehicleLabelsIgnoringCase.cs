using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HostingMatch.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// One label per vehicle and night ignoring case: "Voiture test" and "voiture TEST" are the same car in an SMS or on a run
    /// sheet. The unique index moves from (night, label) to (night, lower(label)), the expression VehicleLabels compares,
    /// so two coordinators registering them at once cannot both pass. EF Core cannot model an index on an expression: it is
    /// SQL here, and the model has none (NightVehicleConfiguration says so). A night that already has two labels equal but
    /// for case keeps the first registered as it is and numbers the others ("voiture TEST (2)"), as the index needs.
    /// </summary>
    public partial class VehicleLabelsIgnoringCase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_night_vehicles_night_label",
                table: "night_vehicles");

            // Ids are UUID v7, ordered as they were registered. 60 is NightVehicle.MaxLabelLength, the column's length.
            migrationBuilder.Sql("""
                UPDATE night_vehicles v
                SET label = left(d.label, 60 - length(' (' || d.n || ')')) || ' (' || d.n || ')'
                FROM (SELECT id, label, row_number() OVER (PARTITION BY night, lower(label) ORDER BY id) AS n FROM night_vehicles) d
                WHERE v.id = d.id AND d.n > 1
                """);
            migrationBuilder.Sql("CREATE UNIQUE INDEX ix_night_vehicles_night_label ON night_vehicles (night, lower(label))");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_night_vehicles_night_label");
            migrationBuilder.CreateIndex(
                name: "ix_night_vehicles_night_label",
                table: "night_vehicles",
                columns: new[] { "night", "label" },
                unique: true);
        }
    }
}
