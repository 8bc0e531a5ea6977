using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuhan.Resale.Domain.Messaging;
using Wuhan.Resale.Web.Data.PersonalData;

namespace Wuhan.Resale.Web.Data.Configurations;

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
