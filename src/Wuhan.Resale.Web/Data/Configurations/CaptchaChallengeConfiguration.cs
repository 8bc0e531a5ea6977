using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Wuhan.Resale.Web.Data.Configurations;

internal sealed class CaptchaChallengeConfiguration : IEntityTypeConfiguration<CaptchaChallenge>
{
    public void Configure(EntityTypeBuilder<CaptchaChallenge> builder)
    {
        builder.ToTable("CaptchaChallenges");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.ExpiresAt);
    }
}
