using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuhan.Resale.Domain.Auditing;
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

internal sealed class VerificationCodeConfiguration : IEntityTypeConfiguration<VerificationCode>
{
    public void Configure(EntityTypeBuilder<VerificationCode> builder)
    {
        builder.ToTable("VerificationCodes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Purpose).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Subject).HasMaxLength(100).IsRequired();
        builder.Property(c => c.PhoneHash).HasMaxLength(PersonalDataModelExtensions.HashLength).IsRequired();
        builder.Property(c => c.CodeHash).HasMaxLength(PersonalDataModelExtensions.HashLength).IsRequired();
        builder.Ignore(c => c.IsVoid);

        // The latest code for a purpose and subject; the daily count per phone.
        builder.HasIndex(c => new { c.Purpose, c.Subject, c.CreatedAt });
        builder.HasIndex(c => new { c.PhoneHash, c.CreatedAt });
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ActorKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ActorId).HasMaxLength(64);
        builder.Property(e => e.ActorName).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(60).IsRequired();
        builder.Property(e => e.EntityType).HasMaxLength(40);
        builder.Property(e => e.EntityId).HasMaxLength(64);
        builder.Property(e => e.Detail).HasMaxLength(AuditEvent.MaxDetailLength);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.Property(e => e.TraceId).HasMaxLength(64);
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.EntityType, e.EntityId, e.OccurredAt });
        builder.HasIndex(e => new { e.ActorId, e.OccurredAt });
        builder.HasIndex(e => new { e.Action, e.OccurredAt });
    }
}
