using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Web.Data.PersonalData;

namespace Wuhan.Resale.Web.Data.Configurations;

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> builder)
    {
        builder.ToTable("Contracts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.ContractNumber).HasMaxLength(40);
        builder.HasIndex(c => c.ContractNumber).IsUnique();
        builder.Property(c => c.VerificationToken).HasMaxLength(64);
        builder.Property(c => c.FiledContentHash).HasMaxLength(64);
        builder.HasIndex(c => c.VerificationToken).IsUnique();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.RevokedBy).HasMaxLength(100);
        builder.Property(c => c.CounterClerkName).HasMaxLength(100);

        builder.HasOne<Listing>().WithMany().HasForeignKey(c => c.ListingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.SellerPersonId).OnDelete(DeleteBehavior.Restrict);
        // One contract per listing: a revoked filing releases the listing and a new verification starts afresh.
        builder.HasIndex(c => c.ListingId).IsUnique();
        builder.HasIndex(c => new { c.SellerPersonId, c.CreatedAt });

        // Statistics and staff lists filter by state and date.
        builder.HasIndex(c => new { c.Status, c.FiledAt });

        // Statistics count each kind of event on its own date column, one range each.
        builder.HasIndex(c => c.FiledAt);
        builder.HasIndex(c => c.RevokedAt);
        builder.HasIndex(c => c.RegisteredAt);

        builder.ComplexProperty(c => c.Terms, terms =>
        {
            terms.Property(t => t.SellerAgentName).HasMaxLength(PersonName.MaxLength);
            terms.Property(t => t.SellerAgentIdNumber).IsPersonalData();
            terms.Property(t => t.BuyerAgentName).HasMaxLength(PersonName.MaxLength);
            terms.Property(t => t.BuyerAgentIdNumber).IsPersonalData();
            terms.Property(t => t.AttachedFacilities).HasMaxLength(ContractTerms.MaxFreeTextLength);
            terms.Property(t => t.PaymentMethod).HasConversion<string>().HasMaxLength(30);
            terms.Property(t => t.DeliveryConditions).HasMaxLength(ContractTerms.MaxFreeTextLength);
            terms.Property(t => t.TaxBearer).HasConversion<string>().HasMaxLength(30);
            terms.Property(t => t.LatePaymentDailyRate).HasPrecision(9, 4);
            terms.Property(t => t.LateDeliveryDailyRate).HasPrecision(9, 4);
            terms.Property(t => t.DisputeResolution).HasConversion<string>().HasMaxLength(30);
            terms.Property(t => t.ArbitrationCommission).HasMaxLength(100);
            terms.Property(t => t.OtherTerms).HasMaxLength(ContractTerms.MaxFreeTextLength);
            terms.Property(t => t.SellerServiceAddress).HasMaxLength(ContractCompleteness.MaxAddressLength);
            terms.Property(t => t.BuyerServiceAddress).HasMaxLength(ContractCompleteness.MaxAddressLength);
            terms.Property(t => t.LeaseHandling).HasConversion<string>().HasMaxLength(30);
            terms.Property(t => t.LoanRefusal).HasConversion<string>().HasMaxLength(30);
            terms.Property(t => t.MaintenanceFund).HasConversion<string>().HasMaxLength(30);
            terms.ComplexProperty(t => t.Supplied, supplied =>
            {
                supplied.Property(f => f.Structure).HasMaxLength(SuppliedHomeFacts.MaxTextLength);
                supplied.Property(f => f.LandArea).HasPrecision(12, 2);
                supplied.Property(f => f.RoomType).HasMaxLength(SuppliedHomeFacts.MaxTextLength);
                supplied.Ignore(f => f.IsEmpty);
            });
        });

        builder.OwnsMany(c => c.Schedule, installment =>
        {
            installment.ToTable("ContractPaymentInstallments");
            installment.WithOwner().HasForeignKey("ContractId");
            installment.Property<int>("Id");
            installment.HasKey("Id");
            installment.Property(i => i.Description).HasMaxLength(200).IsRequired();
        });
        builder.Navigation(c => c.Schedule).HasField("_schedule").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(c => c.Parties, party =>
        {
            party.ToTable("ContractParties");
            party.WithOwner().HasForeignKey("ContractId");
            party.HasKey(p => p.Id);
            party.Property(p => p.Id).ValueGeneratedNever();
            party.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
            party.Property(p => p.Name).HasMaxLength(PersonName.MaxLength).IsRequired();
            party.Property(p => p.IdType).HasConversion<string>().HasMaxLength(40);
            party.Property(p => p.IdNumber).IsPersonalData().IsRequired();
            party.Property(p => p.Phone).IsPersonalData().IsRequired();
            party.Property(p => p.Share).HasMaxLength(40);
            party.HasLookupHash(nameof(ContractParty.IdNumber));
        });
        builder.Navigation(c => c.Parties).HasField("_parties").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
