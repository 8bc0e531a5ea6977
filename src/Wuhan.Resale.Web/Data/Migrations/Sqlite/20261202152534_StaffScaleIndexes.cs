using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wuhan.Resale.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StaffScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_EntityType_EntityId_OccurredAt",
                table: "AuditEvents");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_CreatedAt",
                table: "Listings",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_FiledAt",
                table: "Contracts",
                column: "FiledAt");

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_RegisteredAt",
                table: "Contracts",
                column: "RegisteredAt");

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_RevokedAt",
                table: "Contracts",
                column: "RevokedAt");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_ActorName_OccurredAt",
                table: "AuditEvents",
                columns: new[] { "ActorName", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_EntityId_OccurredAt",
                table: "AuditEvents",
                columns: new[] { "EntityId", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Listings_CreatedAt",
                table: "Listings");

            migrationBuilder.DropIndex(
                name: "IX_Contracts_FiledAt",
                table: "Contracts");

            migrationBuilder.DropIndex(
                name: "IX_Contracts_RegisteredAt",
                table: "Contracts");

            migrationBuilder.DropIndex(
                name: "IX_Contracts_RevokedAt",
                table: "Contracts");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_ActorName_OccurredAt",
                table: "AuditEvents");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_EntityId_OccurredAt",
                table: "AuditEvents");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_EntityType_EntityId_OccurredAt",
                table: "AuditEvents",
                columns: new[] { "EntityType", "EntityId", "OccurredAt" });
        }
    }
}
