using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace HostingMatch.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RequestRide : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Instant>(
                name: "ride_arrive_at",
                table: "shelter_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Instant>(
                name: "ride_leave_base_at",
                table: "shelter_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ride_trip",
                table: "shelter_requests",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ride_vehicle",
                table: "shelter_requests",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ride_way",
                table: "shelter_requests",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ride_arrive_at",
                table: "shelter_requests");

            migrationBuilder.DropColumn(
                name: "ride_leave_base_at",
                table: "shelter_requests");

            migrationBuilder.DropColumn(
                name: "ride_trip",
                table: "shelter_requests");

            migrationBuilder.DropColumn(
                name: "ride_vehicle",
                table: "shelter_requests");

            migrationBuilder.DropColumn(
                name: "ride_way",
                table: "shelter_requests");
        }
    }
}
