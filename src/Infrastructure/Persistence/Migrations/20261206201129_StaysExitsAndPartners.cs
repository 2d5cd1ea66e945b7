using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace HostingMatch.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StaysExitsAndPartners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Instant>(
                name: "ended_at",
                table: "stay_guests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "outcome",
                table: "stay_guests",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "outcome_note",
                table: "stay_guests",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ended_at",
                table: "stay_guests");

            migrationBuilder.DropColumn(
                name: "outcome",
                table: "stay_guests");

            migrationBuilder.DropColumn(
                name: "outcome_note",
                table: "stay_guests");
        }
    }
}
