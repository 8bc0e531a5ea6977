using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.Web.Data;

/// <summary>
/// The record of one removal of audit months past their retention period, and the point the chain is checked from
/// afterwards: the sequence number and hash of the last removed row, sealed with the chain's own key. Without the key
/// nobody can write a record that the verification accepts, so removing old rows by hand (or forging a starting point
/// to hide a deletion) still shows as a break.
/// </summary>
public sealed class AuditArchive
{
    public const string ActorName = "保存期限任务";
    public const string Action = "audit.months-removed";

    private AuditArchive() { LastHash = Seal = string.Empty; }

    public AuditArchive(Guid id, DateTimeOffset before, long lastSequence, string lastHash, long rows, DateTimeOffset removedAt, AuditChainKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Id = id;
        Before = before;
        LastSequence = lastSequence;
        LastHash = lastHash;
        Rows = rows;
        RemovedAt = removedAt;
        Seal = key.Hash(lastHash, lastSequence, AsEvent());
    }

    public Guid Id { get; private set; }

    /// <summary>Every audit row that occurred before this instant (the first moment of a month, UTC) was removed.</summary>
    public DateTimeOffset Before { get; private set; }

    /// <summary>The chain sequence of the last removed row: verification starts at the next one.</summary>
    public long LastSequence { get; private set; }

    /// <summary>The chain hash of the last removed row: the next row's hash is computed over it.</summary>
    public string LastHash { get; private set; }

    /// <summary>How many rows were removed (partitions dropped or rows deleted).</summary>
    public long Rows { get; internal set; }

    public DateTimeOffset RemovedAt { get; private set; }

    /// <summary>The chain key's hash over the fields above: a record without a matching seal is ignored.</summary>
    public string Seal { get; private set; }

    /// <summary>True when the record was written by someone holding the chain key.</summary>
    public bool IsSealedWith(AuditChainKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var expected = System.Text.Encoding.ASCII.GetBytes(key.Hash(LastHash, LastSequence, AsEvent()));
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(expected, System.Text.Encoding.ASCII.GetBytes(Seal));
    }

    /// <summary>
    /// Where the chain verification starts: after the newest sealed archive record, or at the first row when nothing was
    /// ever removed (or no record carries a valid seal, in which case a missing beginning is reported as a break).
    /// </summary>
    public static async Task<(long Sequence, string Hash)> ChainStartAsync(ResaleDbContext db, AuditChainKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var records = await db.Set<AuditArchive>().AsNoTracking().OrderByDescending(a => a.LastSequence).Take(20).ToListAsync(cancellationToken);
        return records.FirstOrDefault(r => r.IsSealedWith(key)) is { } start ? (start.LastSequence, start.LastHash) : (0, string.Empty);
    }

    // The fields the seal covers, in the chain's own hashing. Rows is left out: it is counted after the removal.
    private AuditEvent AsEvent() => new(Id, Before, ActorKind.System, null, ActorName, Action, nameof(AuditArchive), null,
        RemovedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null);
}

internal sealed class AuditArchiveConfiguration : IEntityTypeConfiguration<AuditArchive>
{
    public void Configure(EntityTypeBuilder<AuditArchive> builder)
    {
        builder.ToTable("AuditArchives");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.LastHash).HasMaxLength(64).IsUnicode(false);
        builder.Property(a => a.Seal).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(a => a.LastSequence);
    }
}
