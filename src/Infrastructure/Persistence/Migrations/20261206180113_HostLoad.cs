using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HostingMatch.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class HostLoad : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "max_nights_per_month",
                table: "hosts",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "max_nights_per_month",
                table: "hosts");
        }
    }
}
