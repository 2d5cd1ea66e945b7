using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HostingMatch.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Whether whoever registered a stays guest said where it waits (a partner may leave it out: the guest is then taken to
    /// wait at the base). The guests stored before cannot all be told apart: a coordinator always gives it; a partner's
    /// referral is taken as not given, which keeps for them what the one-night programme did before (it took in only
    /// those who may stay in Île-de-France).
    /// </summary>
    public partial class StayGuestsLocationGiven : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "location_given",
                table: "stay_guests",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql("UPDATE stay_guests SET location_given = NOT referred_by_partner;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "location_given",
                table: "stay_guests");
        }
    }
}
