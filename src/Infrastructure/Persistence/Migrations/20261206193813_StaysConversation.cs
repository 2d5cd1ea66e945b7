using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace HostingMatch.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StaysConversation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Instant>(
                name: "answer_due_at",
                table: "stays",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "closed_because",
                table: "stays",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<Instant>(
                name: "proposed_to_host_at",
                table: "stays",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Instant>(
                name: "reminded_at",
                table: "stays",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "referent_name",
                table: "stay_guests",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "referent_phone",
                table: "stay_guests",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "stay_check_ins",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    stay_id = table.Column<Guid>(type: "uuid", nullable: false),
                    guest_id = table.Column<Guid>(type: "uuid", nullable: false),
                    host_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sent_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    closed_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    alerted_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stay_check_ins", x => x.id);
                    table.ForeignKey(
                        name: "fk_stay_check_ins_stays_stay_id",
                        column: x => x.stay_id,
                        principalTable: "stays",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_stays_one_awaiting_per_host",
                table: "stays",
                column: "host_id",
                unique: true,
                filter: "status = 'Proposed' AND proposed_to_host_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_stay_check_ins_host_id",
                table: "stay_check_ins",
                column: "host_id",
                filter: "outcome IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_stay_check_ins_one_open_per_stay",
                table: "stay_check_ins",
                column: "stay_id",
                unique: true,
                filter: "outcome IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_stay_check_ins_stay_id_sent_at",
                table: "stay_check_ins",
                columns: new[] { "stay_id", "sent_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "stay_check_ins");

            migrationBuilder.DropIndex(
                name: "ix_stays_one_awaiting_per_host",
                table: "stays");

            migrationBuilder.DropColumn(
                name: "answer_due_at",
                table: "stays");

            migrationBuilder.DropColumn(
                name: "closed_because",
                table: "stays");

            migrationBuilder.DropColumn(
                name: "proposed_to_host_at",
                table: "stays");

            migrationBuilder.DropColumn(
                name: "reminded_at",
                table: "stays");

            migrationBuilder.DropColumn(
                name: "referent_name",
                table: "stay_guests");

            migrationBuilder.DropColumn(
                name: "referent_phone",
                table: "stay_guests");
        }
    }
}
