using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.Messaging;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Features.Shared;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Infrastructure.Telemetry;
using Wuhan.Resale.Web.Integrations;
using Wuhan.Resale.Web.Messaging;

namespace Wuhan.Resale.Web.Features.ContractFiling;

/// <summary>
/// 申报网签: every seller and every buyer confirms with the SMS code sent to their own phone; then the domain files the
/// contract and locks its listing in one call. Only the owners of the home reach this page; any other id is a 404.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Citizen)]
public sealed class FilingController(
    ResaleDbContext db,
    VerificationCodeService codes,
    ContractNumbering numbering,
    FilingParties filingParties,
    PartyIdentityCheck identityCheck,
    FilingSendLimit sendLimit,
    ISmsGateway sms,
    AuditTrail audit,
    IConfiguration configuration,
    PortalMetrics metrics,
    TimeProvider clock) : Controller
{
    [HttpGet("/contracts/{id:guid}/file")]
    public async Task<IActionResult> File(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadForSellerAsync(id, cancellationToken) is not var (contract, listing))
        {
            return NotFound();
        }

        if (contract.Status != ContractStatus.Draft)
        {
            return Redirect("/contracts?message=already-filed");
        }

        var parties = await filingParties.OfAsync(listing, cancellationToken);
        var contentHash = ContractContent.Hash(contract, listing, parties);
        var withdrawn = await filingParties.HasWithdrawnCodesAsync(contract, contentHash, cancellationToken);
        var confirmed = await filingParties.ConfirmedOnOwnPhoneAsync(contract, contentHash, cancellationToken);
        return View(FilingModel(contract, listing, parties, confirmed, null, codesSent: false, notice: null,
            error: withdrawn ? Contract.ChangedSinceCodesMessage : null));
    }

    /// <summary>Which parties (by row) have agreed on their own phone to the contract as it is now; the filing page polls it.</summary>
    [HttpGet("/contracts/{id:guid}/file/states")]
    public async Task<IActionResult> States(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadForSellerAsync(id, cancellationToken) is not var (contract, listing) || contract.Status != ContractStatus.Draft)
        {
            return NotFound();
        }

        var parties = await filingParties.OfAsync(listing, cancellationToken);
        var confirmed = await filingParties.ConfirmedOnOwnPhoneAsync(contract, ContractContent.Hash(contract, listing, parties), cancellationToken);
        return Json(new { confirmed = parties.Select((p, i) => (p, i)).Where(x => confirmed.Contains(filingParties.PartyKey(x.p))).Select(x => x.i) });
    }

    [HttpPost("/contracts/{id:guid}/file")]
    public async Task<IActionResult> Submit(
        Guid id,
        string? intent,
        // Named explicitly: without a name MVC binds a post that has no codes[i] field (发送短信验证码) from the whole
        // form, converting every field name to an int and throwing a FormatException for each.
        [FromForm(Name = "codes")] Dictionary<int, string?>? codes,
        [FromForm(Name = "ownerPhones")] Dictionary<int, string?>? ownerPhones,
        CancellationToken cancellationToken)
    {
        if (await LoadForSellerAsync(id, cancellationToken) is not var (contract, listing))
        {
            return NotFound();
        }

        if (contract.Status != ContractStatus.Draft)
        {
            return Redirect("/contracts?message=already-filed");
        }

        var parties = await filingParties.OfAsync(listing, cancellationToken);
        // By row number, not a list: a party who agreed on their own phone has no code box, so the rows have gaps.
        var typed = Enumerable.Range(0, parties.Count).Select(i => codes?.GetValueOrDefault(i)).ToList();
        var contentHash = ContractContent.Hash(contract, listing, parties);
        var confirmed = await filingParties.ConfirmedOnOwnPhoneAsync(contract, contentHash, cancellationToken);
        if (OwnerWithoutPhone(intent, parties) is { } owner)
        {
            return await VerifyOwnerPhoneAsync(contract, listing, parties, confirmed, owner, ownerPhones?.GetValueOrDefault(owner), typed, cancellationToken);
        }

        if (contract.FindFilingProblems(listing, parties).Count > 0)
        {
            return View("File", FilingModel(contract, listing, parties, confirmed, typed, false, null, null));
        }

        var filing = new Filing(contract, listing, parties, contentHash, confirmed);
        return intent == "confirm"
            ? await ConfirmAsync(filing, typed, cancellationToken)
            : await SendCodesAsync(filing, typed, cancellationToken);
    }

    /// <summary>One filing attempt: the contract as it is now, its parties, its fingerprint and who already agreed on their own phone.</summary>
    private sealed record Filing(
        Contract Contract, Listing Listing, List<ContractPartyDetails> Parties, string ContentHash, IReadOnlySet<string> Confirmed);

    /// <summary>
    /// Sends each party who has not yet agreed on their own phone a code and a link to read the whole contract and agree
    /// there; the SMS names the home and the price, so nobody confirms a contract they have not seen.
    /// </summary>
    private async Task<IActionResult> SendCodesAsync(Filing filing, List<string?> typed, CancellationToken cancellationToken)
    {
        var (contract, listing, parties, contentHash, confirmed) = filing;
        var problems = new List<string>();
        var price = Money.Create(contract.Terms.Price!.Value).ToFigures();
        var portal = PortalAddress.PublicBase(Request, configuration);
        var waiting = parties.Where(p => !confirmed.Contains(filingParties.PartyKey(p))).ToList();
        if (await sendLimit.RefusalAsync(User, contract, [.. waiting.Select(p => p.Phone!)], cancellationToken) is { } refusal)
        {
            return View("File", FilingModel(contract, listing, parties, confirmed, typed, codesSent: false, notice: null, error: refusal));
        }

        foreach (var party in waiting)
        {
            var (link, token) = filingParties.NewConfirmation(contract, contentHash, party);
            var result = await codes.SendAsync(CodePurpose.Filing, filingParties.Subject(contract, contentHash, party), PhoneNumber.Parse(party.Phone!),
                code => $"【武汉房产网签】验证码{code}（5分钟内有效），用于确认{listing.Home!.Location}、成交价{price}元的存量房买卖合同。" +
                        $"阅读合同全文并在本人手机上确认：{portal}/sign/{token} 如非本人交易，请勿告诉他人。",
                cancellationToken);
            if (result.Status == SendCodeStatus.Sent)
            {
                db.PartyConfirmations.Add(link);
            }
            else
            {
                problems.Add($"{RoleName(party)} {Masking.MaskName(party.Name)}：{result.Message}");
            }
        }

        audit.Record(FilingSendLimit.SendAction, "Contract", contract.Id.ToString(), $"向{waiting.Count}位当事人发送验证码和确认链接");
        await db.SaveChangesAsync(cancellationToken);
        return View("File", FilingModel(contract, listing, parties, confirmed, typed, codesSent: true,
            notice: problems.Count == 0 ? "验证码和合同确认链接已发送到每位尚未确认的当事人的手机，5分钟内有效。" : null,
            error: problems.Count == 0 ? null : string.Join("；", problems)));
    }

    private async Task<IActionResult> ConfirmAsync(Filing filing, List<string?> typed, CancellationToken cancellationToken)
    {
        var (contract, listing, parties, contentHash, confirmed) = filing;

        // A party who agreed on their own phone needs no code here. A party whose ID the registry cannot check
        // (passport, permits) agrees only on their own phone, signed in as themselves: a code typed here does not count.
        var pending = parties.Select((party, index) => (party, index)).Where(p => !confirmed.Contains(filingParties.PartyKey(p.party))).ToList();
        var ownPhoneOnly = pending.Where(p => !PartyIdentityCheck.CanCheck(p.party.IdType)).ToList();
        if (ownPhoneOnly.Count > 0)
        {
            ownPhoneOnly.ForEach(p => ModelState.AddModelError($"Codes[{p.index}]", OwnPhoneOnlyMessage));
            await audit.RecordNowAsync("contract.filing-refused", "Contract", contract.Id.ToString(), "有当事人尚未在本人手机上确认");
            return View("File", FilingModel(contract, listing, parties, confirmed, typed, codesSent: true, notice: null,
                error: "有当事人须在本人手机上打开短信中的链接确认合同，确认后才能提交。"));
        }

        // The codes are looked up for the contract as it is now: a code sent before a change is not found.
        var items = pending.Select(p => (filingParties.Subject(contract, contentHash, p.party), PhoneNumber.Parse(p.party.Phone!),
            p.index < typed.Count ? typed[p.index] : null)).ToList();
        var results = items.Count == 0 ? [] : await codes.VerifyAllAsync(CodePurpose.Filing, items, cancellationToken);
        if (results.Any(r => r != VerifyCodeStatus.Accepted))
        {
            var changed = results.Any(r => r == VerifyCodeStatus.NoCode)
                && await filingParties.HasWithdrawnCodesAsync(contract, contentHash, cancellationToken);
            for (var i = 0; i < results.Count; i++)
            {
                if (results[i] != VerifyCodeStatus.Accepted)
                {
                    ModelState.AddModelError($"Codes[{pending[i].index}]", VerificationCodeService.Describe(results[i]));
                }
            }

            await audit.RecordNowAsync("contract.filing-refused", "Contract", contract.Id.ToString(),
                changed ? "合同内容在发送验证码后被修改" : "短信验证码未全部通过");
            return View("File", FilingModel(contract, listing, parties, confirmed, typed, codesSent: !changed, notice: null,
                error: changed ? Contract.ChangedSinceCodesMessage : "有当事人的验证码未通过，请核对后重新提交。"));
        }

        var now = clock.GetUtcNow();
        try
        {
            await numbering.FileAsync(now, number =>
            {
                contract.File(listing, number, parties, contentHash, now);
                audit.Record("contract.filed", "Contract", contract.Id.ToString(), "合同编号 " + number);
            }, cancellationToken);
            metrics.ContractFiled();
        }
        catch (DomainException ex)
        {
            return View("File", FilingModel(contract, listing, parties, confirmed, typed, codesSent: true, notice: null, error: ex.Message));
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved the contract or its buyers after the codes were checked: what they confirmed is not what
            // is stored now. Filed by another submission → the list says so; changed → the codes no longer count.
            db.ChangeTracker.Clear();
            var status = await db.Contracts.AsNoTracking().Where(c => c.Id == contract.Id).Select(c => c.Status).SingleAsync(cancellationToken);
            return status != ContractStatus.Draft
                ? Redirect("/contracts?message=already-filed")
                : Redirect($"/contracts/{contract.Id}/file");
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

    /// <summary>The index of the owner whose phone the seller asked to verify (intent owner-phone-N), if that owner has none yet.</summary>
    private static int? OwnerWithoutPhone(string? intent, List<ContractPartyDetails> parties) =>
        intent?.StartsWith(OwnerPhoneIntent, StringComparison.Ordinal) == true
        && int.TryParse(intent.AsSpan(OwnerPhoneIntent.Length), out var index) && index >= 0 && index < parties.Count
        && parties[index] is { Role: PartyRole.Seller, Phone: null }
            ? index
            : null;

    /// <summary>
    /// A co-owner who never signed in: the seller types the co-owner's mobile, the registry confirms name, ID number and
    /// mobile together, and the co-owner is recorded as a verified person with that phone, so their filing code goes
    /// to them. A mismatch says only that the three do not agree.
    /// </summary>
    private async Task<IActionResult> VerifyOwnerPhoneAsync(
        Contract contract, Listing listing, List<ContractPartyDetails> parties, IReadOnlySet<string> confirmed, int index, string? typedPhone,
        List<string?> typed, CancellationToken cancellationToken)
    {
        var owner = parties[index];
        var key = $"OwnerPhones[{index}]";
        var actor = AuditActor.From(User);
        string? problem = null;
        if (!PhoneNumber.TryParse(typedPhone, out var phone, out var phoneError))
        {
            problem = phoneError;
        }
        else if (!PartyIdentityCheck.CanCheck(owner.IdType))
        {
            problem = "该共有人的证件无法在线核验手机号码，请其本人扫码登录一次。";
        }
        else if (await identityCheck.ChecksLeftTodayAsync(actor, cancellationToken) == 0)
        {
            problem = PartyIdentityCheck.LimitMessage(1, 0);
        }
        else
        {
            problem = await RecordOwnerPhoneAsync(contract, owner, phone, actor, cancellationToken);
        }

        if (problem is not null)
        {
            ModelState.AddModelError(key, problem);
            return View("File", FilingModel(contract, listing, parties, confirmed, typed, false, null, null,
                ownerPhones: new Dictionary<int, string?> { [index] = typedPhone }));
        }

        var refreshed = await filingParties.OfAsync(listing, cancellationToken);
        return View("File", FilingModel(contract, listing, refreshed, confirmed, typed, false,
            $"共有人 {Masking.MaskName(owner.Name)} 的手机号码已核验。全部当事人都有手机号码后即可发送验证码。", null));
    }

    /// <summary>Null when the registry confirmed the owner's phone and it was recorded; else the message for the field.</summary>
    private async Task<string?> RecordOwnerPhoneAsync(
        Contract contract, ContractPartyDetails owner, PhoneNumber phone, AuditActor actor, CancellationToken cancellationToken)
    {
        var idNumber = IdNumber.Parse(owner.IdType, owner.IdNumber);
        bool matches;
        try
        {
            matches = await identityCheck.MatchesAsync(actor, "Contract", contract.Id, "共有人", owner.Name, idNumber, phone, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException
                                   && !cancellationToken.IsCancellationRequested)
        {
            return PartyIdentityCheck.UnavailableMessage;
        }

        if (matches)
        {
            var now = clock.GetUtcNow();
            db.People.Add(new Person(Guid.CreateVersion7(now), owner.Name, idNumber, phone, now));
            audit.Record("contract.co-owner-phone-verified", "Contract", contract.Id.ToString(), $"共有人 {Masking.MaskName(owner.Name)} 手机号码核验通过", actor);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The co-owner signed in (or was verified in another tab) at this very moment: their record stands.
            db.ChangeTracker.Clear();
        }

        return matches ? null : PartyIdentityCheck.MismatchMessage;
    }

    private FilingViewModel FilingModel(
        Contract contract, Listing listing, List<ContractPartyDetails> parties, IReadOnlySet<string> confirmed, List<string?>? typed, bool codesSent,
        string? notice, string? error, IReadOnlyDictionary<int, string?>? ownerPhones = null)
    {
        var price = contract.Terms.Price is { } p && Money.TryCreate(p, out var money, out _) ? money : (Money?)null;
        return new FilingViewModel(
            contract.Id,
            listing.Home!.Location,
            listing.Home.BuildingArea,
            price?.ToFigures() ?? "未填写",
            price?.ToChineseCapitals() ?? string.Empty,
            [.. parties.Select((party, i) => new FilingPartyView(
                i, RoleName(party), party.Name, Masking.MaskIdNumber(party.IdNumber),
                party.Phone is null ? null : Masking.MaskPhone(party.Phone), typed is not null && i < typed.Count ? typed[i] : null,
                ownerPhones?.GetValueOrDefault(i), confirmed.Contains(filingParties.PartyKey(party)), !PartyIdentityCheck.CanCheck(party.IdType)))],
            [.. contract.FindFilingProblems(listing, parties).Select(problem => problem.Message)],
            codesSent,
            notice,
            error);
    }

    private const string OwnerPhoneIntent = "owner-phone-";

    private const string OwnPhoneOnlyMessage = "该当事人的证件无法在线核验，须本人登录后在手机上打开短信链接确认，验证码不能在此代填。";

    private static string RoleName(ContractPartyDetails party) => party.Role == PartyRole.Buyer ? "买家" : "卖家";

    /// <summary>The contract and its listing when the signed-in person owns the home; else null.</summary>
    private async Task<(Contract Contract, Listing Listing)?> LoadForSellerAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await db.CurrentPersonKeyAsync(User, cancellationToken);
        var contract = await db.Contracts.OfSeller(db, person).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contract is null)
        {
            return null;
        }

        var listing = await db.Listings.Include(l => l.Home).ThenInclude(h => h!.Owners)
            .SingleAsync(l => l.Id == contract.ListingId, cancellationToken);
        return (contract, listing);
    }
}
