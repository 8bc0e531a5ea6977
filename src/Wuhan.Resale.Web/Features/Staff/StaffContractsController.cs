using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Features.Shared;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Pdf;

namespace Wuhan.Resale.Web.Features.Staff;

/// <summary>
/// Contract look-up for staff: by 合同编号, 房源编码 or a party's ID number (through the keyed hash, never by decrypting
/// the table). The detail page shows full party data — each view is audited — the contract's history, and lets staff
/// record 已备案 or revoke on a party's written request.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Staff)]
public sealed class StaffContractsController(
    ResaleDbContext db, UserManager<ApplicationUser> users, RegistrationService registration, RevocationService revocation, AuditTrail audit,
    ContractPdfs pdfs, IConfiguration configuration) : Controller
{
    /// <summary>The filed contract with this id, when the signed-in staff member's district covers its home; else null.</summary>
    private async Task<Contract?> CoveredAsync(Guid id, CancellationToken cancellationToken)
    {
        var scope = await StaffScope.OfAsync(users, User);
        var listings = scope.Filter(db.Listings);
        return await db.Contracts.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == id && c.ContractNumber != null && listings.Any(l => l.Id == c.ListingId), cancellationToken);
    }

    /// <summary>The contract PDF for staff, as the parties get it (revoked contracts stamped 已撤销); audited.</summary>
    [HttpGet("/staff/contracts/{id:guid}/pdf")]
    public async Task<IActionResult> Pdf(Guid id, CancellationToken cancellationToken)
    {
        var contract = await CoveredAsync(id, cancellationToken);
        if (contract is null)
        {
            return NotFound();
        }

        var pdf = await pdfs.RenderAsync(contract, contract.VerificationUrl(Request, configuration), cancellationToken);
        await audit.RecordNowAsync("staff.contract-downloaded", "Contract", contract.Id.ToString(), "合同编号 " + contract.ContractNumber);
        return File(pdf, "application/pdf", contract.ContractNumber + ".pdf");
    }

    /// <summary>
    /// The search page. A contract number or listing code may come in the address (links between staff pages);
    /// an ID number never does: it is only searched when posted from the form, so it stays out of URLs and logs.
    /// </summary>
    [HttpGet("/staff/contracts")]
    public Task<IActionResult> Search(string? q, CancellationToken cancellationToken)
    {
        var key = (q ?? string.Empty).Trim();
        if (key.Length > 0 && KindOf(key) == "证件号码")
        {
            return Task.FromResult<IActionResult>(View("Contracts", new StaffContractSearchViewModel(
                string.Empty, [], "证件号码不在网址中传递：请在查询框中输入后按“查询”。")));
        }

        return SearchAsync(key, cancellationToken);
    }

    [HttpPost("/staff/contracts")]
    public Task<IActionResult> SearchPosted([FromForm] string? q, CancellationToken cancellationToken) =>
        SearchAsync((q ?? string.Empty).Trim(), cancellationToken);

    private async Task<IActionResult> SearchAsync(string key, CancellationToken cancellationToken)
    {
        var rows = new List<StaffContractRow>();
        if (key.Length is > 0 and <= 64)
        {
            IQueryable<Contract> query;
            if (key.StartsWith(ContractNumber.Prefix, StringComparison.Ordinal))
            {
                var number = ContractNumber.TryParse(key, out var parsed) ? parsed.Value : null;
                query = db.Contracts.Where(c => number != null && c.ContractNumber == number);
            }
            else if (key.StartsWith(ListingCode.Prefix, StringComparison.OrdinalIgnoreCase))
            {
                // From the listing's unique code to its one contract: a correlated EXISTS would test every contract.
                var code = ListingCode.TryParse(key, out var parsed) ? parsed.Value : null;
                var listingIds = db.Listings.Where(l => code != null && l.ListingCode == code).Select(l => l.Id);
                query = db.Contracts.Where(c => listingIds.Contains(c.ListingId));
            }
            else
            {
                // The parties with this ID number first (the keyed-hash index), then their contracts by id.
                string[] hashes = [.. db.PersonalDataHashes(key)];
                var contractIds = db.Contracts.SelectMany(
                    c => c.Parties.Where(p => hashes.Contains(EF.Property<string>(p, IdNumberLookup.HashColumn))), (c, p) => c.Id);
                query = db.Contracts.Where(c => contractIds.Contains(c.Id));
            }

            var covered = (await StaffScope.OfAsync(users, User)).Filter(db.Listings);
            var found = await query.AsNoTracking().Where(c => c.ContractNumber != null && covered.Any(l => l.Id == c.ListingId))
                .OrderByDescending(c => c.FiledAt).Take(50)
                .Join(db.Listings, c => c.ListingId, l => l.Id, (c, l) => new
                {
                    c.Id, c.ContractNumber, l.ListingCode, l.Home!.Location, c.Status, c.FiledAt, c.TransferAppliedAt, c.CounterClerkName,
                })
                .ToListAsync(cancellationToken);
            rows = found.ConvertAll(c => new StaffContractRow(
                c.Id, c.ContractNumber!, c.ListingCode, c.Location, c.Status, c.FiledAt,
                StatusName(c.Status, c.TransferAppliedAt), c.CounterClerkName is not null));
            await audit.RecordNowAsync("staff.contract-search", null, null, $"按{KindOf(key)}查询，{rows.Count}条结果");
        }

        return View("Contracts", new StaffContractSearchViewModel(key, rows, key.Length > 64 ? "查询条件过长。" : null));
    }

    [HttpGet("/staff/contracts/{id:guid}")]
    public async Task<IActionResult> Detail(Guid id, string? message, CancellationToken cancellationToken)
    {
        var model = await DetailAsync(id, message, null, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        await audit.RecordNowAsync("staff.contract-viewed", "Contract", id.ToString(), "查看合同及当事人完整信息");
        return View("Contract", model);
    }

    [HttpPost("/staff/contracts/{id:guid}/registration")]
    public async Task<IActionResult> Register(Guid id, CancellationToken cancellationToken)
    {
        if (await CoveredAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var outcome = await registration.RegisterAsync(id, null, AuditActor.From(User), cancellationToken);
        return outcome.Status is RegistrationStatus.Registered or RegistrationStatus.AlreadyRegistered
            ? RedirectToAction(nameof(Detail), new { id, message = "registered" })
            : outcome.Status == RegistrationStatus.NotFound
                ? NotFound()
                : View("Contract", await DetailAsync(id, null, outcome.Error, cancellationToken));
    }

    /// <summary>Revocation on a party's written request, recorded with the reason.</summary>
    [HttpPost("/staff/contracts/{id:guid}/revocation")]
    public async Task<IActionResult> Revoke(Guid id, Guid? partyId, string? reason, CancellationToken cancellationToken)
    {
        var contract = await CoveredAsync(id, cancellationToken);
        if (contract is null)
        {
            return NotFound();
        }

        if (partyId is null || contract.Parties.All(p => p.Id != partyId) || string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
        {
            return View("Contract", await DetailAsync(id, null, "请选择提出书面申请的当事人，并填写撤销理由（500字以内）。", cancellationToken));
        }

        var actor = AuditActor.From(User);
        var outcome = await revocation.RevokeAsync(id, partyId.Value, actor with { Name = $"{actor.Name}（依当事人书面申请：{reason.Trim()}）" }, cancellationToken);
        return outcome.Revoked
            ? RedirectToAction(nameof(Detail), new { id, message = "revoked" })
            : View("Contract", await DetailAsync(id, null, outcome.Error, cancellationToken));
    }

    private async Task<StaffContractViewModel?> DetailAsync(Guid id, string? message, string? error, CancellationToken cancellationToken)
    {
        var contract = await CoveredAsync(id, cancellationToken);
        if (contract is null)
        {
            return null;
        }

        var listing = await db.Listings.AsNoTracking().Include(l => l.Home).SingleAsync(l => l.Id == contract.ListingId, cancellationToken);
        var entityIds = new[] { contract.Id.ToString(), listing.Id.ToString() };
        var history = await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityId != null && entityIds.Contains(e.EntityId))
            .OrderBy(e => e.OccurredAt)
            .Select(e => new StaffHistoryRow(e.OccurredAt, e.Action, e.ActorName, e.Detail))
            .ToListAsync(cancellationToken);
        return new StaffContractViewModel(
            contract.Id, contract.ContractNumber!, listing.ListingCode, contract.Status, contract.StatusName, contract.RevocationRefusal,
            contract.CounterClerkName, contract.FiledAt, listing.Home!.Location,
            contract.Terms.Price is { } price ? Money.Create(price).ToFigures() : "—",
            [.. contract.Parties.OrderBy(p => p.Order).Select(p => new StaffPartyRow(p.Id, p.Role == PartyRole.Seller ? "卖方" : "买方",
                p.Name, p.IdType.DisplayName(), p.IdNumber, p.Phone, p.Share))],
            history,
            message switch
            {
                "registered" => "已记录为已备案。",
                "revoked" => "已按当事人书面申请撤销，并已短信通知其他当事人。",
                "counter-filed" => "已在窗口办理网签，合同已生成，并已短信通知全部当事人。",
                _ => null,
            },
            error);
    }

    /// <summary>The state in words, as <see cref="Contract.StatusName"/> says it, for rows read without the whole contract.</summary>
    private static string StatusName(ContractStatus status, DateTimeOffset? transferAppliedAt) =>
        status == ContractStatus.Filed && transferAppliedAt is not null ? Contract.TransferAppliedName : status.DisplayName();

    private static string KindOf(string key) =>
        key.StartsWith(ContractNumber.Prefix, StringComparison.Ordinal) ? "合同编号"
        : key.StartsWith(ListingCode.Prefix, StringComparison.OrdinalIgnoreCase) ? "房源编码" : "证件号码";
}

/// <param name="AtCounter">Filed by a clerk at the counter (窗口办理).</param>
public sealed record StaffContractRow(
    Guid Id, string ContractNumber, string ListingCode, string Location, ContractStatus Status, DateTimeOffset? FiledAt, string StatusName, bool AtCounter);

public sealed record StaffContractSearchViewModel(string Query, IReadOnlyList<StaffContractRow> Rows, string? Error);

public sealed record StaffPartyRow(Guid Id, string Role, string Name, string IdTypeName, string IdNumber, string Phone, string? Share);

public sealed record StaffHistoryRow(DateTimeOffset OccurredAt, string Action, string ActorName, string? Detail);

/// <param name="RevocationRefusal">Why the contract cannot be revoked now (the domain's words); null when it can.</param>
/// <param name="CounterClerkName">The clerk who filed it at the counter (窗口办理); null when filed online.</param>
public sealed record StaffContractViewModel(
    Guid Id, string ContractNumber, string ListingCode, ContractStatus Status, string StatusName, string? RevocationRefusal,
    string? CounterClerkName, DateTimeOffset? FiledAt, string Location, string Price,
    IReadOnlyList<StaffPartyRow> Parties, IReadOnlyList<StaffHistoryRow> History, string? Message, string? Error);
