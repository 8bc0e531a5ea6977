using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Escrow;
using Wuhan.Resale.Domain.Partners;

namespace Wuhan.Resale.Web.Data.Configurations;

internal sealed class EscrowAccountConfiguration : IEntityTypeConfiguration<EscrowAccount>
{
    public void Configure(EntityTypeBuilder<EscrowAccount> builder)
    {
        builder.ToTable("EscrowAccounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();

        // One supervision account per contract, even when two open requests race.
        builder.HasIndex(a => a.ContractId).IsUnique();
        builder.HasOne<Contract>().WithMany().HasForeignKey(a => a.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partner>().WithMany().HasForeignKey(a => a.BankPartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.BankName).HasMaxLength(60).IsRequired();
        builder.Property(a => a.AccountNumber).HasMaxLength(EscrowAccount.MaxAccountNumberLength).IsUnicode(false).IsRequired();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);

        builder.OwnsMany(a => a.Deposits, deposit =>
        {
            deposit.ToTable("EscrowDeposits");
            deposit.WithOwner().HasForeignKey("EscrowAccountId");
            deposit.HasKey(d => d.Id);
            deposit.Property(d => d.Id).ValueGeneratedNever();
        });
        builder.Navigation(a => a.Deposits).HasField("_deposits").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
