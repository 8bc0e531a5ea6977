using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.Messaging;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Integrations;
using Wuhan.Resale.Web.Messaging;

namespace Wuhan.Resale.Web.Features.ContractFiling;

/// <summary>
/// 网签申报: the contracts list with the actions each state allows, and the filing page where every seller and every
/// buyer confirms with the SMS code sent to their own phone. A person sees the contracts of homes they own and, once
/// filed, the contracts in which they are a buyer; any other id is a 404.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Citizen)]
public sealed class ContractsController(
    ResaleDbContext db,
    VerificationCodeService codes,
    ContractNumbers numbers,
    ISmsGateway sms,
    AuditTrail audit,
    TimeProvider clock) : Controller
{
    [HttpGet("/contracts")]
    public async Task<IActionResult> Index(string? message, CancellationToken cancellationToken)
    {
        var person = await CurrentPersonAsync(cancellationToken);
        var hash = db.LookupHash(person.IdNumber);
        var asOwner = await db.Contracts.AsNoTracking()
            .Join(db.Listings.VisibleTo(db, person).Include(l => l.Home).ThenInclude(h => h!.Owners),
                c => c.ListingId, l => l.Id, (c, l) => new { Contract = c, Listing = l })
            .ToListAsync(cancellationToken);
        var asBuyer = await db.Contracts.AsNoTracking()
            .Where(c => c.Status != ContractStatus.Draft
                && c.Parties.Any(p => p.Role == PartyRole.Buyer && EF.Property<string>(p, "IdNumberHash") == hash && p.IdType == person.IdType))
            .Join(db.Listings.Include(l => l.Home).ThenInclude(h => h!.Owners), c => c.ListingId, l => l.Id, (c, l) => new { Contract = c, Listing = l })
            .ToListAsync(cancellationToken);

        var ownerIds = asOwner.Select(x => x.Contract.Id).ToHashSet();
        var rows = asOwner.Select(x => (x.Contract, x.Listing, IsSeller: true))
            .Concat(asBuyer.Where(x => !ownerIds.Contains(x.Contract.Id)).Select(x => (x.Contract, x.Listing, IsSeller: false)))
            .OrderByDescending(x => x.Contract.CreatedAt)
            .Select((x, i) => new ContractRow(
                i + 1, x.Contract.Id, x.Listing.Id, x.Listing.ListingCode, x.Contract.ContractNumber,
                string.Join("、", x.Listing.Home!.Owners.Select(o => o.Name)),
                string.Join("、", x.Listing.Home.Owners.Select(o => Masking.MaskIdNumber(o.IdNumber))),
                x.Listing.Home.Location, x.Contract.Status, x.IsSeller, x.Contract.Terms.Price is not null))
            .ToList();
        return View(new ContractsViewModel(rows, message switch
        {
            "buyers-saved" => "购房人信息已保存。下一步请填写合同。",
            "filed" => "网签申报成功，已向全部当事人发送短信。请下载合同，打印后由双方签字。",
            "already-filed" => "该合同已经申报网签，无需重复提交。",
            _ => null,
        }));
    }

    [HttpGet("/contracts/{id:guid}/file")]
    public async Task<IActionResult> File(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadForSellerAsync(id, cancellationToken);
        if (loaded is null)
        {
            return NotFound();
        }

        if (loaded.Value.Contract.Status != ContractStatus.Draft)
        {
            return Redirect("/contracts?message=already-filed");
        }

        return View(await FilingModelAsync(loaded.Value.Contract, loaded.Value.Listing, null, codesSent: false, notice: null, error: null, cancellationToken));
    }

    [HttpPost("/contracts/{id:guid}/file")]
    public async Task<IActionResult> Submit(Guid id, string? intent, List<string?>? codes, CancellationToken cancellationToken)
    {
        var loaded = await LoadForSellerAsync(id, cancellationToken);
        if (loaded is null)
        {
            return NotFound();
        }

        var (contract, listing) = loaded.Value;
        if (contract.Status != ContractStatus.Draft)
        {
            return Redirect("/contracts?message=already-filed");
        }

        var parties = await PartiesAsync(listing, cancellationToken);
        var typed = (codes ?? []).Take(parties.Count).ToList();
        var blockers = Blockers(contract, listing, parties);
        if (blockers.Count > 0)
        {
            return View("File", await FilingModelAsync(contract, listing, typed, false, null, null, cancellationToken));
        }

        return intent == "confirm"
            ? await ConfirmAsync(contract, listing, parties, typed, cancellationToken)
            : await SendCodesAsync(contract, listing, parties, typed, cancellationToken);
    }

    private async Task<IActionResult> SendCodesAsync(
        Contract contract, Listing listing, List<FilingParty> parties, List<string?> typed, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var party in parties)
        {
            var result = await codes.SendAsync(CodePurpose.Filing, Subject(contract, party), PhoneNumber.Parse(party.Phone!),
                code => $"【武汉房产网签】验证码{code}，用于确认存量房买卖合同网签申报，5分钟内有效。如非本人交易，请勿告诉他人。", cancellationToken);
            if (result.Status != SendCodeStatus.Sent)
            {
                problems.Add($"{party.RoleName} {Masking.MaskName(party.Name)}：{result.Message}");
            }
        }

        audit.Record("contract.filing-codes-sent", "Contract", contract.Id.ToString(), $"向{parties.Count}位当事人发送验证码");
        await db.SaveChangesAsync(cancellationToken);
        return View("File", await FilingModelAsync(contract, listing, typed, codesSent: true,
            notice: problems.Count == 0 ? "验证码已发送到每位当事人的手机，5分钟内有效。" : null,
            error: problems.Count == 0 ? null : string.Join("；", problems), cancellationToken));
    }

    private async Task<IActionResult> ConfirmAsync(
        Contract contract, Listing listing, List<FilingParty> parties, List<string?> typed, CancellationToken cancellationToken)
    {
        var items = parties.Select((p, i) => (Subject(contract, p), PhoneNumber.Parse(p.Phone!), i < typed.Count ? typed[i] : null)).ToList();
        var results = await codes.VerifyAllAsync(CodePurpose.Filing, items, cancellationToken);
        if (results.Any(r => r != VerifyCodeStatus.Accepted))
        {
            for (var i = 0; i < results.Count; i++)
            {
                if (results[i] != VerifyCodeStatus.Accepted)
                {
                    ModelState.AddModelError($"Codes[{i}]", VerificationCodeService.Describe(results[i]));
                }
            }

            await audit.RecordNowAsync("contract.filing-refused", "Contract", contract.Id.ToString(), "短信验证码未全部通过");
            return View("File", await FilingModelAsync(contract, listing, typed, codesSent: true, notice: null,
                error: "有当事人的验证码未通过，请核对后重新提交。", cancellationToken));
        }

        var now = clock.GetUtcNow();
        try
        {
            var number = await numbers.NextAsync(cancellationToken);
            var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
            contract.File(number, token, [.. parties.Select(p => new ContractPartyDetails(p.Role, p.Name, p.IdType, p.IdNumber, p.Phone!, p.Share))], now);
            listing.MarkFiled(now);
            audit.Record("contract.filed", "Contract", contract.Id.ToString(), "合同编号 " + number);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException ex)
        {
            return View("File", await FilingModelAsync(contract, listing, typed, codesSent: true, notice: null, error: ex.Message, cancellationToken));
        }
        catch (DbUpdateException)
        {
            // Another submission of this contract won: it is filed once, with one number.
            return Redirect("/contracts?message=already-filed");
        }

        foreach (var party in parties)
        {
            await sms.SendAsync(PhoneNumber.Parse(party.Phone!),
                $"【武汉房产网签】您参与的存量房买卖合同已网签成功，合同编号{contract.ContractNumber}。请登录平台下载合同，打印后由双方签字。", "FilingNotice", cancellationToken);
        }

        return Redirect("/contracts?message=filed");
    }

    /// <summary>What stops filing now: an incomplete contract, or an owner whose phone the portal does not know yet.</summary>
    private static List<string> Blockers(Contract contract, Listing listing, List<FilingParty> parties)
    {
        var blockers = ContractCompleteness.FindProblems(contract.Terms, contract.Schedule).Select(p => p.Message).ToList();
        blockers.AddRange(parties.Where(p => p.Phone is null).Select(p =>
            $"共有人 {Masking.MaskName(p.Name)} 尚未在本平台完成实名认证，请其先扫码登录一次，以便接收验证码。"));
        if (listing.Status != ListingStatus.BuyersConfirmed)
        {
            blockers.Add("请先确认购房人信息。");
        }

        return blockers;
    }

    private async Task<FilingViewModel> FilingModelAsync(
        Contract contract, Listing listing, List<string?>? typed, bool codesSent, string? notice, string? error, CancellationToken cancellationToken)
    {
        var parties = await PartiesAsync(listing, cancellationToken);
        var price = contract.Terms.Price is { } p && Money.TryCreate(p, out var money, out _) ? money : (Money?)null;
        return new FilingViewModel(
            contract.Id,
            listing.Home!.Location,
            listing.Home.BuildingArea,
            price?.ToFigures() ?? "未填写",
            price?.ToChineseCapitals() ?? string.Empty,
            [.. parties.Select((party, i) => new FilingPartyView(
                i, party.RoleName, party.Name, Masking.MaskIdNumber(party.IdNumber),
                party.Phone is null ? null : Masking.MaskPhone(party.Phone), typed is not null && i < typed.Count ? typed[i] : null))],
            Blockers(contract, listing, parties),
            codesSent,
            notice,
            error);
    }

    /// <summary>Buyers first (as the original lists them), then every owner; an owner's phone is their verified one.</summary>
    private async Task<List<FilingParty>> PartiesAsync(Listing listing, CancellationToken cancellationToken)
    {
        var parties = listing.Buyers.OrderBy(b => b.Order)
            .Select(b => new FilingParty(PartyRole.Buyer, b.Name, b.IdType, b.IdNumber, b.Phone, null))
            .ToList();
        foreach (var owner in listing.Home!.Owners)
        {
            var hash = db.LookupHash(owner.IdNumber);
            var phone = await db.People.AsNoTracking()
                .Where(p => EF.Property<string>(p, "IdNumberHash") == hash && p.IdType == owner.IdType)
                .Select(p => p.Phone)
                .FirstOrDefaultAsync(cancellationToken);
            parties.Add(new FilingParty(PartyRole.Seller, owner.Name, owner.IdType, owner.IdNumber, phone, owner.Share));
        }

        return parties;
    }

    private string Subject(Contract contract, FilingParty party) =>
        $"{contract.Id:N}:{db.LookupHash(party.IdType + ":" + party.IdNumber)[..32]}";

    private async Task<Person> CurrentPersonAsync(CancellationToken cancellationToken)
    {
        var personId = User.PersonId();
        return await db.People.AsNoTracking().SingleAsync(p => p.Id == personId, cancellationToken);
    }

    /// <summary>The contract and its listing when the signed-in person owns the home; else null.</summary>
    private async Task<(Contract Contract, Listing Listing)?> LoadForSellerAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await CurrentPersonAsync(cancellationToken);
        var contract = await db.Contracts.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contract is null)
        {
            return null;
        }

        var listing = await db.Listings.Include(l => l.Home).ThenInclude(h => h!.Owners)
            .FirstOrDefaultAsync(l => l.Id == contract.ListingId, cancellationToken);
        return listing is not null && (listing.SellerPersonId == person.Id || listing.Home!.IsOwnedBy(person.IdType, person.IdNumber))
            ? (contract, listing)
            : null;
    }

    private sealed record FilingParty(PartyRole Role, string Name, IdType IdType, string IdNumber, string? Phone, string? Share)
    {
        public string RoleName => Role == PartyRole.Buyer ? "买家" : "卖家";
    }
}
