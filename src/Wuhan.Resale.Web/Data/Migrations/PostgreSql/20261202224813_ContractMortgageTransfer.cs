using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wuhan.Resale.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ContractMortgageTransfer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MortgageeName",
                table: "Contracts",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<decimal>(
                name: "OutstandingLoan",
                table: "Contracts",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MortgageeName",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "OutstandingLoan",
                table: "Contracts");
        }
    }
}
