using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuhan.Resale.Domain.Districts;

namespace Wuhan.Resale.Web.Data.Configurations;

internal sealed class RestrictionPolicyConfiguration : IEntityTypeConfiguration<RestrictionPolicy>
{
    public void Configure(EntityTypeBuilder<RestrictionPolicy> builder)
    {
        builder.ToTable("RestrictionPolicies");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.DistrictCode).HasMaxLength(12).IsRequired();
        builder.Property(p => p.Note).HasMaxLength(200);
        builder.HasOne<District>().WithMany().HasForeignKey(p => p.DistrictCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.DistrictCode, p.EffectiveFrom }).IsUnique();
    }
}
