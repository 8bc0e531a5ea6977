using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Wuhan.Resale.Web.Data.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyRecords");

        // The key itself is the guard: two instances racing with one key cannot both insert it.
        builder.HasKey(r => new { r.PartnerId, r.Key });
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.MaxKeyLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64).IsUnicode(false).IsRequired();
        builder.Property(r => r.ResponseJson).IsRequired();
        builder.HasIndex(r => r.CreatedAt);
    }
}
