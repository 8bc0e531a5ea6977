using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.Properties;

namespace Wuhan.Resale.Domain.Queries;

/// <summary>
/// 个人房产信息查询: one request to the property registry for every home in a person's name. The registry
/// answers slowly, so the query is created pending and completed by a background worker.
/// </summary>
public sealed class PropertyQuery : IAggregateRoot
{
    public const int MaxFailureReasonLength = 200;

    private readonly List<PropertyRecord> _records = [];

    private PropertyQuery() { QueryNumber = string.Empty; ApplicantName = string.Empty; }

    public PropertyQuery(Guid id, string queryNumber, Guid personId, string applicantName, DateTimeOffset requestedAt)
    {
        Id = id;
        QueryNumber = queryNumber;
        PersonId = personId;
        ApplicantName = applicantName;
        RequestedAt = requestedAt;
        Status = PropertyQueryStatus.Pending;
    }

    public Guid Id { get; private set; }

    /// <summary>查询编号 shown to the person.</summary>
    public string QueryNumber { get; private set; }

    public Guid PersonId { get; private set; }

    public string ApplicantName { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public PropertyQueryStatus Status { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? FailureReason { get; private set; }

    /// <summary>How many times a worker has started on this query (for retries and alerts).</summary>
    public int Attempts { get; private set; }

    /// <summary>A worker's lease: another instance leaves the query alone until it runs out.</summary>
    public DateTimeOffset? LeasedUntil { get; private set; }

    public IReadOnlyList<PropertyRecord> Records => _records;

    /// <summary>Only a query made on the current Asia/Shanghai day may be used to verify a home.</summary>
    public bool IsUsableOn(DateOnly shanghaiToday) =>
        Status == PropertyQueryStatus.Completed && ShanghaiTime.DateOf(RequestedAt) == shanghaiToday;

    public void StartAttempt(DateTimeOffset now, TimeSpan lease)
    {
        if (Status != PropertyQueryStatus.Pending)
        {
            throw new DomainException("该查询已经结束，无需再次处理。");
        }

        Attempts++;
        LeasedUntil = now + lease;
    }

    public void Complete(IEnumerable<PropertyFacts> homes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(homes);
        if (Status != PropertyQueryStatus.Pending)
        {
            throw new DomainException("该查询已经结束，不能重复写入结果。");
        }

        // Build every record before adding any, so a bad answer leaves the query pending and unchanged.
        var records = homes.Select(facts => new PropertyRecord(Guid.CreateVersion7(now), Id, facts, PropertyRecordSource.Query)).ToList();
        _records.AddRange(records);

        Status = PropertyQueryStatus.Completed;
        CompletedAt = now;
        LeasedUntil = null;
    }

    public void Fail(string reason, DateTimeOffset now)
    {
        if (Status != PropertyQueryStatus.Pending)
        {
            throw new DomainException("该查询已经结束，不能标记为失败。");
        }

        var text = string.IsNullOrWhiteSpace(reason) ? "查询未能完成，请稍后重试。" : reason.Trim();
        FailureReason = text.Length > MaxFailureReasonLength ? text[..MaxFailureReasonLength] : text;
        Status = PropertyQueryStatus.Failed;
        CompletedAt = now;
        LeasedUntil = null;
    }

    /// <summary>
    /// 个人名下不动产信息查询: a home the query did not return, found by its certificate number. The caller
    /// has already checked with the registry that the certificate belongs to this person.
    /// </summary>
    public PropertyRecord AddFromCertificateLookup(PropertyFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (Status != PropertyQueryStatus.Completed)
        {
            throw new DomainException("请等待个人房产信息查询完成后再按证号查询。");
        }

        var existing = _records.Find(r => string.Equals(r.CertificateNumber, facts.CertificateNumber, StringComparison.Ordinal));
        if (existing is not null)
        {
            return existing;
        }

        var record = new PropertyRecord(Guid.CreateVersion7(now), Id, facts, PropertyRecordSource.CertificateLookup);
        _records.Add(record);
        return record;
    }
}
