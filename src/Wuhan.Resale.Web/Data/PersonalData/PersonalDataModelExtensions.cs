using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Wuhan.Resale.Web.Data.PersonalData;

/// <summary>
/// Marks ID and phone number columns in entity configurations. The context then encrypts every marked column
/// and keeps a keyed-hash column ("…Hash") beside those that are looked up, filled on every save.
/// </summary>
public static class PersonalDataModelExtensions
{
    public const string EncryptedAnnotation = "Resale:PersonalData";
    public const string HashOfAnnotation = "Resale:PersonalDataHashOf";

    /// <summary>Encrypted text needs room for nonce, tag and base64: 256 characters covers every ID and phone.</summary>
    public const int EncryptedMaxLength = 256;

    public const int HashLength = 64;

    public static PropertyBuilder<T> IsPersonalData<T>(this PropertyBuilder<T> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.HasMaxLength(EncryptedMaxLength).HasAnnotation(EncryptedAnnotation, true);
    }

    public static ComplexTypePropertyBuilder<T> IsPersonalData<T>(this ComplexTypePropertyBuilder<T> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.HasMaxLength(EncryptedMaxLength).HasAnnotation(EncryptedAnnotation, true);
    }

    /// <summary>Adds the shadow "{name}Hash" column, indexed, kept equal to the keyed hash of the plain value.</summary>
    public static void HasLookupHash<T>(this EntityTypeBuilder<T> entity, string propertyName, bool unique = false)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        var hashName = propertyName + "Hash";
        entity.Property<string>(hashName).HasMaxLength(HashLength).IsFixedLength(false)
            .HasAnnotation(HashOfAnnotation, propertyName);
        entity.HasIndex(hashName).IsUnique(unique);
    }

    public static void HasLookupHash<TOwner, TDependent>(this OwnedNavigationBuilder<TOwner, TDependent> owned, string propertyName)
        where TOwner : class
        where TDependent : class
    {
        ArgumentNullException.ThrowIfNull(owned);
        var hashName = propertyName + "Hash";
        owned.Property<string>(hashName).HasMaxLength(HashLength).HasAnnotation(HashOfAnnotation, propertyName);
        owned.HasIndex(hashName);
    }

    /// <summary>Attaches the encrypting converter to every marked property; called at the end of OnModelCreating.</summary>
    internal static void ApplyPersonalDataEncryption(this ModelBuilder modelBuilder, IPersonalDataProtector protector)
    {
        var converter = new ValueConverter<string, string>(
            plain => protector.Encrypt(plain),
            stored => protector.Decrypt(stored));

        var properties = modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
            .Concat(modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetComplexProperties())
                .SelectMany(c => c.ComplexType.GetProperties()));
        foreach (var property in properties)
        {
            if (property.FindAnnotation(EncryptedAnnotation)?.Value is true)
            {
                property.SetValueConverter(converter);
            }
        }
    }

    /// <summary>
    /// A look-up hash is NOT NULL wherever its value is required: the context fills it on every save, and a NULL there
    /// would slip past a unique index (SQL Server filters NULLs out of unique indexes on nullable columns). Called at
    /// the end of OnModelCreating, once every property's nullability is known.
    /// </summary>
    internal static void RequireHashesOfRequiredValues(this ModelBuilder modelBuilder)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var hash in entityType.GetProperties().ToList())
            {
                if (hash.FindAnnotation(HashOfAnnotation)?.Value is string source
                    && entityType.FindProperty(source) is { IsNullable: false })
                {
                    hash.IsNullable = false;
                }
            }
        }
    }

    internal static IEnumerable<(IProperty Hash, string Source)> LookupHashes(this IEntityType entityType) =>
        entityType.GetProperties()
            .Select(p => (Hash: p, Source: p.FindAnnotation(HashOfAnnotation)?.Value as string))
            .Where(x => x.Source is not null)
            .Select(x => (x.Hash, x.Source!));
}
