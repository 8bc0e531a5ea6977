using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Features.Shared;
using Wuhan.Resale.Web.Infrastructure;

namespace Wuhan.Resale.Web.Features.Help;

/// <summary>
/// 办事指南: the 操作说明 of each step and the FAQ (open to everyone), the printable 下一步 page of a filed contract (its
/// parties only), and the 长辈版 switch every page links to.
/// </summary>
public sealed class HelpController(ResaleDbContext db) : Controller
{
    [HttpGet("/help")]
    public IActionResult Index() => View(HelpTopics.All);

    [HttpGet("/help/faq")]
    public IActionResult Faq() => View(HelpTopics.Faq);

    [HttpGet("/help/{topic:regex(^[[a-z]]+$)}")]
    public IActionResult Topic(string topic) => HelpTopics.Find(topic) is { } found ? View(found) : NotFound();

    /// <summary>下一步 after filing: what to sign, where to register, what to bring. Only for the contract's own people.</summary>
    [Authorize(Policy = AuthorizationPolicies.Citizen)]
    [HttpGet("/help/next/{id:guid}")]
    public async Task<IActionResult> Next(Guid id, CancellationToken cancellationToken)
    {
        var person = await db.CurrentPersonAsync(User, cancellationToken);
        var contract = await db.Contracts.AsNoTracking().OfSeller(db, person).FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? await db.Contracts.AsNoTracking().NamingParty(db, person).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contract is null || contract.Status is not (ContractStatus.Filed or ContractStatus.Registered))
        {
            return NotFound();
        }

        var listing = await db.Listings.AsNoTracking().Include(l => l.Home).SingleAsync(l => l.Id == contract.ListingId, cancellationToken);
        var district = await db.Districts.AsNoTracking().FirstOrDefaultAsync(d => d.Code == listing.DistrictCode, cancellationToken);
        return View(new NextStepsViewModel(
            contract.Id, contract.ContractNumber ?? string.Empty, listing.Home!.Location, contract.Status,
            contract.Terms.Copies ?? 4, contract.Terms.FundsThroughEscrow == true,
            [.. contract.Parties.OrderBy(p => p.Role).ThenBy(p => p.Order)
                .Select(p => (p.Role == PartyRole.Seller ? "卖方" : "买方", Masking.MaskName(p.Name)))],
            district?.Name, district?.Office.Name, district?.Office.Address, district?.Office.Phone, district?.Office.Hours));
    }

    /// <summary>
    /// 长辈版 on or off, remembered for a year in a cookie, then back to the page the person was on. A plain link, so it
    /// works without script; it changes only how pages look.
    /// </summary>
    [HttpGet("/display")]
    public IActionResult Display(string? elder, string? back)
    {
        Response.Cookies.Append(PortalHelp.ElderCookie, elder == "1" ? "1" : "0", new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });
        return LocalRedirect(back is not null && Url.IsLocalUrl(back) ? back : "/");
    }
}

public sealed record NextStepsViewModel(
    Guid ContractId, string ContractNumber, string Location, ContractStatus Status, int Copies, bool FundsSupervised,
    IReadOnlyList<(string Role, string Name)> Parties,
    string? DistrictName, string? OfficeName, string? OfficeAddress, string? OfficePhone, string? OfficeHours);
