using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.Messaging;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Features.Shared;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Integrations;
using Wuhan.Resale.Web.Messaging;

namespace Wuhan.Resale.Web.Features.Staff;

/// <summary>
/// 窗口办理: for an offline case whose 限购 class staff decided, a clerk with the parties at the counter enters the buyers
/// and the contract terms and files it with every party's SMS code. The same domain calls as online (ConfirmBuyers,
/// UpdateTerms, File), the same registry check of buyers, the same code subjects; every step is audited as the clerk,
/// and the contract is marked 窗口办理 with the clerk's name.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Staff)]
public sealed class CounterFilingController(
    ResaleDbContext db,
    UserManager<ApplicationUser> users,
    VerificationCodeService codes,
    ContractNumbering numbering,
    FilingParties filingParties,
    PartyIdentityCheck identityCheck,
    ISmsGateway sms,
    AuditTrail audit,
    TimeProvider clock) : Controller
{
    private const string IdentityConfirmedField = "identityChecked";

    [HttpGet("/staff/cases/{id:guid}/counter")]
    public async Task<IActionResult> Index(Guid id, string? message, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not var (listing, draft))
        {
            return NotFound();
        }

        var notice = message switch
        {
            "buyers-saved" => "购房人信息已保存。",
            "terms-saved" => "合同条款已保存。",
            _ => null,
        };
        return View("Counter", await ModelAsync(listing, draft, null, null, null, false, notice, null, cancellationToken));
    }

    [HttpPost("/staff/cases/{id:guid}/counter/buyers")]
    public async Task<IActionResult> SaveBuyers(Guid id, [FromForm(Name = "Buyers")] List<CounterBuyerRow>? rows, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not var (listing, draft))
        {
            return NotFound();
        }

        if (NotOpenAtCounter(listing) is { } closed)
        {
            return View("Counter", await ModelAsync(listing, draft, null, null, null, false, null, closed, cancellationToken));
        }

        rows = [.. (rows ?? []).Take(Listing.MaxBuyers + 2)];
        var (buyers, errors) = CounterBuyers.Read(rows);
        errors.ForEach(e => ModelState.AddModelError(e.Field, e.Message));
        if (errors.Count == 0 && buyers.Count == 0)
        {
            ModelState.AddModelError("Buyers[0].Name", "请至少录入一位购房人。");
        }

        if (!ModelState.IsValid)
        {
            return View("Counter", await ModelAsync(listing, draft, rows, null, null, false, null, null, cancellationToken));
        }

        if (await CheckBuyersAsync(listing, rows, cancellationToken) is { } refusal)
        {
            return View("Counter", await ModelAsync(listing, draft, rows, null, null, false, null, refusal, cancellationToken));
        }

        IReadOnlyList<PhoneNumber> toTell = [];
        try
        {
            var contract = listing.ConfirmBuyers(buyers, draft, listing.SellerPersonId, clock.GetUtcNow());
            if (draft is null)
            {
                db.Contracts.Add(contract);
            }
            else
            {
                toTell = await filingParties.WithdrawIfChangedAsync(contract, listing, cancellationToken);
            }

            audit.Record("listing.buyers-saved", "Listing", listing.Id.ToString(), $"窗口办理：购房人{buyers.Count}位");
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException ex)
        {
            return View("Counter", await ModelAsync(listing, draft, rows, null, null, false, null, ex.Message, cancellationToken));
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await StaleAsync(id, rows, null, cancellationToken);
        }

        await filingParties.TellChangedAsync(listing, toTell, cancellationToken);
        return Redirect($"/staff/cases/{id}/counter?message=buyers-saved#buyers");
    }

    [HttpPost("/staff/cases/{id:guid}/counter/terms")]
    public async Task<IActionResult> SaveTerms(Guid id, CounterTermsForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await LoadAsync(id, cancellationToken) is not var (listing, draft))
        {
            return NotFound();
        }

        if (NotOpenAtCounter(listing) is { } closed)
        {
            return View("Counter", await ModelAsync(listing, draft, null, null, null, false, null, closed, cancellationToken));
        }

        form.Installments = [.. form.Installments.Take(PaymentInstallment.MaxSchedule)];
        if (draft is null)
        {
            return View("Counter", await ModelAsync(listing, draft, null, form, null, false, null, "请先录入并保存购房人信息，再填写合同条款。", cancellationToken));
        }

        form.DropSuppliedFactsTheRegistryHas(listing.Home!);
        var (terms, schedule, errors) = form.Read(listing.Home!.Owners.Count > 1);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }

        if (!ModelState.IsValid)
        {
            return View("Counter", await ModelAsync(listing, draft, null, form, null, false, null, "有内容填写格式不正确，请按提示修改；合同条款尚未保存。", cancellationToken));
        }

        IReadOnlyList<PhoneNumber> toTell;
        try
        {
            draft.UpdateTerms(terms, schedule, clock.GetUtcNow());
            toTell = await filingParties.WithdrawIfChangedAsync(draft, listing, cancellationToken);
            audit.Record("contract.saved", "Contract", draft.Id.ToString(), "窗口办理：保存合同条款");
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException ex)
        {
            return View("Counter", await ModelAsync(listing, draft, null, form, null, false, null, ex.Message, cancellationToken));
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await StaleAsync(id, null, form, cancellationToken);
        }

        await filingParties.TellChangedAsync(listing, toTell, cancellationToken);
        return Redirect($"/staff/cases/{id}/counter?message=terms-saved#terms");
    }

    /// <summary>发送短信验证码 to every party, then 确认提交 with every party's code typed at the counter.</summary>
    [HttpPost("/staff/cases/{id:guid}/counter/file")]
    public async Task<IActionResult> File(
        Guid id,
        string? intent,
        [FromForm(Name = "codes")] Dictionary<int, string?>? typedCodes,
        [FromForm(Name = IdentityConfirmedField)] string? identityChecked,
        CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not var (listing, draft))
        {
            return NotFound();
        }

        if (NotOpenAtCounter(listing) is { } closed)
        {
            return View("Counter", await ModelAsync(listing, draft, null, null, null, false, null, closed, cancellationToken));
        }

        if (draft is null || draft.Status != ContractStatus.Draft)
        {
            return View("Counter", await ModelAsync(listing, draft, null, null, null, false, null, "该案件没有可以申报的合同草稿。", cancellationToken));
        }

        var parties = await filingParties.OfAsync(listing, cancellationToken);
        var typed = Enumerable.Range(0, parties.Count).Select(i => typedCodes?.GetValueOrDefault(i)).ToList();
        var contentHash = ContractContent.Hash(draft, listing, parties);
        if (draft.FindFilingProblems(listing, parties).Count > 0)
        {
            return View("Counter", await ModelAsync(listing, draft, null, null, typed, false, null, "合同尚不能申报，请先处理下列问题。", cancellationToken));
        }

        return intent == "confirm"
            ? await ConfirmAsync(listing, draft, parties, contentHash, typed, identityChecked == "true", cancellationToken)
            : await SendCodesAsync(listing, draft, parties, contentHash, typed, cancellationToken);
    }

    private async Task<IActionResult> SendCodesAsync(
        Listing listing, Contract draft, List<ContractPartyDetails> parties, string contentHash, List<string?> typed, CancellationToken cancellationToken)
    {
        var price = Money.Create(draft.Terms.Price!.Value).ToFigures();
        var problems = new List<string>();
        foreach (var party in parties)
        {
            var result = await codes.SendAsync(CodePurpose.Filing, filingParties.Subject(draft, contentHash, party), PhoneNumber.Parse(party.Phone!),
                code => $"【武汉房产网签】验证码{code}（5分钟内有效），用于在房管窗口确认{listing.Home!.Location}、成交价{price}元的存量房买卖合同网签。" +
                        "请只告诉为您办理的窗口工作人员。",
                cancellationToken);
            if (result.Status != SendCodeStatus.Sent)
            {
                problems.Add($"{RoleName(party)} {Masking.MaskName(party.Name)}：{result.Message}");
            }
        }

        await audit.RecordNowAsync("contract.counter-codes-sent", "Contract", draft.Id.ToString(), $"窗口办理：向{parties.Count}位当事人发送验证码");
        return View("Counter", await ModelAsync(listing, draft, null, null, typed, true,
            problems.Count == 0 ? "验证码已发送到每位当事人的手机，5分钟内有效。请各方当面告知验证码。" : null,
            problems.Count == 0 ? null : string.Join("；", problems), cancellationToken));
    }

    private async Task<IActionResult> ConfirmAsync(
        Listing listing, Contract draft, List<ContractPartyDetails> parties, string contentHash, List<string?> typed, bool identityChecked,
        CancellationToken cancellationToken)
    {
        if (!identityChecked)
        {
            ModelState.AddModelError(IdentityConfirmedField, "请先当面核验全部当事人的身份证件原件，并勾选确认。");
            return View("Counter", await ModelAsync(listing, draft, null, null, typed, true, null, null, cancellationToken));
        }

        var items = parties.Select((p, i) => (filingParties.Subject(draft, contentHash, p), PhoneNumber.Parse(p.Phone!), typed[i])).ToList();
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

            await audit.RecordNowAsync("contract.filing-refused", "Contract", draft.Id.ToString(), "窗口办理：短信验证码未全部通过");
            return View("Counter", await ModelAsync(listing, draft, null, null, typed, true, null, "有当事人的验证码未通过，请核对后重新提交。", cancellationToken));
        }

        var clerk = AuditActor.From(User);
        try
        {
            var now = clock.GetUtcNow();
            await numbering.FileAsync(now, number =>
            {
                draft.FileAtCounter(listing, number, parties, contentHash, clerk.Name, now);
                audit.Record("contract.filed", "Contract", draft.Id.ToString(), $"合同编号 {number}（窗口办理，各方当事人当面确认）", clerk);
            }, cancellationToken);
        }
        catch (DomainException ex)
        {
            return View("Counter", await ModelAsync(listing, draft, null, null, typed, true, null, ex.Message, cancellationToken));
        }
        catch (DbUpdateException)
        {
            // Filed or changed by another request (the seller online, another clerk) after the codes were checked.
            db.ChangeTracker.Clear();
            return await StaleAsync(listing.Id, null, null, cancellationToken);
        }

        foreach (var party in parties)
        {
            await sms.SendAsync(PhoneNumber.Parse(party.Phone!),
                $"【武汉房产网签】您参与的存量房买卖合同已在房管窗口办理网签，合同编号{draft.ContractNumber}。可登录平台查看和下载合同。",
                "FilingNotice", cancellationToken);
        }

        return Redirect($"/staff/contracts/{draft.Id}?message=counter-filed");
    }

    /// <summary>New buyers whose documents the registry can check are checked as online (name, ID number and mobile together).</summary>
    private async Task<string?> CheckBuyersAsync(Listing listing, List<CounterBuyerRow> rows, CancellationToken cancellationToken)
    {
        var saved = listing.Buyers.Select(b => (b.IdType, b.IdNumber, b.Phone, b.Name)).ToHashSet();
        var toCheck = Enumerable.Range(0, rows.Count)
            .Where(i => !rows[i].IsBlank && rows[i].ParsedIdType is { } type && PartyIdentityCheck.CanCheck(type)
                        && !saved.Contains((type, IdNumber.Parse(type, rows[i].IdNumber).Value,
                            PhoneNumber.Parse(rows[i].Phone).Value, rows[i].Name!.Trim())))
            .ToList();
        if (toCheck.Count == 0)
        {
            return null;
        }

        var actor = AuditActor.From(User);
        var left = await identityCheck.ChecksLeftTodayAsync(actor, cancellationToken);
        if (toCheck.Count > left)
        {
            return PartyIdentityCheck.LimitMessage(toCheck.Count, left);
        }

        var mismatched = false;
        try
        {
            foreach (var i in toCheck)
            {
                var row = rows[i];
                if (!await identityCheck.MatchesAsync(actor, "Listing", listing.Id, $"第{i + 1}位购房人（窗口办理）", row.Name!.Trim(),
                        IdNumber.Parse(row.ParsedIdType!.Value, row.IdNumber), PhoneNumber.Parse(row.Phone), cancellationToken))
                {
                    ModelState.AddModelError($"Buyers[{i}].Name", PartyIdentityCheck.MismatchMessage);
                    mismatched = true;
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException or NotSupportedException
                                   && !cancellationToken.IsCancellationRequested)
        {
            return PartyIdentityCheck.UnavailableMessage;
        }
        finally
        {
            // The checks answered count toward the day's limit even when the buyers are not saved.
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return mismatched ? "有购房人未通过实名核验，请核对标出的购房人信息。购房人信息未保存。" : null;
    }

    private async Task<IActionResult> StaleAsync(Guid id, List<CounterBuyerRow>? rows, CounterTermsForm? form, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not var (listing, draft))
        {
            return NotFound();
        }

        return View("Counter", await ModelAsync(listing, draft, rows, form, null, false, null,
            "该案件刚被修改过（卖方在网上或其他工作人员办理），请核对后重新提交。", cancellationToken));
    }

    /// <summary>The case's listing (tracked) and its contract, when the clerk's district covers it; else null.</summary>
    private async Task<(Listing Listing, Contract? Draft)?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var listing = await db.Listings.Include(l => l.Home).ThenInclude(h => h!.Owners).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (listing is null || !(await StaffScope.OfAsync(users, User)).Covers(listing))
        {
            return null;
        }

        var contract = await db.Contracts.FirstOrDefaultAsync(c => c.ListingId == listing.Id, cancellationToken);
        return (listing, contract);
    }

    private async Task<CounterFilingViewModel> ModelAsync(
        Listing listing, Contract? draft, List<CounterBuyerRow>? rows, CounterTermsForm? form, List<string?>? typed, bool codesSent,
        string? notice, string? error, CancellationToken cancellationToken)
    {
        var home = listing.Home!;
        rows ??= [.. listing.Buyers.OrderBy(b => b.Order).Select(b => new CounterBuyerRow { Name = b.Name, IdType = b.IdType.ToString(), IdNumber = b.IdNumber, Phone = b.Phone })];
        while (rows.Count < Math.Min(Math.Max(3, rows.Count(r => !r.IsBlank) + 1), Listing.MaxBuyers))
        {
            rows.Add(new CounterBuyerRow());
        }

        form ??= draft is null ? new CounterTermsForm() : CounterTermsForm.From(draft.Terms, draft.Schedule);
        form.Pad();
        var parties = draft is { Status: ContractStatus.Draft } ? await filingParties.OfAsync(listing, cancellationToken) : [];
        var problems = draft is { Status: ContractStatus.Draft } ? draft.FindFilingProblems(listing, parties) : [];
        foreach (var problem in problems)
        {
            if (CounterTermsForm.InputOf(problem) is { } input && ModelState.MessageFor(input) is null)
            {
                ModelState.AddModelError(input, problem.Message);
            }
        }

        return new CounterFilingViewModel(
            listing.Id, listing.ListingCode, listing.Status, listing.RestrictionClass, listing.DeterminedByStaff, home.Location, home.CertificateNumber,
            string.Join("、", home.Owners.Select(o => $"{o.Name}（{Masking.MaskIdNumber(o.IdNumber)}）")),
            draft?.Id, draft?.Status, rows, form,
            [.. problems.Select(p => p.Message).Distinct(StringComparer.Ordinal)],
            [.. parties.Select((p, i) => new CounterPartyView(i, RoleName(p), p.Name, Masking.MaskIdNumber(p.IdNumber),
                p.Phone is null ? null : Masking.MaskPhone(p.Phone), typed is not null && i < typed.Count ? typed[i] : null))],
            codesSent, notice, error);
    }

    /// <summary>Why the counter cannot enter or file anything for this case now; null when it can.</summary>
    private static string? NotOpenAtCounter(Listing listing) =>
        !listing.DeterminedByStaff
            ? listing.Status == ListingStatus.PendingOffline
                ? "请先在案件页认定限购类型，再办理窗口网签。"
                : "只有经房管部门认定限购类型的线下案件才在窗口办理网签；该房源可由卖方在网上办理。"
            : listing.Status is ListingStatus.Verified or ListingStatus.BuyersConfirmed
                ? null
                : $"房源{listing.Status.DisplayName()}，不能再办理窗口网签。";

    private static string RoleName(ContractPartyDetails party) => party.Role == PartyRole.Buyer ? "买方" : "卖方";
}

/// <param name="Problems">What stops filing now (the domain's words), every problem at once.</param>
public sealed record CounterFilingViewModel(
    Guid ListingId, string ListingCode, ListingStatus Status, Domain.Districts.RestrictionClass RestrictionClass, bool DeterminedByStaff,
    string Location, string CertificateNumber, string Owners, Guid? ContractId, ContractStatus? ContractStatus,
    IReadOnlyList<CounterBuyerRow> Buyers, CounterTermsForm Terms, IReadOnlyList<string> Problems, IReadOnlyList<CounterPartyView> Parties,
    bool CodesSent, string? Notice, string? Error)
{
    /// <summary>Buyers and terms may be entered: staff decided the case and no contract is filed yet.</summary>
    public bool Editable => DeterminedByStaff && Status is ListingStatus.Verified or ListingStatus.BuyersConfirmed;
}

public sealed record CounterPartyView(int Index, string RoleName, string Name, string MaskedIdNumber, string? MaskedPhone, string? Code);
