using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuhan.Resale.Web.Data.PersonalData;

namespace Wuhan.Resale.Web.Data.Configurations;

internal sealed class CaptchaChallengeConfiguration : IEntityTypeConfiguration<CaptchaChallenge>
{
    public void Configure(EntityTypeBuilder<CaptchaChallenge> builder)
    {
        builder.ToTable("CaptchaChallenges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.AnswerHash).HasMaxLength(PersonalDataModelExtensions.HashLength).IsRequired();
        builder.Property(c => c.Image).HasMaxLength(64 * 1024).IsRequired();
        builder.HasIndex(c => c.ExpiresAt);
    }
}
