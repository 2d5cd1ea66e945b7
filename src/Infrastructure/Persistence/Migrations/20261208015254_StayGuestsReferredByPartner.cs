using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HostingMatch.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Whether a partner referred a stays guest itself (its key): only then does that partner read it. The guests a
    /// coordinator registered as referred by a partner were read by that partner too, with the coordinators' notes. The
    /// guests stored before cannot be told apart: those with a referring organisation keep being readable by it, as they
    /// were (false would hide every partner's own referrals); the new ones are told apart from the start.
    /// </summary>
    public partial class StayGuestsReferredByPartner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "referred_by_partner",
                table: "stay_guests",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql("""
                UPDATE stay_guests SET referred_by_partner = true
                WHERE household_id IN (SELECT id FROM households WHERE referred_by IS NOT NULL);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "referred_by_partner",
                table: "stay_guests");
        }
    }
}
