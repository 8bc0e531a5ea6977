using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wuhan.Resale.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BankEscrowMortgageTransfer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MortgageeCode",
                table: "PropertyRecords",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MortgageeName",
                table: "PropertyRecords",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InstitutionCode",
                table: "Partners",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MortgageAnsweredAt",
                table: "Listings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MortgageConsent",
                table: "Listings",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MortgageRefusalReason",
                table: "Listings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MortgageTransfer",
                table: "Listings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "MortgageeCode",
                table: "Listings",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MortgageeName",
                table: "Listings",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "OutstandingLoan",
                table: "Listings",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MortgageeCode",
                table: "EmbeddedProperties",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MortgageeName",
                table: "EmbeddedProperties",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FundsHeldInEscrow",
                table: "Contracts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "MortgageeName",
                table: "Contracts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "OutstandingLoan",
                table: "Contracts",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EscrowAccounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BankPartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BankName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    AccountNumber = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReleasedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RefundedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReleasedToLoan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    ReleasedToSeller = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscrowAccounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EscrowAccounts_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EscrowAccounts_Partners_BankPartnerId",
                        column: x => x.BankPartnerId,
                        principalTable: "Partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponseJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => new { x.PartnerId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "EscrowDeposits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    DepositedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EscrowAccountId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscrowDeposits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EscrowDeposits_EscrowAccounts_EscrowAccountId",
                        column: x => x.EscrowAccountId,
                        principalTable: "EscrowAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Partners_InstitutionCode",
                table: "Partners",
                column: "InstitutionCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Listings_MortgageeCode_MortgageConsent",
                table: "Listings",
                columns: new[] { "MortgageeCode", "MortgageConsent" });

            migrationBuilder.CreateIndex(
                name: "IX_EscrowAccounts_BankPartnerId",
                table: "EscrowAccounts",
                column: "BankPartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_EscrowAccounts_ContractId",
                table: "EscrowAccounts",
                column: "ContractId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EscrowDeposits_EscrowAccountId",
                table: "EscrowDeposits",
                column: "EscrowAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_CreatedAt",
                table: "IdempotencyRecords",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EscrowDeposits");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "EscrowAccounts");

            migrationBuilder.DropIndex(
                name: "IX_Partners_InstitutionCode",
                table: "Partners");

            migrationBuilder.DropIndex(
                name: "IX_Listings_MortgageeCode_MortgageConsent",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "MortgageeCode",
                table: "PropertyRecords");

            migrationBuilder.DropColumn(
                name: "MortgageeName",
                table: "PropertyRecords");

            migrationBuilder.DropColumn(
                name: "InstitutionCode",
                table: "Partners");

            migrationBuilder.DropColumn(
                name: "MortgageAnsweredAt",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "MortgageConsent",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "MortgageRefusalReason",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "MortgageTransfer",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "MortgageeCode",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "MortgageeName",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "OutstandingLoan",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "MortgageeCode",
                table: "EmbeddedProperties");

            migrationBuilder.DropColumn(
                name: "MortgageeName",
                table: "EmbeddedProperties");

            migrationBuilder.DropColumn(
                name: "FundsHeldInEscrow",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "MortgageeName",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "OutstandingLoan",
                table: "Contracts");
        }
    }
}
