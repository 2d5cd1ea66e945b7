using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace HostingMatch.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StaysJourneys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "journeys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    guest_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stay_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<LocalDate>(type: "date", nullable: false),
                    from_host_id = table.Column<Guid>(type: "uuid", nullable: true),
                    to_host_id = table.Column<Guid>(type: "uuid", nullable: false),
                    minutes = table.Column<int>(type: "integer", nullable: false),
                    way = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    departure_time = table.Column<LocalTime>(type: "time", nullable: true),
                    driver_first_name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    driver_phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    cost_euros = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    notes = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    told_date = table.Column<LocalDate>(type: "date", nullable: true),
                    told_departure = table.Column<LocalTime>(type: "time", nullable: true),
                    told_from_host_id = table.Column<Guid>(type: "uuid", nullable: true),
                    told_to_host_id = table.Column<Guid>(type: "uuid", nullable: true),
                    told_driver_phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journeys", x => x.id);
                    table.CheckConstraint("ck_journeys_cost", "cost_euros >= 0");
                    table.ForeignKey(
                        name: "fk_journeys_hosts_from_host_id",
                        column: x => x.from_host_id,
                        principalTable: "hosts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_journeys_hosts_to_host_id",
                        column: x => x.to_host_id,
                        principalTable: "hosts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_journeys_stay_guests_guest_id",
                        column: x => x.guest_id,
                        principalTable: "stay_guests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_journeys_stays_stay_id",
                        column: x => x.stay_id,
                        principalTable: "stays",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_journeys_date",
                table: "journeys",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_journeys_from_host_id",
                table: "journeys",
                column: "from_host_id");

            migrationBuilder.CreateIndex(
                name: "ix_journeys_guest_id",
                table: "journeys",
                column: "guest_id");

            migrationBuilder.CreateIndex(
                name: "ix_journeys_stay_id",
                table: "journeys",
                column: "stay_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_journeys_to_host_id",
                table: "journeys",
                column: "to_host_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "journeys");
        }
    }
}
