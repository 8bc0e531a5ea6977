using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Web.Data.PersonalData;

namespace Wuhan.Resale.Web.Data.Configurations;

internal sealed class ListingConfiguration : IEntityTypeConfiguration<Listing>
{
    public void Configure(EntityTypeBuilder<Listing> builder)
    {
        builder.ToTable("Listings");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.ListingCode).HasMaxLength(32).IsRequired();
        builder.HasIndex(l => l.ListingCode).IsUnique();
        builder.Property(l => l.CertificateNumber).HasMaxLength(80).IsRequired();
        builder.Property(l => l.LiveCertificateNumber).HasMaxLength(80);

        // At most one live listing per home, even when two verifications race (SQL Server filters out NULLs itself).
        builder.HasIndex(l => l.LiveCertificateNumber).IsUnique();
        builder.Property(l => l.DistrictCode).HasMaxLength(12);
        builder.Property(l => l.RestrictionClass).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.DeterminationNote).HasMaxLength(500);
        builder.Property(l => l.NoticeVersion).HasMaxLength(20).IsRequired();
        builder.Property(l => l.WithdrawalReason).HasMaxLength(Listing.MaxWithdrawalReasonLength);
        builder.Property(l => l.MortgageeCode).HasMaxLength(40);
        builder.Property(l => l.MortgageeName).HasMaxLength(100);
        builder.Property(l => l.MortgageConsent).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.OutstandingLoan).HasPrecision(18, 2);
        builder.Property(l => l.MortgageRefusalReason).HasMaxLength(Listing.MaxMortgageRefusalReasonLength);

        // A bank lists the 带押过户 homes waiting for its answer.
        builder.HasIndex(l => new { l.MortgageeCode, l.MortgageConsent });

        builder.HasOne<Person>().WithMany().HasForeignKey(l => l.SellerPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.Home).WithMany().HasForeignKey(l => l.PropertyRecordId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.SellerPersonId, l.CreatedAt });

        // Staff work the offline queue by district, oldest first.
        builder.HasIndex(l => new { l.Status, l.DistrictCode, l.CreatedAt });

        // Statistics count the listings verified in a date range.
        builder.HasIndex(l => l.CreatedAt);

        builder.OwnsMany(l => l.Buyers, buyer =>
        {
            buyer.ToTable("ListingBuyers");
            buyer.WithOwner().HasForeignKey("ListingId");
            buyer.HasKey(b => b.Id);
            buyer.Property(b => b.Id).ValueGeneratedNever();
            buyer.Property(b => b.Name).HasMaxLength(PersonName.MaxLength).IsRequired();
            buyer.Property(b => b.IdType).HasConversion<string>().HasMaxLength(40);
            buyer.Property(b => b.IdNumber).IsPersonalData().IsRequired();
            buyer.Property(b => b.Phone).IsPersonalData().IsRequired();
            buyer.HasLookupHash(nameof(Buyer.IdNumber));
        });
        builder.Navigation(l => l.Buyers).HasField("_buyers").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
