using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Wuhan.Resale.Web.Data.PersonalData;

/// <summary>
/// Carries the personal-data protector in the context's options, so the context needs nothing but its options and can
/// be pooled (a pooled context is built from one options instance and reused across requests).
/// </summary>
internal sealed class PersonalDataOptionsExtension(IPersonalDataProtector protector) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public IPersonalDataProtector Protector { get; } = protector;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    public static void AddTo(DbContextOptionsBuilder options, IPersonalDataProtector protector) =>
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new PersonalDataOptionsExtension(protector));

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => string.Empty;

        // The protector does not change EF's internal services, so every key set shares one internal service provider.
        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
        }
    }
}

internal static class PersonalDataOptionsBuilderExtensions
{
    public static DbContextOptionsBuilder<T> WithPersonalDataProtector<T>(this DbContextOptionsBuilder<T> options, IPersonalDataProtector protector)
        where T : DbContext
    {
        PersonalDataOptionsExtension.AddTo(options, protector);
        return options;
    }
}
