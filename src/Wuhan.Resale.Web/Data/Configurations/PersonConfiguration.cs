using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Web.Data.PersonalData;

namespace Wuhan.Resale.Web.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(PersonName.MaxLength).IsRequired();
        builder.Property(p => p.IdType).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.IdNumber).IsPersonalData().IsRequired();
        builder.Property(p => p.Phone).IsPersonalData().IsRequired();
        builder.HasLookupHash(nameof(Person.IdNumber));

        // The same digits can be valid for two ID types (a passport and a 通行证): identity is the pair.
        builder.HasIndex(nameof(Person.IdType), nameof(Person.IdNumber) + "Hash").IsUnique();
    }
}
