using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Districts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.Messaging;
using Wuhan.Resale.Domain.Partners;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.Queries;
using Wuhan.Resale.Domain.SignIn;
using Wuhan.Resale.Web.Data.PersonalData;
using Wuhan.Resale.Web.Integrations.Embedded;

namespace Wuhan.Resale.Web.Data;

/// <summary>
/// The one context of the portal: Identity, the domain, the embedded registries and Data Protection keys.
/// Each provider has its own subclass only so that its migrations live apart (see <see cref="SqliteResaleDbContext"/>).
/// </summary>
public class ResaleDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    /// <summary>Shadow concurrency token of every aggregate root, renewed on each save.</summary>
    public const string VersionProperty = "Version";

    private readonly IPersonalDataProtector _protector;

    protected ResaleDbContext(DbContextOptions options, IPersonalDataProtector protector) : base(options)
    {
        _protector = protector;
    }

    /// <summary>For pooling: the protector comes with the options (<see cref="PersonalDataOptionsExtension"/>).</summary>
    protected ResaleDbContext(DbContextOptions options)
        : this(options, options?.FindExtension<PersonalDataOptionsExtension>()?.Protector
            ?? throw new InvalidOperationException("The context's options carry no personal-data protector."))
    {
    }

    internal IPersonalDataProtector Protector => _protector;

    public DbSet<Person> People => Set<Person>();

    public DbSet<PropertyQuery> PropertyQueries => Set<PropertyQuery>();

    public DbSet<Listing> Listings => Set<Listing>();

    public DbSet<Contract> Contracts => Set<Contract>();

    public DbSet<District> Districts => Set<District>();

    public DbSet<RestrictionPolicy> RestrictionPolicies => Set<RestrictionPolicy>();

    public DbSet<SmsMessage> SmsMessages => Set<SmsMessage>();

    public DbSet<VerificationCode> VerificationCodes => Set<VerificationCode>();

    public DbSet<PartyConfirmation> PartyConfirmations => Set<PartyConfirmation>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<EmbeddedCitizen> EmbeddedCitizens => Set<EmbeddedCitizen>();

    public DbSet<EmbeddedProperty> EmbeddedProperties => Set<EmbeddedProperty>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<LoginTicket> LoginTickets => Set<LoginTicket>();

    public DbSet<CaptchaChallenge> CaptchaChallenges => Set<CaptchaChallenge>();

    public DbSet<NoticeConsent> NoticeConsents => Set<NoticeConsent>();

    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();

    public DbSet<Partner> Partners => Set<Partner>();

    public DbSet<Domain.Escrow.EscrowAccount> EscrowAccounts => Set<Domain.Escrow.EscrowAccount>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<RateCounter> RateCounters => Set<RateCounter>();

    public DbSet<JobLease> JobLeases => Set<JobLease>();

    public DbSet<Domain.Bookings.OfficeVisit> OfficeVisits => Set<Domain.Bookings.OfficeVisit>();

    public DbSet<Domain.Bookings.OfficeVisitCapacity> OfficeVisitCapacities => Set<Domain.Bookings.OfficeVisitCapacity>();

    /// <summary>
    /// A keyed hash under the stable key, for codes, tickets and link subjects: never rotated, so a value hashed before a
    /// key rotation is found after it. Stored ID and phone numbers are searched by <see cref="PersonalDataHashes"/>.
    /// </summary>
    public string LookupHash(string plainValue) => _protector.Hash(plainValue);

    /// <summary>
    /// The hashes to find a stored ID or phone number by (the "…Hash" columns): one per key pair in use, the current
    /// first; more than one only while a key rotation is under way (README, 密钥轮换).
    /// </summary>
    public IReadOnlyList<string> PersonalDataHashes(string plainValue) => _protector.PersonalDataHashes(plainValue);

    /// <summary>The keyed hash of a secret (API key, link token) exactly as given: another letter case is another secret.</summary>
    public string SecretHash(string secret) => _protector.HashExact(secret);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareForSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareForSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ResaleDbContext).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes()
                     .Where(t => typeof(IAggregateRoot).IsAssignableFrom(t.ClrType) && !t.IsOwned()))
        {
            builder.Entity(entityType.ClrType).Property<Guid>(VersionProperty).IsConcurrencyToken();
        }

        builder.ApplyPersonalDataEncryption(_protector);
        builder.RequireHashesOfRequiredValues();

        if (Database.IsSqlServer())
        {
            SqlServerStorage.Apply(builder);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Times are stored as UTC ticks on SQLite (which cannot order DateTimeOffset text), natively on SQL Server, and as
        // timestamptz on PostgreSQL, which holds an instant without its offset: Npgsql writes only UTC values, so every
        // time is turned to UTC on the way in (and reads back as UTC, the same instant).
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcBinaryDateTimeOffsetConverter>();
        }
        else if (Database.IsNpgsql())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();

            // Text compares and sorts by code point, as on SQLite, whatever the cluster's locale (zh_CN.UTF-8 would
            // order names by pinyin and break the audit log's prefix ranges); "C" also lets LIKE 'x%' use an index.
            configurationBuilder.Properties<string>().UseCollation("C");
        }

        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    private void PrepareForSave()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            if (entry.Entity is IAggregateRoot && entry.Metadata.FindProperty(VersionProperty) is not null)
            {
                entry.Property(VersionProperty).CurrentValue = Guid.NewGuid();
            }

            foreach (var (hash, source) in entry.Metadata.LookupHashes())
            {
                var plain = entry.Property(source).CurrentValue as string;
                entry.Property(hash.Name).CurrentValue = plain is null ? null : _protector.PersonalDataHash(plain);
            }
        }
    }
}

/// <summary>The embedded default on a fresh machine; migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteResaleDbContext : ResaleDbContext
{
    public SqliteResaleDbContext(DbContextOptions<SqliteResaleDbContext> options) : base(options)
    {
    }
}

/// <summary>Production; migrations in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerResaleDbContext : ResaleDbContext
{
    public SqlServerResaleDbContext(DbContextOptions<SqlServerResaleDbContext> options) : base(options)
    {
    }
}

/// <summary>A PostgreSQL deployment (also the 信创 databases that speak its protocol); migrations in Data/Migrations/PostgreSql.</summary>
public sealed class PostgreSqlResaleDbContext : ResaleDbContext
{
    public PostgreSqlResaleDbContext(DbContextOptions<PostgreSqlResaleDbContext> options) : base(options)
    {
    }
}

/// <summary>Any offset in, UTC out: the same instant, in the only form PostgreSQL's timestamptz accepts from Npgsql.</summary>
internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v.ToUniversalTime());

/// <summary>
/// SQLite's time column: an integer that orders as the instant does. EF Core's binary converter packs the clock time
/// (not the UTC time) with the offset in the low 11 bits, so 10:00+08:00 would sort after 03:00Z; turning every value to
/// UTC first keeps the order of instants whatever offset a caller used. The portal has always written UTC values, which
/// this stores exactly as before (offset bits 0); a value with an offset written by an older build still reads back as
/// its instant.
/// </summary>
internal sealed class UtcBinaryDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, long>(
    v => (v.UtcTicks / 1000) << 11,
    v => new DateTimeOffset(new DateTime((v >> 11) * 1000, DateTimeKind.Unspecified), TimeSpan.FromMinutes((v << 53) >> 53)).ToUniversalTime());

/// <summary>Keeps one cached model per context type and key set: the converters capture the protector.</summary>
internal sealed class ResaleModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is ResaleDbContext resale
            ? (context.GetType(), resale.Protector.KeyId, designTime)
            : (object)(context.GetType(), designTime);
}
