using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wuhan.Resale.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContractFiledContentHash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FiledContentHash",
                table: "Contracts",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FiledContentHash",
                table: "Contracts");
        }
    }
}
