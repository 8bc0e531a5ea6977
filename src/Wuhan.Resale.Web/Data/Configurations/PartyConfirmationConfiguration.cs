using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Web.Data.PersonalData;

namespace Wuhan.Resale.Web.Data.Configurations;

internal sealed class PartyConfirmationConfiguration : IEntityTypeConfiguration<PartyConfirmation>
{
    public void Configure(EntityTypeBuilder<PartyConfirmation> builder)
    {
        builder.ToTable("PartyConfirmations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.TokenHash).HasMaxLength(PersonalDataModelExtensions.HashLength).IsRequired();
        builder.Property(c => c.PartyKey).HasMaxLength(PersonalDataModelExtensions.HashLength).IsRequired();
        builder.Property(c => c.PhoneHash).HasMaxLength(PersonalDataModelExtensions.HashLength).IsRequired();
        builder.Property(c => c.ContentHash).HasMaxLength(64).IsRequired();
        builder.HasOne<Contract>().WithMany().HasForeignKey(c => c.ContractId).OnDelete(DeleteBehavior.Cascade);

        // The link opens by its token; the filing page reads a contract's confirmations.
        builder.HasIndex(c => c.TokenHash).IsUnique();
        builder.HasIndex(c => new { c.ContractId, c.CreatedAt });
    }
}
