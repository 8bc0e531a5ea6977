using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wuhan.Resale.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TaxEstimateAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Terms_BuyerFirstHome",
                table: "Contracts",
                type: "bit",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Terms_SellerOnlyHome",
                table: "Contracts",
                type: "bit",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Terms_BuyerFirstHome",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "Terms_SellerOnlyHome",
                table: "Contracts");
        }
    }
}
