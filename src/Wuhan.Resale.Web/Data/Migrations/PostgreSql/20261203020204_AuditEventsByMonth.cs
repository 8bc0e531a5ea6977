using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wuhan.Resale.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AuditEventsByMonth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditArchives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Before = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSequence = table.Column<long>(type: "bigint", nullable: false),
                    LastHash = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false, collation: "C"),
                    Rows = table.Column<long>(type: "bigint", nullable: false),
                    RemovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Seal = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditArchives", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditArchives_LastSequence",
                table: "AuditArchives",
                column: "LastSequence");

            // The audit table by month (Infrastructure/Retention/AuditPartitioning.cs); keep these two calls when
            // regenerating this migration.
            migrationBuilder.Sql(Wuhan.Resale.Web.Infrastructure.Retention.AuditPartitioning.Functions);
            migrationBuilder.Sql(Wuhan.Resale.Web.Infrastructure.Retention.AuditPartitioning.Partition);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Wuhan.Resale.Web.Infrastructure.Retention.AuditPartitioning.Unpartition);

            migrationBuilder.DropTable(
                name: "AuditArchives");
        }
    }
}
