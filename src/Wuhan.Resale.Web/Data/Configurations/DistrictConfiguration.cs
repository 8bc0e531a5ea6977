using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuhan.Resale.Domain.Districts;

namespace Wuhan.Resale.Web.Data.Configurations;

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> builder)
    {
        builder.ToTable("Districts");
        builder.HasKey(d => d.Code);
        builder.Property(d => d.Code).HasMaxLength(12);
        builder.Property(d => d.Name).HasMaxLength(40).IsRequired();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.ComplexProperty(d => d.Office, office =>
        {
            office.Property(o => o.Name).HasMaxLength(100);
            office.Property(o => o.Address).HasMaxLength(200);
            office.Property(o => o.Phone).HasMaxLength(40);
            office.Property(o => o.Hours).HasMaxLength(100);
        });
    }
}
