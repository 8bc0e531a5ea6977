using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuhan.Resale.Domain.Partners;
using Wuhan.Resale.Web.Data.PersonalData;

namespace Wuhan.Resale.Web.Data.Configurations;

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.ToTable("Partners");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(60).IsRequired();
        builder.HasIndex(p => p.Name).IsUnique();
        builder.Property(p => p.Department).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.KeyHash).HasMaxLength(PersonalDataModelExtensions.HashLength).IsRequired();
        builder.HasIndex(p => p.KeyHash).IsUnique();
        builder.Ignore(p => p.MayRecordRegistration);
        builder.Property(p => p.InstitutionCode).HasMaxLength(40);
        builder.HasIndex(p => p.InstitutionCode).IsUnique();
    }
}
