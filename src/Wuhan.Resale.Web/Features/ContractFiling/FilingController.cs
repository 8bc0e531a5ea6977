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
    NumberSequences numbers,
    FilingParties filingParties,
    PartyIdentityCheck identityCheck,
    ISmsGateway sms,
    AuditTrail audit,
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
        var withdrawn = await filingParties.HasWithdrawnCodesAsync(contract, ContractContent.Hash(contract, listing, parties), cancellationToken);
        return View(FilingModel(contract, listing, parties, null, codesSent: false, notice: null,
            error: withdrawn ? Contract.ChangedSinceCodesMessage : null));
    }

    [HttpPost("/contracts/{id:guid}/file")]
    public async Task<IActionResult> Submit(
        Guid id, string? intent, List<string?>? codes, Dictionary<int, string?>? ownerPhones, CancellationToken cancellationToken)
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
        var typed = (codes ?? []).Take(parties.Count).ToList();
        if (OwnerWithoutPhone(intent, parties) is { } owner)
        {
            return await VerifyOwnerPhoneAsync(contract, listing, parties, owner, ownerPhones?.GetValueOrDefault(owner), typed, cancellationToken);
        }

        if (contract.FindFilingProblems(listing, parties).Count > 0)
        {
            return View("File", FilingModel(contract, listing, parties, typed, false, null, null));
        }

        return intent == "confirm"
            ? await ConfirmAsync(contract, listing, parties, typed, cancellationToken)
            : await SendCodesAsync(contract, listing, parties, typed, cancellationToken);
    }

    private async Task<IActionResult> SendCodesAsync(
        Contract contract, Listing listing, List<ContractPartyDetails> parties, List<string?> typed, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var contentHash = ContractContent.Hash(contract, listing, parties);
        foreach (var party in parties)
        {
            var result = await codes.SendAsync(CodePurpose.Filing, filingParties.Subject(contract, contentHash, party), PhoneNumber.Parse(party.Phone!),
                code => $"【武汉房产网签】验证码{code}，用于确认存量房买卖合同网签申报，5分钟内有效。如非本人交易，请勿告诉他人。", cancellationToken);
            if (result.Status != SendCodeStatus.Sent)
            {
                problems.Add($"{RoleName(party)} {Masking.MaskName(party.Name)}：{result.Message}");
            }
        }

        audit.Record("contract.filing-codes-sent", "Contract", contract.Id.ToString(), $"向{parties.Count}位当事人发送验证码");
        await db.SaveChangesAsync(cancellationToken);
        return View("File", FilingModel(contract, listing, parties, typed, codesSent: true,
            notice: problems.Count == 0 ? "验证码已发送到每位当事人的手机，5分钟内有效。" : null,
            error: problems.Count == 0 ? null : string.Join("；", problems)));
    }

    private async Task<IActionResult> ConfirmAsync(
        Contract contract, Listing listing, List<ContractPartyDetails> parties, List<string?> typed, CancellationToken cancellationToken)
    {
        // The codes are looked up for the contract as it is now: a code sent before a change is not found.
        var contentHash = ContractContent.Hash(contract, listing, parties);
        var items = parties.Select((p, i) => (filingParties.Subject(contract, contentHash, p), PhoneNumber.Parse(p.Phone!), i < typed.Count ? typed[i] : null)).ToList();
        var results = await codes.VerifyAllAsync(CodePurpose.Filing, items, cancellationToken);
        if (results.Any(r => r != VerifyCodeStatus.Accepted))
        {
            var changed = results.Any(r => r == VerifyCodeStatus.NoCode)
                && await filingParties.HasWithdrawnCodesAsync(contract, contentHash, cancellationToken);
            for (var i = 0; i < results.Count; i++)
            {
                if (results[i] != VerifyCodeStatus.Accepted)
                {
                    ModelState.AddModelError($"Codes[{i}]", VerificationCodeService.Describe(results[i]));
                }
            }

            await audit.RecordNowAsync("contract.filing-refused", "Contract", contract.Id.ToString(),
                changed ? "合同内容在发送验证码后被修改" : "短信验证码未全部通过");
            return View("File", FilingModel(contract, listing, parties, typed, codesSent: !changed, notice: null,
                error: changed ? Contract.ChangedSinceCodesMessage : "有当事人的验证码未通过，请核对后重新提交。"));
        }

        var now = clock.GetUtcNow();
        try
        {
            var year = ShanghaiTime.DateOf(now).Year;
            var number = ContractNumber.Create(year, await numbers.TakeAsync(ContractNumber.SequenceName(year), cancellationToken));
            contract.File(listing, number, parties, contentHash, now);
            audit.Record("contract.filed", "Contract", contract.Id.ToString(), "合同编号 " + number);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException ex)
        {
            return View("File", FilingModel(contract, listing, parties, typed, codesSent: true, notice: null, error: ex.Message));
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
        Contract contract, Listing listing, List<ContractPartyDetails> parties, int index, string? typedPhone, List<string?> typed,
        CancellationToken cancellationToken)
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
            return View("File", FilingModel(contract, listing, parties, typed, false, null, null, ownerPhones: new Dictionary<int, string?> { [index] = typedPhone }));
        }

        var refreshed = await filingParties.OfAsync(listing, cancellationToken);
        return View("File", FilingModel(contract, listing, refreshed, typed, false,
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

    private static FilingViewModel FilingModel(
        Contract contract, Listing listing, List<ContractPartyDetails> parties, List<string?>? typed, bool codesSent, string? notice, string? error,
        IReadOnlyDictionary<int, string?>? ownerPhones = null)
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
                ownerPhones?.GetValueOrDefault(i)))],
            [.. contract.FindFilingProblems(listing, parties).Select(problem => problem.Message)],
            codesSent,
            notice,
            error);
    }

    private const string OwnerPhoneIntent = "owner-phone-";

    private static string RoleName(ContractPartyDetails party) => party.Role == PartyRole.Buyer ? "买家" : "卖家";

    /// <summary>The contract and its listing when the signed-in person owns the home; else null.</summary>
    private async Task<(Contract Contract, Listing Listing)?> LoadForSellerAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await db.CurrentPersonAsync(User, cancellationToken);
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
