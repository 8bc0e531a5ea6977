using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wuhan.Resale.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContractClausesAndSuppliedFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Terms_BuyerServiceAddress",
                table: "Contracts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Terms_DepositCountsTowardPrice",
                table: "Contracts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Terms_IsLet",
                table: "Contracts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Terms_LeaseEndsOn",
                table: "Contracts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Terms_LeaseHandling",
                table: "Contracts",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Terms_LoanRefusal",
                table: "Contracts",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Terms_MaintenanceFund",
                table: "Contracts",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Terms_SellerServiceAddress",
                table: "Contracts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Terms_Supplied_CertificateIssuedOn",
                table: "Contracts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Terms_Supplied_Floor",
                table: "Contracts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Terms_Supplied_LandArea",
                table: "Contracts",
                type: "TEXT",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Terms_Supplied_RoomType",
                table: "Contracts",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Terms_Supplied_Structure",
                table: "Contracts",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Terms_Supplied_TotalFloors",
                table: "Contracts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Terms_TransferRegistrationWithinDays",
                table: "Contracts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Terms_UtilitiesTransferDays",
                table: "Contracts",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Terms_BuyerServiceAddress",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "Terms_DepositCountsTowardPrice",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "Terms_IsLet",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "Terms_LeaseEndsOn",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "Terms_LeaseHandling",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "Terms_LoanRefusal",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "Terms_MaintenanceFund",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "Terms_SellerServiceAddress",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "Terms_Supplied_CertificateIssuedOn",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "Terms_Supplied_Floor",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "Terms_Supplied_LandArea",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "Terms_Supplied_RoomType",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "Terms_Supplied_Structure",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "Terms_Supplied_TotalFloors",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "Terms_TransferRegistrationWithinDays",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "Terms_UtilitiesTransferDays",
                table: "Contracts");
        }
    }
}
