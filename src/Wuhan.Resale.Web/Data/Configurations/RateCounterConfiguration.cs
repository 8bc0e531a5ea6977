using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Wuhan.Resale.Web.Data.Configurations;

internal sealed class RateCounterConfiguration : IEntityTypeConfiguration<RateCounter>
{
    public void Configure(EntityTypeBuilder<RateCounter> builder)
    {
        builder.ToTable("RateCounters");
        builder.HasKey(c => new { c.Key, c.WindowStart });
        builder.Property(c => c.Key).HasMaxLength(RateCounter.KeyLength).IsUnicode(false);
        builder.HasIndex(c => c.ExpiresAt);
    }
}
