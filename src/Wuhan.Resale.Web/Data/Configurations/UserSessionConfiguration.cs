using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Wuhan.Resale.Web.Data.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.EndReason).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.UserAgent).HasMaxLength(UserSession.UserAgentLength);
        builder.Property(s => s.ClientAddress).HasMaxLength(UserSession.ClientAddressLength);

        // Ending every session of an account and listing one's own read by user; the clean-up at sign-in by last-seen.
        builder.HasIndex(s => new { s.UserId, s.EndedAt });
        builder.HasIndex(s => s.LastSeenAt);

        // Every instance asks every few seconds which sessions have just ended (SessionEndWatcher).
        builder.HasIndex(s => s.EndedAt);
    }
}
