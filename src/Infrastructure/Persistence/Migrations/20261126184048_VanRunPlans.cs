using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace HostingMatch.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class VanRunPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "van_run_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    night = table.Column<LocalDate>(type: "date", nullable: false),
                    planned_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    plan_json = table.Column<string>(type: "jsonb", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_van_run_plans", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_van_run_plans_night",
                table: "van_run_plans",
                column: "night",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "van_run_plans");
        }
    }
}
