using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wuhan.Resale.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnonymousViewsWriteNothing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Challenges were stored (with their pictures) on every page view; only used ones are kept from now on.
            migrationBuilder.Sql("DELETE FROM CaptchaChallenges;");

            migrationBuilder.DropColumn(
                name: "AnswerHash",
                table: "CaptchaChallenges");

            migrationBuilder.DropColumn(
                name: "Image",
                table: "CaptchaChallenges");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AnswerHash",
                table: "CaptchaChallenges",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<byte[]>(
                name: "Image",
                table: "CaptchaChallenges",
                type: "BLOB",
                maxLength: 65536,
                nullable: false,
                defaultValue: new byte[0]);
        }
    }
}
