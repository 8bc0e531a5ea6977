using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.Queries;

namespace Wuhan.Resale.Web.Data.Configurations;

internal sealed class NoticeConsentConfiguration : IEntityTypeConfiguration<NoticeConsent>
{
    public void Configure(EntityTypeBuilder<NoticeConsent> builder)
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
