using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace HostingMatch.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SmsOutboxInboxAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "coordinator_alerts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    host_id = table.Column<Guid>(type: "uuid", nullable: true),
                    raised_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coordinator_alerts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbound_sms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_sid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    from = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    body = table.Column<string>(type: "character varying(1600)", maxLength: 1600, nullable: false),
                    host_id = table.Column<Guid>(type: "uuid", nullable: true),
                    outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reply = table.Column<string>(type: "character varying(1600)", maxLength: 1600, nullable: true),
                    received_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbound_sms", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbound_sms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    to = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    body = table.Column<string>(type: "character varying(1600)", maxLength: 1600, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    host_id = table.Column<Guid>(type: "uuid", nullable: true),
                    offer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    claimed_until = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    claimed_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    provider_sid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    provider_status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbound_sms", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_coordinator_alerts_raised_at",
                table: "coordinator_alerts",
                column: "raised_at");

            migrationBuilder.CreateIndex(
                name: "ix_inbound_sms_host_id",
                table: "inbound_sms",
                column: "host_id");

            migrationBuilder.CreateIndex(
                name: "ix_inbound_sms_message_sid",
                table: "inbound_sms",
                column: "message_sid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbound_sms_host_id",
                table: "outbound_sms",
                column: "host_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbound_sms_offer_id",
                table: "outbound_sms",
                column: "offer_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbound_sms_provider_sid",
                table: "outbound_sms",
                column: "provider_sid");

            migrationBuilder.CreateIndex(
                name: "ix_outbound_sms_status_next_attempt_at",
                table: "outbound_sms",
                columns: new[] { "status", "next_attempt_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "coordinator_alerts");

            migrationBuilder.DropTable(
                name: "inbound_sms");

            migrationBuilder.DropTable(
                name: "outbound_sms");
        }
    }
}
