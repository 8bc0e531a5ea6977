using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.Web.Features.Staff;

/// <summary>
/// 审计日志 for administrators: filter by actor, entity (e.g. a contract id), action and Asia/Shanghai dates; CSV export.
/// The log grows by millions of rows a year, so the page counts at most <see cref="CountCap"/> matching rows ("10000+")
/// and pages only through those, newest first; older rows are reached by narrowing the dates or the other filters.
/// Every filter is an equality or a prefix that an index serves. 下一页 carries where the page ended (time and id), so
/// the next page is read from there by index instead of skipping the rows before it.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Administrator)]
public sealed class AuditLogController(ResaleDbContext db, AuditTrail audit, AuditChain chain, UserManager<ApplicationUser> users) : Controller
{
    public const int PageSize = 50;
    public const int MaxExportRows = 50_000;
    public const int CountCap = 10_000;

    [HttpGet("/staff/audit")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, int page = 1, string? after = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = await ApplyAsync(filter);
        var total = await query.Take(CountCap + 1).CountAsync(cancellationToken);
        var capped = total > CountCap;
        var pages = Math.Max(1, (Math.Min(total, CountCap) + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, capped ? pages : 100_000);
        var rows = page > 1 && AuditCursor.TryParse(after, out var at, out var id)
            ? await query.Where(e => e.OccurredAt < at || (e.OccurredAt == at && e.Id.CompareTo(id) < 0))
                .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(PageSize).ToListAsync(cancellationToken)
            : await query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return View("Audit", new AuditLogViewModel(filter, rows, page, pages, Math.Min(total, CountCap), capped,
            rows.Count > 0 ? AuditCursor.Format(rows[^1]) : null));
    }

    /// <summary>核验审计日志: recomputes the whole keyed chain and names the first row that no longer matches.</summary>
    [HttpGet("/staff/audit/verify")]
    public async Task<IActionResult> Verify(CancellationToken cancellationToken)
    {
        var report = await chain.VerifyAsync(cancellationToken);
        await audit.RecordNowAsync("staff.audit-verified", null, null,
            report.Intact ? $"审计日志核验通过，共{report.CheckedRows}条" : $"审计日志核验未通过，第{report.FirstBreak!.Sequence}条起不一致");
        return View("AuditVerify", report);
    }

    [HttpGet("/staff/audit.csv")]
    public async Task<IActionResult> Export([FromQuery] AuditFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = await (await ApplyAsync(filter)).OrderByDescending(e => e.OccurredAt).Take(MaxExportRows).ToListAsync(cancellationToken);
        var csv = new StringBuilder("时间,操作者类型,操作者,事项,对象类型,对象编号,说明,IP地址\r\n");
        foreach (var e in rows)
        {
            csv.AppendJoin(',', [
                ShanghaiTime.ToShanghai(e.OccurredAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                Cell(e.ActorKind.ToString()), Cell(e.ActorName), Cell(e.Action), Cell(e.EntityType), Cell(e.EntityId), Cell(e.Detail), Cell(e.IpAddress)]);
            csv.Append("\r\n");
        }

        await audit.RecordNowAsync("staff.audit-exported", null, null, $"导出{rows.Count}条审计记录");
        // A byte-order mark lets spreadsheet programs read the Chinese text as UTF-8.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", "audit-log.csv");
    }

    private async Task<IQueryable<AuditEvent>> ApplyAsync(AuditFilter filter)
    {
        var query = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            // An actor id, a staff user name (whose id is looked up), or the start of the name as recorded, e.g. 系统管理员.
            // A prefix is a range of the name index, spelled as comparisons because LIKE on SQLite cannot use an index.
            var actor = filter.Actor.Trim();
            var accountId = actor.Length <= 100 ? (await users.FindByNameAsync(actor))?.Id : null;
            var upper = actor + "\uffff";
            query = accountId is null
                ? query.Where(e => e.ActorId == actor || (e.ActorName.CompareTo(actor) >= 0 && e.ActorName.CompareTo(upper) < 0))
                : query.Where(e => e.ActorId == actor || e.ActorId == accountId || (e.ActorName.CompareTo(actor) >= 0 && e.ActorName.CompareTo(upper) < 0));
        }

        if (!string.IsNullOrWhiteSpace(filter.Entity))
        {
            var entity = filter.Entity.Trim();
            query = query.Where(e => e.EntityId == entity);
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            query = query.Where(e => e.Action.StartsWith(action));
        }

        if (filter.From is { } from)
        {
            var start = ShanghaiTime.StartOfDay(from);
            query = query.Where(e => e.OccurredAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = ShanghaiTime.EndOfDay(to);
            query = query.Where(e => e.OccurredAt < end);
        }

        return query;
    }

    /// <summary>Quotes a CSV cell and defuses spreadsheet formulas (a cell starting with = + - @ is prefixed).</summary>
    private static string Cell(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal))
        {
            text = "'" + text;
        }

        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}

public sealed class AuditFilter
{
    public string? Actor { get; set; }

    public string? Entity { get; set; }

    public string? Action { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public string QueryString() => string.Join('&', new[]
    {
        ("actor", Actor), ("entity", Entity), ("action", Action),
        ("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
    }.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));
}

/// <param name="TotalCapped">More rows match than were counted: the page says "<see cref="AuditLogController.CountCap"/>+".</param>
/// <param name="NextAfter">Where this page ended, for 下一页 (<see cref="AuditCursor"/>).</param>
public sealed record AuditLogViewModel(
    AuditFilter Filter, IReadOnlyList<AuditEvent> Rows, int Page, int Pages, int Total, bool TotalCapped = false, string? NextAfter = null);

/// <summary>A place in the newest-first audit order: the UTC ticks and id of the last row shown ("ticks_id").</summary>
public static class AuditCursor
{
    public static string Format(AuditEvent last)
    {
        ArgumentNullException.ThrowIfNull(last);
        return last.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture) + "_" + last.Id.ToString("N");
    }

    public static bool TryParse(string? text, out DateTimeOffset at, out Guid id)
    {
        (at, id) = (default, default);
        var parts = (text ?? string.Empty).Split('_');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks || !Guid.TryParseExact(parts[1], "N", out id))
        {
            return false;
        }

        at = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }
}
