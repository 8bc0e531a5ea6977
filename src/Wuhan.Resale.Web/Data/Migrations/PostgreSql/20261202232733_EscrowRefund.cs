using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wuhan.Resale.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class EscrowRefund : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RefundedAt",
                table: "EscrowAccounts",
                type: "timestamp with time zone",
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
