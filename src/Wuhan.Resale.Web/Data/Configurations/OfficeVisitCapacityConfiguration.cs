using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuhan.Resale.Domain.Bookings;

namespace Wuhan.Resale.Web.Data.Configurations;

internal sealed class OfficeVisitCapacityConfiguration : IEntityTypeConfiguration<OfficeVisitCapacity>
{
    public void Configure(EntityTypeBuilder<OfficeVisitCapacity> builder)
    {
        builder.ToTable("OfficeVisitCapacities");
        builder.HasKey(c => c.DistrictCode);
        builder.Property(c => c.DistrictCode).HasMaxLength(12);
    }
}
