using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Features.Shared;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Pdf;

namespace Wuhan.Resale.Web.Features.ContractFiling;

/// <summary>
/// 填写合同 / 修改合同: the 武汉市存量房买卖合同 of one listing. 保存合同信息 keeps a draft, complete or not;
/// 检查合同是否完整 shows everything filing would refuse, without saving. A contract that is no longer a draft is
/// shown read-only. Only the seller who started it and the owners of the home may open it; anyone else gets a 404.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Citizen)]
public sealed class ContractFormController(
    ResaleDbContext db,
    ContractFormValidator formValidator,
    ContractFilingValidator filingValidator,
    FilingParties filingParties,
    ContractPdfs pdfs,
    DistrictNames districts,
    AuditTrail audit,
    TimeProvider clock,
    Data.Seed.TaxPolicyFile taxes) : Controller
{
    private const string SavedMessage = "合同信息已保存。可以继续修改，内容完整后回到合同列表申报网签。";
    private const string SavedAfterCodesMessage =
        "合同信息已保存。由于修改前已向各方发送过网签验证码，原验证码已作废，并已短信告知各方；申报网签时请重新发送验证码。";
    private const string NotSavedMessage = "有内容无法识别，合同没有保存。请按红色提示修改后再点击“保存草稿”，您填写的内容都还在。";
    private const string ConflictMessage =
        "这份合同刚刚在另一个页面或窗口中被保存过，本次修改没有保存。下方仍是您刚才填写的内容，请核对后再次点击“保存草稿”（将以本页内容为准）。";

    [HttpGet("/contracts/{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, int? saved, string? section, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not var (contract, listing))
        {
            return NotFound();
        }

        var form = ContractForm.From(contract.Terms, contract.Schedule, HasCoOwners(listing));
        PageNotice? notice = contract.Status != ContractStatus.Draft
            ? new PageNotice("info", $"合同状态为“{contract.Status.DisplayName()}”，内容已不能修改，以下为合同内容。")
            : saved switch
            {
                1 => new PageNotice("ok", SavedMessage),
                2 => new PageNotice("ok", SavedAfterCodesMessage),
                _ => null,
            };
        return await ContractPageAsync(contract, listing, form, VersionOf(contract), notice, cancellationToken,
            ContractFormSections.Find(section) ?? ContractFormSections.First);
    }

    /// <summary>
    /// 预览合同: the draft as it would be filed today, as a PDF stamped 草稿 on every page and without a QR code. It shows
    /// what was last saved; a contract that is no longer a draft goes to its real PDF.
    /// </summary>
    [HttpGet("/contracts/{id:guid}/preview")]
    public async Task<IActionResult> Preview(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not var (contract, listing))
        {
            return NotFound();
        }

        if (contract.Status != ContractStatus.Draft)
        {
            return Redirect($"/contracts/{id}/pdf");
        }

        var parties = await filingParties.OfAsync(listing, cancellationToken);
        var document = await pdfs.DraftDocumentAsync(contract, listing, parties, cancellationToken);
        byte[] pdf;
        try
        {
            pdf = pdfs.RenderDraft(document);
        }
        catch (InvalidOperationException ex)
        {
            var form = ContractForm.From(contract.Terms, contract.Schedule, HasCoOwners(listing));
            return await ContractPageAsync(contract, listing, form, VersionOf(contract), new PageNotice("error", ex.Message), cancellationToken);
        }

        await audit.RecordNowAsync("contract.previewed", "Contract", contract.Id.ToString(), "预览合同草稿（PDF）");
        Response.Headers.CacheControl = "no-store";
        var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName($"合同草稿-{listing.ListingCode}.pdf");
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(pdf, "application/pdf");
    }

    [HttpPost("/contracts/{id:guid}/edit")]
    public async Task<IActionResult> Save(Guid id, ContractForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not var (contract, listing))
        {
            return NotFound();
        }

        if (contract.Status != ContractStatus.Draft)
        {
            // The page shows it read-only with the reason; nothing posted is read.
            return RedirectToAction(nameof(Edit), new { id });
        }

        // Only the explicit validators below decide what is wrong; binding strings cannot fail anyway.
        ModelState.Clear();
        form.HasCoOwners = HasCoOwners(listing);
        form.RegistryHome = listing.Home;
        form.DropSuppliedFactsTheRegistryHas(listing.Home!);
        form.DropExtraBlankRows();
        switch (form.Intent)
        {
            case ContractFormIntents.AddInstallment:
                form.PadRows(form.Installments.Count + 1);
                return await ContractPageAsync(contract, listing, form, form.Version,
                    form.Installments.Count >= ContractForm.MaxRows ? new PageNotice("info", $"付款计划最多{ContractForm.MaxRows}期。") : null, cancellationToken);
            case ContractFormIntents.Check:
                return await CheckAsync(contract, listing, form, cancellationToken);
            default:
                return await SaveAsync(contract, listing, form, cancellationToken);
        }
    }

    private async Task<IActionResult> CheckAsync(Contract contract, Listing listing, ContractForm form, CancellationToken cancellationToken)
    {
        var result = await filingValidator.ValidateAsync(form, cancellationToken);
        var count = CopyErrors(result);
        form.PadRows(ContractForm.MinimumRows);
        var notice = count == 0
            ? new PageNotice("ok", "合同内容已填写完整。检查不会保存修改，请点击“保存草稿”保存后再申报网签。")
            : new PageNotice("error", $"合同还有 {count} 处需要填写或修改，已在对应位置用红字标出，所在部分已展开。检查不会保存修改。");
        return await ContractPageAsync(contract, listing, form, form.Version, notice, cancellationToken, ContractFormSections.Find(ContractFormSections.Review));
    }

    private async Task<IActionResult> SaveAsync(Contract contract, Listing listing, ContractForm form, CancellationToken cancellationToken)
    {
        var result = await formValidator.ValidateAsync(form, cancellationToken);
        if (CopyErrors(result) > 0)
        {
            form.PadRows(ContractForm.MinimumRows);
            return await ContractPageAsync(contract, listing, form, form.Version, new PageNotice("error", NotSavedMessage), cancellationToken);
        }

        if (Guid.TryParse(form.Version, out var version))
        {
            // Compare with the version the page was rendered from, not the one just read: a save from a stale tab loses.
            db.Entry(contract).Property(ResaleDbContext.VersionProperty).OriginalValue = version;
        }

        IReadOnlyList<Domain.ValueObjects.PhoneNumber> toTell;
        try
        {
            contract.UpdateTerms(form.ToTerms(), form.ToSchedule().Select(s => s.Installment), clock.GetUtcNow());
            toTell = await filingParties.WithdrawIfChangedAsync(contract, listing, cancellationToken);
            audit.Record("contract.saved", "Contract", contract.Id.ToString(),
                toTell.Count > 0 ? $"保存合同信息（草稿），此前发送的网签验证码作废，已通知{toTell.Count}位当事人" : "保存合同信息（草稿）");
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException ex)
        {
            return await ContractPageAsync(contract, listing, form, form.Version, new PageNotice("error", ex.Message), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Contracts.AsNoTracking().Where(c => c.Id == contract.Id)
                .Select(c => new { Version = EF.Property<Guid>(c, ResaleDbContext.VersionProperty), c.Status })
                .SingleOrDefaultAsync(cancellationToken);
            if (current is null || current.Status != ContractStatus.Draft)
            {
                return RedirectToAction(nameof(Edit), new { id = contract.Id });
            }

            form.PadRows(ContractForm.MinimumRows);
            return await ContractPageAsync(contract, listing, form, current.Version.ToString(), new PageNotice("error", ConflictMessage), cancellationToken);
        }

        await filingParties.TellChangedAsync(listing, toTell, cancellationToken);
        var next = ContractFormSections.Find(form.GoTo) ?? ContractFormSections.Find(form.Section) ?? ContractFormSections.First;
        var saved = toTell.Count > 0 ? 2 : 1;
        return next == ContractFormSections.First
            ? RedirectToAction(nameof(Edit), new { id = contract.Id, saved })
            : RedirectToAction(nameof(Edit), null, new { id = contract.Id, saved, section = next.Key }, next.Anchor);
    }

    /// <summary>
    /// The contract with its listing and home, if the signed-in person verified or owns the home
    /// (<see cref="ContractAccess"/>); otherwise null, whether or not it exists.
    /// </summary>
    private async Task<(Contract Contract, Listing Listing)?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await db.CurrentPersonKeyAsync(User, cancellationToken);
        var contract = await db.Contracts.OfSeller(db, person).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contract is null)
        {
            return null;
        }

        var listing = await db.Listings.AsNoTracking()
            .Include(l => l.Home).ThenInclude(h => h!.Owners)
            .SingleAsync(l => l.Id == contract.ListingId, cancellationToken);
        return (contract, listing);
    }

    private int CopyErrors(FluentValidation.Results.ValidationResult result)
    {
        // One message per field: when a value cannot be read, "please fill it in" would only repeat the point.
        var count = 0;
        foreach (var error in result.Errors)
        {
            if (ModelState.MessageFor(error.PropertyName) is null)
            {
                ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
                count++;
            }
        }

        return count;
    }

    /// <param name="section">The section to open; by default the one the post came from.</param>
    private async Task<ViewResult> ContractPageAsync(
        Contract contract, Listing listing, ContractForm form, string? version, PageNotice? notice, CancellationToken cancellationToken,
        ContractFormSection? section = null)
    {
        section ??= ContractFormSections.Find(form.Section) ?? ContractFormSections.First;
        var district = await districts.NameOfAsync(listing.DistrictCode, cancellationToken);
        ViewData[TaxEstimatePanel.ViewDataKey] = TaxEstimatePanel.Build(contract, listing, form, taxes, clock.GetUtcNow());
        return View("Edit", ContractFormPage.Build(contract, listing, district, form, version, notice, section));
    }

    private string VersionOf(Contract contract) =>
        db.Entry(contract).Property<Guid>(ResaleDbContext.VersionProperty).CurrentValue.ToString();

    private static bool HasCoOwners(Listing listing) => listing.Home!.Owners.Count > 1;
}
