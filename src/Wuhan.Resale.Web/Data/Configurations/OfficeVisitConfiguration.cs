using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuhan.Resale.Domain.Bookings;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.People;

namespace Wuhan.Resale.Web.Data.Configurations;

internal sealed class OfficeVisitConfiguration : IEntityTypeConfiguration<OfficeVisit>
{
    public void Configure(EntityTypeBuilder<OfficeVisit> builder)
    {
        builder.ToTable("OfficeVisits");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.DistrictCode).HasMaxLength(12).IsRequired();
        builder.Property(v => v.HalfDay).HasConversion<string>().HasMaxLength(12);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(12);
        builder.HasOne<Listing>().WithMany().HasForeignKey(v => v.ListingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(v => v.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.DistrictCode, v.Date, v.HalfDay });
        builder.HasIndex(v => v.ListingId);
    }
}
