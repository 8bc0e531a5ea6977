using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wuhan.Resale.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListingWithdrawalAndTransferApplication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "Listings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "WithdrawnAt",
                table: "Listings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CounterClerkName",
                table: "Contracts",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TransferAppliedAt",
                table: "Contracts",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "CounterClerkName",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "TransferAppliedAt",
                table: "Contracts");
        }
    }
}
