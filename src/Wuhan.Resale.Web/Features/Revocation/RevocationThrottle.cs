using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.Web.Features.Revocation;

/// <summary>Configuration section "Revocation".</summary>
public sealed class RevocationOptions
{
    public const string SectionName = "Revocation";

    /// <summary>Look-ups (contract number + ID number) allowed per client address in each window.</summary>
    public int AttemptsPerAddress { get; set; } = 20;

    /// <summary>Look-ups allowed per contract number in each window, whoever makes them.</summary>
    public int AttemptsPerContract { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long before the code can be sent again on the revocation page.</summary>
    public TimeSpan ResendAfter { get; set; } = TimeSpan.FromSeconds(120);
}

/// <summary>
/// Limits guesses on the anonymous revocation page, per client address and per contract number, so neither a
/// contract number nor the ID numbers of its parties can be found by trying. Every look-up is an audit row
/// (<c>revocation.lookup</c>, with the contract number as it was typed, normalised, and the client address), and the
/// limits are counted from those rows: every instance and every restart sees the same counts.
/// </summary>
public sealed class RevocationThrottle(ResaleDbContext db, AuditTrail audit, IOptions<RevocationOptions> options, TimeProvider clock)
{
    public const string LookupAction = "revocation.lookup";
    private const string EntityType = "ContractNumber";

    /// <summary>True when this attempt is allowed; every allowed attempt counts, right or wrong (it is recorded here).</summary>
    public async Task<bool> TryAcquireAsync(string? address, string contractNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contractNumber);
        var o = options.Value;
        var since = clock.GetUtcNow() - o.Window;
        var key = contractNumber.Trim().ToUpperInvariant();
        var lookups = db.AuditEvents.AsNoTracking().Where(e => e.Action == LookupAction && e.OccurredAt >= since);
        var fromAddress = address is null ? 0 : await lookups.CountAsync(e => e.IpAddress == address, cancellationToken);
        if (fromAddress >= o.AttemptsPerAddress
            || await lookups.CountAsync(e => e.EntityType == EntityType && e.EntityId == key, cancellationToken) >= o.AttemptsPerContract)
        {
            return false;
        }

        await audit.RecordNowAsync(LookupAction, EntityType, key, "撤销页面查询合同");
        return true;
    }
}
