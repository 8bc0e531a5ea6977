using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.Queries;
using Wuhan.Resale.Web.Features.ListingVerification;

namespace Wuhan.Resale.Web.Data.Configurations;

internal sealed class NoticeConsentRecordConfiguration : IEntityTypeConfiguration<NoticeConsentRecord>
{
    public void Configure(EntityTypeBuilder<NoticeConsentRecord> builder)
    {
        builder.ToTable("NoticeConsents");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.NoticeVersion).HasMaxLength(20).IsRequired();
        builder.Property(c => c.IpAddress).HasMaxLength(64);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PropertyQuery>().WithMany().HasForeignKey(c => c.QueryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.QueryId, c.PersonId });
    }
}

internal sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<Wuhan.Resale.Web.Features.ContractFiling.NumberSequence>
{
    public void Configure(EntityTypeBuilder<Wuhan.Resale.Web.Features.ContractFiling.NumberSequence> builder)
    {
        builder.ToTable("NumberSequences");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(40);
    }
}
