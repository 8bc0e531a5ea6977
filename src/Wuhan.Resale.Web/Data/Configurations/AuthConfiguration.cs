using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Web.Data.PersonalData;
using Wuhan.Resale.Web.Features.Captcha;
using Wuhan.Resale.Web.Features.RealNameAuth;

namespace Wuhan.Resale.Web.Data.Configurations;

internal sealed class LoginTicketConfiguration : IEntityTypeConfiguration<LoginTicket>
{
    public void Configure(EntityTypeBuilder<LoginTicket> builder)
    {
        builder.ToTable("LoginTickets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.TokenHash).HasMaxLength(PersonalDataModelExtensions.HashLength).IsRequired();
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.Property(t => t.ClaimSecretHash).HasMaxLength(PersonalDataModelExtensions.HashLength).IsRequired();
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Person>().WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.ExpiresAt);
    }
}

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
