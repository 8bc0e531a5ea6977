using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.Messaging;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.Queries;
using Wuhan.Resale.Domain.SignIn;
using Wuhan.Resale.Web.Data.PersonalData;

namespace Wuhan.Resale.Web.Data;

/// <summary>
/// How the tables are laid out on SQL Server, for ten years of a city's rows (README, "SQL Server: collation and
/// sizing"). Applied to the SQL Server context only; SQLite and PostgreSQL keep their own defaults.
/// <list type="bullet">
/// <item>The busy tables are clustered on their time then their id, with a non-clustered primary key. SQL Server orders
/// a <c>uniqueidentifier</c> by its last bytes, so clustering on a version-7 GUID would insert at random places and
/// split pages; time then id appends at the end, and the retention job's deletes of the oldest rows take whole pages.</item>
/// <item>Text people type or read (names, addresses, reasons) takes the database's collation, which must be a Chinese
/// collation with supplementary characters, <see cref="TextCollation"/> (the database is created with it: README and
/// docker-compose), so a rare character of a name (生僻字 beyond the BMP) is one character, not two halves. It is not
/// set per column: every column then shares it, and no comparison between two columns can meet two collations.</item>
/// <item>Codes, tokens and keyed hashes compare by code point (<see cref="CodeCollation"/>), exactly as with the "C"
/// collation on PostgreSQL and SQLite's default: 'ab12' and 'AB12' are two tokens everywhere. Columns of the same name
/// get the same collation in every table, so joins between them (a certificate number, an owner's ID hash) agree.
/// Key and foreign-key columns keep the database's collation (SQL Server cannot change it under a constraint).</item>
/// <item>Ciphertexts are ASCII (base64 behind a version prefix): <c>varchar</c>, half the bytes of <c>nvarchar</c>.</item>
/// </list>
/// </summary>
internal static class SqlServerStorage
{
    public const string TextCollation = "Chinese_PRC_90_CI_AS_SC";

    public const string CodeCollation = "Latin1_General_100_BIN2";

    /// <summary>Tables that grow every day, and the time each is clustered on.</summary>
    private static readonly (Type Entity, string Time)[] ClusteredByTime =
    [
        (typeof(AuditEvent), nameof(AuditEvent.OccurredAt)),
        (typeof(SmsMessage), nameof(SmsMessage.CreatedAt)),
        (typeof(VerificationCode), nameof(VerificationCode.CreatedAt)),
        (typeof(LoginTicket), nameof(LoginTicket.CreatedAt)),
        (typeof(PropertyQuery), nameof(PropertyQuery.RequestedAt)),
        (typeof(PartyConfirmation), nameof(PartyConfirmation.CreatedAt)),
        (typeof(NoticeConsent), nameof(NoticeConsent.ConsentedAt)),
        (typeof(Listing), nameof(Listing.CreatedAt)),
        (typeof(Contract), nameof(Contract.CreatedAt)),
        (typeof(Person), nameof(Person.CreatedAt)),
        (typeof(UserSession), nameof(UserSession.CreatedAt)),
    ];

    /// <summary>Text columns that hold an identifier compared exactly, whatever table they are in.</summary>
    private static readonly HashSet<string> CodeColumns = new(StringComparer.Ordinal)
    {
        nameof(Listing.ListingCode),
        nameof(Listing.CertificateNumber),
        nameof(Listing.LiveCertificateNumber),
        "LandCertificateNumber",
        nameof(PropertyQuery.QueryNumber),
        nameof(Contract.ContractNumber),
        nameof(Contract.VerificationToken),
        "Key",
    };

    internal static void Apply(ModelBuilder builder)
    {
        foreach (var (entity, time) in ClusteredByTime)
        {
            var type = builder.Entity(entity);
            type.HasKey("Id").IsClustered(false);
            type.HasIndex(time, "Id").IsClustered();
        }

        foreach (var property in builder.Model.GetEntityTypes().SelectMany(AllProperties)
                     .Where(p => p.ClrType == typeof(string) && !p.IsKey() && !p.IsForeignKey()))
        {
            var encrypted = property.FindAnnotation(PersonalDataModelExtensions.EncryptedAnnotation)?.Value is true;
            var hash = property.Name.EndsWith("Hash", StringComparison.Ordinal)
                       || property.FindAnnotation(PersonalDataModelExtensions.HashOfAnnotation) is not null;
            if (encrypted || hash)
            {
                property.SetIsUnicode(false);
                property.SetCollation(CodeCollation);
            }
            else if (CodeColumns.Contains(property.Name))
            {
                property.SetCollation(CodeCollation);
            }
        }
    }

    private static IEnumerable<IMutableProperty> AllProperties(IMutableEntityType entityType) =>
        entityType.GetDeclaredProperties().Concat(entityType.GetDeclaredComplexProperties().SelectMany(c => ComplexProperties(c.ComplexType)));

    private static IEnumerable<IMutableProperty> ComplexProperties(IMutableComplexType complexType) =>
        complexType.GetDeclaredProperties().Concat(complexType.GetDeclaredComplexProperties().SelectMany(c => ComplexProperties(c.ComplexType)));
}
