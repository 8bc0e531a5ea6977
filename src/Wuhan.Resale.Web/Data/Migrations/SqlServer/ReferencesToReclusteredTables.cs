using Microsoft.EntityFrameworkCore.Migrations;

namespace Wuhan.Resale.Web.Data.Migrations.SqlServer;

/// <summary>
/// The foreign keys that point at People, PropertyQueries, Listings and Contracts. SQL Server refuses to drop a primary
/// key that a foreign key references, and EF Core's scaffolding does not drop them when a key only changes from
/// clustered to non-clustered; <see cref="SqlServerStorageLayout"/> drops them first and adds them back afterwards,
/// exactly as they were.
/// </summary>
internal static class ReferencesToReclusteredTables
{
    private static readonly (string Name, string Table, string Column, string Principal, ReferentialAction OnDelete)[] ForeignKeys =
    [
        ("FK_AspNetUsers_People_PersonId", "AspNetUsers", "PersonId", "People", ReferentialAction.NoAction),
        ("FK_LoginTickets_People_PersonId", "LoginTickets", "PersonId", "People", ReferentialAction.Cascade),
        ("FK_PropertyQueries_People_PersonId", "PropertyQueries", "PersonId", "People", ReferentialAction.NoAction),
        ("FK_NoticeConsents_People_PersonId", "NoticeConsents", "PersonId", "People", ReferentialAction.NoAction),
        ("FK_NoticeConsents_PropertyQueries_QueryId", "NoticeConsents", "QueryId", "PropertyQueries", ReferentialAction.Cascade),
        ("FK_PropertyRecords_PropertyQueries_QueryId", "PropertyRecords", "QueryId", "PropertyQueries", ReferentialAction.Cascade),
        ("FK_Listings_People_SellerPersonId", "Listings", "SellerPersonId", "People", ReferentialAction.NoAction),
        ("FK_Contracts_Listings_ListingId", "Contracts", "ListingId", "Listings", ReferentialAction.NoAction),
        ("FK_Contracts_People_SellerPersonId", "Contracts", "SellerPersonId", "People", ReferentialAction.NoAction),
        ("FK_ListingBuyers_Listings_ListingId", "ListingBuyers", "ListingId", "Listings", ReferentialAction.Cascade),
        ("FK_ContractParties_Contracts_ContractId", "ContractParties", "ContractId", "Contracts", ReferentialAction.Cascade),
        ("FK_ContractPaymentInstallments_Contracts_ContractId", "ContractPaymentInstallments", "ContractId", "Contracts", ReferentialAction.Cascade),
        ("FK_PartyConfirmations_Contracts_ContractId", "PartyConfirmations", "ContractId", "Contracts", ReferentialAction.Cascade),
        ("FK_OfficeVisits_Listings_ListingId", "OfficeVisits", "ListingId", "Listings", ReferentialAction.NoAction),
        ("FK_OfficeVisits_People_PersonId", "OfficeVisits", "PersonId", "People", ReferentialAction.NoAction),
    ];

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        foreach (var fk in ForeignKeys)
        {
            migrationBuilder.DropForeignKey(name: fk.Name, table: fk.Table);
        }
    }

    public static void AddBack(MigrationBuilder migrationBuilder)
    {
        foreach (var fk in ForeignKeys)
        {
            migrationBuilder.AddForeignKey(
                name: fk.Name, table: fk.Table, column: fk.Column, principalTable: fk.Principal, principalColumn: "Id", onDelete: fk.OnDelete);
        }
    }
}
