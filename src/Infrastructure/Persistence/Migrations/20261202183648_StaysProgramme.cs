using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HostingMatch.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StaysProgramme : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<LocalDate>(
                name: "certified_until",
                table: "hosts",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "max_nights_per_guest",
                table: "hosts",
                type: "integer",
                nullable: false,
                defaultValue: 28);

            migrationBuilder.AddColumn<string>(
                name: "programmes",
                table: "hosts",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "OneNight");

            migrationBuilder.AddColumn<string>(
                name: "region",
                table: "hosts",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "ile-de-france");

            migrationBuilder.CreateTable(
                name: "host_stay_periods",
                columns: table => new
                {
                    from = table.Column<LocalDate>(type: "date", nullable: false),
                    host_id = table.Column<Guid>(type: "uuid", nullable: false),
                    until = table.Column<LocalDate>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_host_stay_periods", x => new { x.host_id, x.from });
                    table.ForeignKey(
                        name: "fk_host_stay_periods_hosts_host_id",
                        column: x => x.host_id,
                        principalTable: "hosts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "stay_guests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    need_from = table.Column<LocalDate>(type: "date", nullable: false),
                    need_until = table.Column<LocalDate>(type: "date", nullable: true),
                    waiting_at = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: false),
                    longitude = table.Column<double>(type: "double precision", nullable: false),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    regions = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stay_guests", x => x.id);
                    table.ForeignKey(
                        name: "fk_stay_guests_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "stays_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_from = table.Column<LocalDate>(type: "date", nullable: false),
                    plan_until = table.Column<LocalDate>(type: "date", nullable: false),
                    region = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    planned_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    optimal = table.Column<bool>(type: "boolean", nullable: false),
                    gap = table.Column<double>(type: "double precision", nullable: true),
                    person_nights_covered = table.Column<long[]>(type: "bigint[]", nullable: false),
                    person_nights_uncovered = table.Column<long[]>(type: "bigint[]", nullable: false),
                    moves = table.Column<int>(type: "integer", nullable: false),
                    journey_minutes = table.Column<long>(type: "bigint", nullable: false),
                    solve_milliseconds = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stays_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "stays",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    guest_id = table.Column<Guid>(type: "uuid", nullable: false),
                    host_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<LocalDate>(type: "date", nullable: false),
                    until = table.Column<LocalDate>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: true),
                    journey_minutes = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stays", x => x.id);
                    table.CheckConstraint("ck_stays_period", "until > \"from\"");
                    table.ForeignKey(
                        name: "fk_stays_hosts_host_id",
                        column: x => x.host_id,
                        principalTable: "hosts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_stays_stay_guests_guest_id",
                        column: x => x.guest_id,
                        principalTable: "stay_guests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_stays_stays_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "stays_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "stays_plan_stays",
                columns: table => new
                {
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    guest_id = table.Column<Guid>(type: "uuid", nullable: false),
                    host_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<LocalDate>(type: "date", nullable: false),
                    until = table.Column<LocalDate>(type: "date", nullable: false),
                    people = table.Column<int>(type: "integer", nullable: false),
                    tier = table.Column<int>(type: "integer", nullable: false),
                    continues_current = table.Column<bool>(type: "boolean", nullable: false),
                    journey_minutes = table.Column<int>(type: "integer", nullable: false),
                    stay_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stays_plan_stays", x => new { x.plan_id, x.id });
                    table.ForeignKey(
                        name: "fk_stays_plan_stays_stays_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "stays_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "stays_plan_uncovered",
                columns: table => new
                {
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    guest_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<LocalDate>(type: "date", nullable: false),
                    until = table.Column<LocalDate>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stays_plan_uncovered", x => new { x.plan_id, x.id });
                    table.ForeignKey(
                        name: "fk_stays_plan_uncovered_stays_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "stays_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_hosts_region",
                table: "hosts",
                column: "region");

            migrationBuilder.CreateIndex(
                name: "ix_stay_guests_household_id",
                table: "stay_guests",
                column: "household_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_stays_guest_id_from",
                table: "stays",
                columns: new[] { "guest_id", "from" });

            migrationBuilder.CreateIndex(
                name: "ix_stays_host_id_from",
                table: "stays",
                columns: new[] { "host_id", "from" });

            migrationBuilder.CreateIndex(
                name: "ix_stays_plan_id",
                table: "stays",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_stays_status",
                table: "stays",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_stays_plans_planned_at",
                table: "stays_plans",
                column: "planned_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "host_stay_periods");

            migrationBuilder.DropTable(
                name: "stays");

            migrationBuilder.DropTable(
                name: "stays_plan_stays");

            migrationBuilder.DropTable(
                name: "stays_plan_uncovered");

            migrationBuilder.DropTable(
                name: "stay_guests");

            migrationBuilder.DropTable(
                name: "stays_plans");

            migrationBuilder.DropIndex(
                name: "ix_hosts_region",
                table: "hosts");

            migrationBuilder.DropColumn(
                name: "certified_until",
                table: "hosts");

            migrationBuilder.DropColumn(
                name: "max_nights_per_guest",
                table: "hosts");

            migrationBuilder.DropColumn(
                name: "programmes",
                table: "hosts");

            migrationBuilder.DropColumn(
                name: "region",
                table: "hosts");
        }
    }
}
