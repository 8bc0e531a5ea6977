using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wuhan.Resale.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EscrowRefund : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RefundedAt",
                table: "EscrowAccounts",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RefundedAt",
                table: "EscrowAccounts");
        }
    }
}
