using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuhan.Resale.Web.Data.PersonalData;
using Wuhan.Resale.Web.Integrations.Embedded;

namespace Wuhan.Resale.Web.Data.Configurations;

internal sealed class EmbeddedPropertyConfiguration : IEntityTypeConfiguration<EmbeddedProperty>
{
    public void Configure(EntityTypeBuilder<EmbeddedProperty> builder)
    {
        builder.ToTable("EmbeddedProperties");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Key).HasMaxLength(60).IsRequired();
        builder.HasIndex(p => p.Key).IsUnique();
        builder.Property(p => p.CertificateNumber).HasMaxLength(80).IsRequired();
        builder.HasIndex(p => p.CertificateNumber).IsUnique();
        builder.Property(p => p.LandCertificateNumber).HasMaxLength(80);
        builder.Property(p => p.DistrictCode).HasMaxLength(12);
        builder.Property(p => p.Location).HasMaxLength(300).IsRequired();
        builder.Property(p => p.Structure).HasMaxLength(40);
        builder.Property(p => p.DesignPurpose).HasMaxLength(40);
        builder.Property(p => p.RoomType).HasMaxLength(40);
        builder.Property(p => p.MortgageeCode).HasMaxLength(40);
        builder.Property(p => p.MortgageeName).HasMaxLength(100);
        builder.Property(p => p.BusinessType).HasMaxLength(60).IsRequired();
        builder.Property(p => p.ResultType).HasMaxLength(60).IsRequired();
        builder.Property(p => p.BusinessStatus).HasMaxLength(60).IsRequired();
        builder.Property(p => p.BuildingArea).HasPrecision(12, 2);
        builder.Property(p => p.LandArea).HasPrecision(12, 2);
        builder.OwnsMany(p => p.Owners, owner =>
        {
            owner.ToTable("EmbeddedPropertyOwners");
            owner.WithOwner().HasForeignKey("EmbeddedPropertyId");
            owner.Property<int>("Id");
            owner.HasKey("Id");
            owner.Property(o => o.Name).HasMaxLength(50).IsRequired();
            owner.Property(o => o.IdType).HasConversion<string>().HasMaxLength(40);
            owner.Property(o => o.IdNumber).IsPersonalData().IsRequired();
            owner.Property(o => o.Share).HasMaxLength(40).IsRequired();
            owner.HasLookupHash(nameof(EmbeddedPropertyOwner.IdNumber));
        });
    }
}
