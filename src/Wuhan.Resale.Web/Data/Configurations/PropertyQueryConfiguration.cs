using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.Queries;

namespace Wuhan.Resale.Web.Data.Configurations;

internal sealed class PropertyQueryConfiguration : IEntityTypeConfiguration<PropertyQuery>
{
    public void Configure(EntityTypeBuilder<PropertyQuery> builder)
    {
        builder.ToTable("PropertyQueries");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.QueryNumber).HasMaxLength(40).IsRequired();
        builder.HasIndex(q => q.QueryNumber).IsUnique();
        builder.Property(q => q.ApplicantName).HasMaxLength(PersonName.MaxLength).IsRequired();
        builder.Property(q => q.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(q => q.FailureReason).HasMaxLength(PropertyQuery.MaxFailureReasonLength);
        builder.HasOne<Person>().WithMany().HasForeignKey(q => q.PersonId).OnDelete(DeleteBehavior.Restrict);

        // The page lists a person's queries newest first; the worker claims pending ones oldest first.
        builder.HasIndex(q => new { q.PersonId, q.RequestedAt });
        builder.HasIndex(q => new { q.Status, q.RequestedAt });

        builder.HasMany(q => q.Records).WithOne().HasForeignKey(r => r.QueryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(q => q.Records).HasField("_records").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
