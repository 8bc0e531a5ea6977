using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuhan.Resale.Domain.Messaging;
using Wuhan.Resale.Web.Data.PersonalData;

namespace Wuhan.Resale.Web.Data.Configurations;

internal sealed class SmsMessageConfiguration : IEntityTypeConfiguration<SmsMessage>
{
    public void Configure(EntityTypeBuilder<SmsMessage> builder)
    {
        builder.ToTable("SmsMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Phone).IsPersonalData().IsRequired();
        builder.HasLookupHash(nameof(SmsMessage.Phone));
        builder.Property(m => m.Text).HasMaxLength(SmsMessage.MaxTextLength).IsRequired();
        builder.Property(m => m.Purpose).HasMaxLength(40).IsRequired();
        builder.HasIndex(m => m.CreatedAt);
    }
}
