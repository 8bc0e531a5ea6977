using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuhan.Resale.Web.Data.PersonalData;
using Wuhan.Resale.Web.Integrations.Embedded;

namespace Wuhan.Resale.Web.Data.Configurations;

internal sealed class EmbeddedCitizenConfiguration : IEntityTypeConfiguration<EmbeddedCitizen>
{
    public void Configure(EntityTypeBuilder<EmbeddedCitizen> builder)
    {
        builder.ToTable("EmbeddedCitizens");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Key).HasMaxLength(60).IsRequired();
        builder.HasIndex(c => c.Key).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(50).IsRequired();
        builder.Property(c => c.IdType).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.IdNumber).IsPersonalData().IsRequired();
        builder.Property(c => c.Phone).IsPersonalData().IsRequired();
        builder.HasLookupHash(nameof(EmbeddedCitizen.IdNumber));
    }
}
