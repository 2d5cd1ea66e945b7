using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace HostingMatch.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: false),
                    longitude = table.Column<double>(type: "double precision", nullable: false),
                    gathering_time = table.Column<LocalTime>(type: "time", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hosts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    display_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: false),
                    longitude = table.Column<double>(type: "double precision", nullable: false),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    beds = table.Column<int>(type: "integer", nullable: false),
                    max_households = table.Column<int>(type: "integer", nullable: false),
                    minors_certified = table.Column<bool>(type: "boolean", nullable: false),
                    wheelchair_accessible = table.Column<bool>(type: "boolean", nullable: false),
                    agreement_signed_on = table.Column<LocalDate>(type: "date", nullable: false),
                    agreement_valid_from = table.Column<LocalDate>(type: "date", nullable: false),
                    agreement_valid_until = table.Column<LocalDate>(type: "date", nullable: false),
                    arrival_from = table.Column<LocalTime>(type: "time", nullable: false),
                    arrival_until = table.Column<LocalTime>(type: "time", nullable: false),
                    sms_opted_out_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    accepts = table.Column<string[]>(type: "text[]", nullable: false),
                    weekly_days = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hosts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "vans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    seats = table.Column<int>(type: "integer", nullable: false),
                    base_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vans", x => x.id);
                    table.ForeignKey(
                        name: "fk_vans_bases_base_id",
                        column: x => x.base_id,
                        principalTable: "bases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "host_availability_exceptions",
                columns: table => new
                {
                    night = table.Column<LocalDate>(type: "date", nullable: false),
                    host_id = table.Column<Guid>(type: "uuid", nullable: false),
                    available = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_host_availability_exceptions", x => new { x.host_id, x.night });
                    table.ForeignKey(
                        name: "fk_host_availability_exceptions_hosts_host_id",
                        column: x => x.host_id,
                        principalTable: "hosts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "households",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    alias = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    vulnerable = table.Column<bool>(type: "boolean", nullable: false),
                    needs_wheelchair_access = table.Column<bool>(type: "boolean", nullable: false),
                    referred_by = table.Column<Guid>(type: "uuid", nullable: true),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    members = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_households", x => x.id);
                    table.ForeignKey(
                        name: "fk_households_organisations_referred_by",
                        column: x => x.referred_by,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "shelter_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    night = table.Column<LocalDate>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    nights_without_shelter = table.Column<int>(type: "integer", nullable: false),
                    host_id = table.Column<Guid>(type: "uuid", nullable: true),
                    unplaced_reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    unplaced_detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shelter_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_shelter_requests_hosts_host_id",
                        column: x => x.host_id,
                        principalTable: "hosts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_shelter_requests_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_hosts_code",
                table: "hosts",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_households_referred_by",
                table: "households",
                column: "referred_by");

            migrationBuilder.CreateIndex(
                name: "ix_organisations_name",
                table: "organisations",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_shelter_requests_host_id",
                table: "shelter_requests",
                column: "host_id");

            migrationBuilder.CreateIndex(
                name: "ix_shelter_requests_household_id_night",
                table: "shelter_requests",
                columns: new[] { "household_id", "night" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_shelter_requests_night_status",
                table: "shelter_requests",
                columns: new[] { "night", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_vans_base_id",
                table: "vans",
                column: "base_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "host_availability_exceptions");

            migrationBuilder.DropTable(
                name: "shelter_requests");

            migrationBuilder.DropTable(
                name: "vans");

            migrationBuilder.DropTable(
                name: "hosts");

            migrationBuilder.DropTable(
                name: "households");

            migrationBuilder.DropTable(
                name: "bases");

            migrationBuilder.DropTable(
                name: "organisations");
        }
    }
}
