using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.Web.Data.PersonalData;

namespace Wuhan.Resale.Web.Data.Configurations;

internal sealed class PropertyRecordConfiguration : IEntityTypeConfiguration<PropertyRecord>
{
    public void Configure(EntityTypeBuilder<PropertyRecord> builder)
    {
        builder.ToTable("PropertyRecords");
        builder.HasKey(r => r.Id);

        // Ids are made by the domain; a record added to a tracked query must be inserted, not updated.
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Source).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.CertificateNumber).HasMaxLength(80).IsRequired();
        builder.Property(r => r.LandCertificateNumber).HasMaxLength(80);
        builder.Property(r => r.DistrictCode).HasMaxLength(12);
        builder.Property(r => r.Location).HasMaxLength(300).IsRequired();
        builder.Property(r => r.Structure).HasMaxLength(40);
        builder.Property(r => r.DesignPurpose).HasMaxLength(40);
        builder.Property(r => r.RoomType).HasMaxLength(40);
        builder.Property(r => r.BusinessType).HasMaxLength(60).IsRequired();
        builder.Property(r => r.ResultType).HasMaxLength(60).IsRequired();
        builder.Property(r => r.BusinessStatus).HasMaxLength(60).IsRequired();
        builder.Property(r => r.BuildingArea).HasPrecision(12, 2);
        builder.Property(r => r.LandArea).HasPrecision(12, 2);
        builder.Ignore(r => r.Encumbrances);
        builder.Property(r => r.MortgageeCode).HasMaxLength(40);
        builder.Property(r => r.MortgageeName).HasMaxLength(100);
        builder.HasIndex(r => r.CertificateNumber);

        builder.OwnsMany(r => r.Owners, owner =>
        {
            owner.ToTable("PropertyRecordOwners");
            owner.WithOwner().HasForeignKey("PropertyRecordId");
            owner.Property<int>("Id");
            owner.HasKey("Id");
            owner.Property(o => o.Name).HasMaxLength(PersonName.MaxLength).IsRequired();
            owner.Property(o => o.IdType).HasConversion<string>().HasMaxLength(40);
            owner.Property(o => o.IdNumber).IsPersonalData().IsRequired();
            owner.Property(o => o.Share).HasMaxLength(40).IsRequired();
            owner.HasLookupHash(nameof(PropertyOwner.IdNumber));
        });
        builder.Navigation(r => r.Owners).HasField("_owners").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
