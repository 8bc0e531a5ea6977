using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.SignIn;
using Wuhan.Resale.Web.Data.PersonalData;

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
        builder.Property(t => t.DesktopBrowser).HasMaxLength(60);
        builder.Property(t => t.DesktopAddress).HasMaxLength(45);
        builder.HasOne<Person>().WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.ExpiresAt);
    }
}
