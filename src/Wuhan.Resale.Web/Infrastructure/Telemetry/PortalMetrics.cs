using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Queries;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Infrastructure.Telemetry;

/// <summary>
/// The portal's own measurements for operators: filings, revocations, property queries, SMS and the outside systems.
/// Always registered: an instrument nobody listens to costs a field check, so the code paths emit unconditionally
/// and only <c>Telemetry:Enabled</c> decides whether anything collects them. Tags carry kinds and outcomes only,
/// never a person, a phone or ID number, or a record's id.
/// </summary>
public sealed class PortalMetrics
{
    public const string MeterName = "Wuhan.Resale.Portal";

    private readonly Counter<long> _filed;
    private readonly Counter<long> _revoked;
    private readonly Counter<long> _queriesRequested;
    private readonly Counter<long> _queriesFinished;
    private readonly Counter<long> _queriesInterrupted;
    private readonly Histogram<double> _queryWait;
    private readonly Counter<long> _sms;
    private readonly Histogram<double> _externalCalls;

    public PortalMetrics(IMeterFactory meters, IServiceScopeFactory scopes)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _filed = meter.CreateCounter<long>("portal.contracts.filed", "{contract}", "Contracts filed (网签备案)");
        _revoked = meter.CreateCounter<long>("portal.contracts.revoked", "{contract}", "Contracts revoked (网签撤销), by who asked");
        _queriesRequested = meter.CreateCounter<long>("portal.property_queries.requested", "{query}", "个人房产信息查询 started by citizens");
        _queriesFinished = meter.CreateCounter<long>("portal.property_queries.finished", "{query}", "Property queries that reached 已完成 or 失败");
        _queriesInterrupted = meter.CreateCounter<long>("portal.property_queries.interrupted", "{query}",
            "Claimed queries put back for another try: a registry error, or handed back on shutdown");
        _queryWait = meter.CreateHistogram<double>("portal.property_queries.wait", "s", "From a query's start to its answer, as the citizen waits",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 15, 30, 60, 120, 300, 600, 1800] });
        _sms = meter.CreateCounter<long>("portal.sms.messages", "{message}", "SMS handed to the gateway, by purpose and outcome");
        _externalCalls = meter.CreateHistogram<double>("portal.external.duration", "s", "Calls to the citizen registry, the property registry and the SMS gateway",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120] });
        meter.CreateObservableGauge("portal.property_queries.pending", () => CountPending(scopes), "{query}",
            "Queries waiting in 查询中 across every instance (read from the database when collected)");
    }

    public void ContractFiled() => _filed.Add(1);

    /// <summary><paramref name="actorKind"/>: who asked (a citizen, staff), never who they are.</summary>
    public void ContractRevoked(string actorKind) => _revoked.Add(1, new KeyValuePair<string, object?>("actor", actorKind));

    public void PropertyQueryRequested() => _queriesRequested.Add(1);

    public void PropertyQueryFinished(bool completed, TimeSpan waited)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", completed ? "completed" : "failed");
        _queriesFinished.Add(1, outcome);
        _queryWait.Record(Math.Max(0, waited.TotalSeconds), outcome);
    }

    /// <summary><paramref name="reason"/>: <c>registry_error</c> or <c>shutdown</c>.</summary>
    public void PropertyQueryInterrupted(string reason) => _queriesInterrupted.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void SmsHandedOver(string purpose, bool sent) => _sms.Add(1,
        new KeyValuePair<string, object?>("purpose", purpose),
        new KeyValuePair<string, object?>("outcome", sent ? "sent" : "failed"));

    public void ExternalCall(string system, string operation, bool succeeded, TimeSpan elapsed) => _externalCalls.Record(elapsed.TotalSeconds,
        new KeyValuePair<string, object?>("system", system),
        new KeyValuePair<string, object?>("operation", operation),
        new KeyValuePair<string, object?>("outcome", succeeded ? "ok" : "error"));

    private static IEnumerable<Measurement<long>> CountPending(IServiceScopeFactory scopes)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ResaleDbContext>();
            return [new Measurement<long>(db.PropertyQueries.LongCount(q => q.Status == PropertyQueryStatus.Pending))];
        }
#pragma warning disable CA1031 // A collection must not fail because the database is away: the gauge is simply absent then.
        catch (Exception)
#pragma warning restore CA1031
        {
            return [];
        }
    }
}
