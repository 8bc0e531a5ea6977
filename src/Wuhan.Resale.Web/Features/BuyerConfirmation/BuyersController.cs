using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Features.Shared;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.Web.Features.BuyerConfirmation;

/// <summary>
/// 确认买方: the home panel and the buyers table; 添加购房人, 删除, 保存购房人信息. Saved buyers are shown masked and
/// kept as they are unless deleted; a refused save keeps every row as typed. New buyers with a 居民身份证 are checked
/// against the citizen registry before anything is saved (<see cref="BuyerIdentityCheck"/>).
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Citizen)]
public sealed class BuyersController(
    ResaleDbContext db,
    IValidator<BuyersForm> validator,
    AuditTrail audit,
    PartyIdentityCheck partyCheck,
    FilingParties filingParties,
    DistrictNames districts,
    TimeProvider clock) : Controller
{
    [HttpGet("/listings/{id:guid}/buyers")]
    public async Task<IActionResult> Index(Guid id, CancellationToken cancellationToken)
    {
        var (person, listing) = await LoadAsync(id, cancellationToken);
        if (listing is null)
        {
            return NotFound();
        }

        var form = new BuyersForm
        {
            Version = Version(listing),
            Rows = [.. listing.Buyers.OrderBy(b => b.Order).Select(b => new BuyerRow { ExistingId = b.Id })],
        };
        if (form.Rows.Count == 0)
        {
            form.Rows.Add(new BuyerRow());
        }

        // 带押过户 waiting for (or refused by) the mortgagee bank: the page says so before anyone types a buyer.
        return View(await ModelAsync(person, listing, form, listing.MortgageConsentWait, cancellationToken));
    }

    [HttpPost("/listings/{id:guid}/buyers")]
    public async Task<IActionResult> Save(Guid id, BuyersForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (person, listing) = await LoadAsync(id, cancellationToken);
        if (listing is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        form.Rows ??= [];
        if (form.Rows.Count > Listing.MaxBuyers * 2)
        {
            form.Rows = form.Rows.Take(Listing.MaxBuyers * 2).ToList();
        }

        if (form.Intent == "add")
        {
            form.Rows.Add(new BuyerRow());
            return View("Index", await ModelAsync(person, listing, form, null, cancellationToken));
        }

        if (form.Intent?.StartsWith("remove-", StringComparison.Ordinal) == true
            && int.TryParse(form.Intent["remove-".Length..], out var index) && index >= 0 && index < form.Rows.Count)
        {
            form.Rows.RemoveAt(index);
            if (form.Rows.Count == 0)
            {
                form.Rows.Add(new BuyerRow());
            }

            return View("Index", await ModelAsync(person, listing, form, null, cancellationToken));
        }

        // Saved buyers are resent only by id: their numbers never travel through the page.
        var saved = listing.Buyers.ToDictionary(b => b.Id);
        form.Rows.RemoveAll(r => r.ExistingId is { } existing && !saved.ContainsKey(existing));
        var validation = await validator.ValidateAsync(new BuyersForm
        {
            Rows = form.Rows.Select(r => r.ExistingId is { } e ? FromSaved(saved[e]) : r).ToList(),
        }, cancellationToken);
        foreach (var error in validation.Errors)
        {
            ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }

        if (!validation.IsValid)
        {
            return View("Index", await ModelAsync(person, listing, form, null, cancellationToken));
        }

        // Only well-formed rows reach the registry. Nothing else is tracked as changed yet, so the check may save its
        // audit rows (the daily count) before the buyers themselves.
        var identity = await new BuyerIdentityCheck(db, partyCheck).CheckAsync(User, listing.Id, form.Rows, cancellationToken);
        if (identity.Refusal is not null)
        {
            foreach (var row in identity.MismatchedRows)
            {
                ModelState.AddModelError($"Rows[{row}]", BuyerIdentityCheck.MismatchMessage);
            }

            return View("Index", await ModelAsync(person, listing, form, identity.Refusal, cancellationToken));
        }

        var buyers = form.Rows.Where(r => r.ExistingId is not null || !r.IsBlank).Select(r => r.ExistingId is { } e
            ? new BuyerDetails(saved[e].Name, IdNumber.Parse(saved[e].IdType, saved[e].IdNumber), PhoneNumber.Parse(saved[e].Phone))
            : new BuyerDetails(r.Name!.Trim(), IdNumber.Parse(r.IdType, r.IdNumber), PhoneNumber.Parse(r.Phone))).ToList();
        IReadOnlyList<PhoneNumber> toTell = [];
        try
        {
            db.Entry(listing).Property(ResaleDbContext.VersionProperty).OriginalValue = form.Version;
            var draft = await db.Contracts.FirstOrDefaultAsync(c => c.ListingId == listing.Id, cancellationToken);
            var contract = listing.ConfirmBuyers(buyers, draft, person.Id, clock.GetUtcNow());
            if (draft is null)
            {
                db.Contracts.Add(contract);
            }
            else
            {
                // The buyers are part of what the parties confirm: codes sent for the old set no longer count.
                toTell = await filingParties.WithdrawIfChangedAsync(contract, listing, cancellationToken);
            }

            audit.Record("listing.buyers-saved", "Listing", listing.Id.ToString(),
                toTell.Count > 0 ? $"购房人{buyers.Count}位，此前发送的网签验证码作废" : $"购房人{buyers.Count}位");
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException ex)
        {
            return View("Index", await ModelAsync(person, listing, form, ex.Message, cancellationToken));
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var (_, fresh) = await LoadAsync(id, cancellationToken);
            form.Version = fresh is null ? form.Version : Version(fresh);
            return View("Index", await ModelAsync(person, fresh ?? listing, form,
                "购房人信息刚刚在其他页面被修改过，请核对后重新保存。", cancellationToken));
        }

        await filingParties.TellChangedAsync(listing, toTell, cancellationToken);
        return Redirect("/contracts?message=buyers-saved");
    }

    private async Task<BuyersViewModel> ModelAsync(PersonKey person, Listing listing, BuyersForm form, string? error, CancellationToken cancellationToken)
    {
        var district = await districts.NameOfAsync(listing.DistrictCode, cancellationToken);
        var saved = listing.Buyers.ToDictionary(b => b.Id);
        var home = listing.Home!;
        return new BuyersViewModel(
            listing.Id,
            listing.ListingCode,
            string.Join("、", home.Owners.Select(o => o.Name)),
            string.Join("、", home.Owners.Select(o => Masking.MaskIdNumber(o.IdNumber))),
            home.DesignPurpose ?? "未登记",
            district ?? "未知",
            home.Location,
            listing.Status,
            form,
            form.Rows.Select(r => r.ExistingId is { } e && saved.TryGetValue(e, out var b)
                ? new SavedBuyerView(b.Name, b.IdType.DisplayName(), Masking.MaskIdNumber(b.IdNumber), Masking.MaskPhone(b.Phone))
                : null).ToList(),
            error);
    }

    private static BuyerRow FromSaved(Buyer buyer) => new()
    {
        Name = buyer.Name,
        IdType = buyer.IdType,
        IdNumber = buyer.IdNumber,
        Phone = buyer.Phone,
    };

    private Guid Version(Listing listing) => (Guid)db.Entry(listing).Property(ResaleDbContext.VersionProperty).CurrentValue!;

    /// <summary>The listing if the signed-in person verified it or owns the home; else null (a 404 for the caller).</summary>
    private async Task<(PersonKey Person, Listing? Listing)> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await db.CurrentPersonKeyAsync(User, cancellationToken);
        var listing = await db.Listings.VisibleTo(person).Include(l => l.Home).ThenInclude(h => h!.Owners)
            .FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        return (person, listing);
    }
}
public sealed record SavedBuyerView(string Name, string IdTypeName, string MaskedIdNumber, string MaskedPhone);

public sealed record BuyersViewModel(
    Guid ListingId,
    string ListingCode,
    string OwnerNames,
    string OwnerIdNumbers,
    string DesignPurpose,
    string DistrictName,
    string Location,
    ListingStatus Status,
    BuyersForm Form,
    IReadOnlyList<SavedBuyerView?> Saved,
    string? Error);
