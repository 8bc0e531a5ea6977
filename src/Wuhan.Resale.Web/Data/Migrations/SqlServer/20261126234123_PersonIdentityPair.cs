using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wuhan.Resale.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PersonIdentityPair : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_IdNumberHash",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_IdNumberHash",
                table: "People",
                column: "IdNumberHash");

            migrationBuilder.CreateIndex(
                name: "IX_People_IdType_IdNumberHash",
                table: "People",
                columns: new[] { "IdType", "IdNumberHash" },
                unique: true,
                filter: "[IdNumberHash] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_IdNumberHash",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_IdType_IdNumberHash",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_IdNumberHash",
                table: "People",
                column: "IdNumberHash",
                unique: true,
                filter: "[IdNumberHash] IS NOT NULL");
        }
    }
}
