using System.Data.Common;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.Domain.Queries;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.Web.Data.Seed;

/// <summary>One bulk inserter per table the seeder writes, on one connection.</summary>
internal sealed class BulkContractWriters(ResaleDbContext db, DbConnection connection) : IDisposable
{
    public BulkTableInserter Person { get; } = new(db, connection, typeof(Person));

    public BulkTableInserter Query { get; } = new(db, connection, typeof(PropertyQuery));

    public BulkTableInserter Record { get; } = new(db, connection, typeof(PropertyRecord));

    public BulkTableInserter Owner { get; } = new(db, connection, typeof(PropertyOwner));

    public BulkTableInserter Listing { get; } = new(db, connection, typeof(Listing));

    public BulkTableInserter Buyer { get; } = new(db, connection, typeof(Buyer));

    public BulkTableInserter Contract { get; } = new(db, connection, typeof(Contract));

    public BulkTableInserter Party { get; } = new(db, connection, typeof(ContractParty));

    public BulkAuditWriter Audit { get; } = new(new BulkTableInserter(db, connection, typeof(AuditEvent)));

    /// <summary>Sends what a COPY-based writer gathered, parents before children (the foreign keys are checked per statement).</summary>
    public void Flush()
    {
        foreach (var inserter in new[] { Person, Query, Record, Owner, Listing, Buyer, Contract, Party, Audit.Inserter })
        {
            inserter.Flush();
        }
    }

    public void Dispose()
    {
        foreach (var inserter in new[] { Person, Query, Record, Owner, Listing, Buyer, Contract, Party, Audit.Inserter })
        {
            inserter.Dispose();
        }
    }
}

/// <summary>Writes audit rows already sealed into the chain.</summary>
internal sealed class BulkAuditWriter(BulkTableInserter inserter)
{
    public BulkTableInserter Inserter => inserter;

    public void Write(AuditEvent e, long sequence, string hash, DbTransaction tx)
    {
        inserter["Id"] = e.Id;
        inserter["OccurredAt"] = e.OccurredAt;
        inserter["ActorKind"] = e.ActorKind;
        inserter["ActorId"] = e.ActorId;
        inserter["ActorName"] = e.ActorName;
        inserter["Action"] = e.Action;
        inserter["EntityType"] = e.EntityType;
        inserter["EntityId"] = e.EntityId;
        inserter["Detail"] = e.Detail;
        inserter[AuditChain.SequenceProperty] = sequence;
        inserter[AuditChain.HashProperty] = hash;
        inserter.Insert(tx);
    }
}
