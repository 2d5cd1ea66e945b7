using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace HostingMatch.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NightTransport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "picks_up_at_base",
                table: "hosts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "night_escorts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    night = table.Column<LocalDate>(type: "date", nullable: false),
                    first_name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_night_escorts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "night_vehicles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    night = table.Column<LocalDate>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    label = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    driver_first_name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    driver_phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    seats = table.Column<int>(type: "integer", nullable: false),
                    available_from = table.Column<LocalTime>(type: "time", nullable: false),
                    available_until = table.Column<LocalTime>(type: "time", nullable: false),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_night_vehicles", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_night_escorts_night_phone",
                table: "night_escorts",
                columns: new[] { "night", "phone" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_night_vehicles_night_label",
                table: "night_vehicles",
                columns: new[] { "night", "label" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "night_escorts");

            migrationBuilder.DropTable(
                name: "night_vehicles");

            migrationBuilder.DropColumn(
                name: "picks_up_at_base",
                table: "hosts");
        }
    }
}
