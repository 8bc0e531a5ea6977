using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.Web.Features.PartnerApi;

/// <summary>
/// 带押过户 consent: a bank lists the mortgaged homes whose sellers chose to sell them with the mortgage and which the
/// registry names it as mortgagee of, and answers each (同意 with the outstanding loan, or 不同意 with a reason). A home of
/// another bank is not found (404). The answer is audited and told to the seller by SMS.
/// </summary>
[ApiController]
[Route("api/partner/bank/mortgage-consents")]
[IgnoreAntiforgeryToken]
[Authorize(AuthenticationSchemes = PartnerApiKeyHandler.SchemeName, Policy = PartnerPolicies.Bank)]
[Produces("application/json")]
[EnableRateLimiting(RateLimits.Partner)]
public sealed class BankMortgageController(ResaleDbContext db, AuditTrail audit, PartnerIdempotency idempotency, ISmsGateway sms, TimeProvider clock)
    : ControllerBase
{
    /// <summary>The 带押过户 listings waiting for this bank's answer, oldest first.</summary>
    [HttpGet(Name = "ListMortgageConsentRequests")]
    [ProducesResponseType<IReadOnlyList<MortgageConsentRequestView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Pending(CancellationToken cancellationToken)
    {
        var code = await InstitutionCodeAsync(cancellationToken);
        var live = new[] { ListingStatus.Verified, ListingStatus.PendingOffline };
        var listings = code is null
            ? []
            : await db.Listings.AsNoTracking().Include(l => l.Home)
                .Where(l => l.MortgageeCode == code && l.MortgageConsent == MortgageConsentStatus.Pending && live.Contains(l.Status))
                .OrderBy(l => l.CreatedAt).Take(200).ToListAsync(cancellationToken);
        return Ok(listings.Select(MortgageConsentRequestView.From).ToList());
    }

    /// <summary>
    /// Answers one 带押过户 listing by its 房源编码: agreed with the outstanding loan (元), or refused with a reason. The same
    /// answer again is harmless; another answer after the first is refused with 409.
    /// </summary>
    [HttpPost("{listingCode}", Name = "AnswerMortgageConsent")]
    [ProducesResponseType<MortgageConsentResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Answer(string listingCode, MortgageConsentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var start = await idempotency.BeginAsync(this, "mortgage.consent:" + listingCode, request, cancellationToken);
        if (start.Answer is not null)
        {
            return start.Answer;
        }

        var code = await InstitutionCodeAsync(cancellationToken);
        var trimmed = (listingCode ?? string.Empty).Trim();
        var listing = code is null ? null : await db.Listings.FirstOrDefaultAsync(l => l.ListingCode == trimmed && l.MortgageeCode == code && l.MortgageTransfer, cancellationToken);
        if (listing is null)
        {
            return NotFound(new PartnerError("未找到抵押权人为贵行、且卖方选择带押过户的该房源编码。"));
        }

        bool changed;
        try
        {
            changed = listing.RecordMortgageConsent(code!, request.Agreed, request.OutstandingLoan, request.Reason, clock.GetUtcNow());
        }
        catch (DomainException ex)
        {
            db.ChangeTracker.Clear();
            audit.Record("mortgage-consent.refused", "Listing", listing.Id.ToString(), $"房源编码 {listing.ListingCode}：{ex.Message}", Actor);
            await db.SaveChangesAsync(cancellationToken);
            var error = new PartnerError(ex.Message, listing.MortgageConsent?.ToString());
            return ex is MortgageConsentConflictException ? Conflict(error) : UnprocessableEntity(error);
        }

        var answerText = request.Agreed ? $"同意，贷款未还金额 {listing.OutstandingLoan:0.00} 元" : "不同意";
        audit.Record(changed ? "mortgage-consent.answered" : "mortgage-consent.repeated", "Listing", listing.Id.ToString(),
            $"房源编码 {listing.ListingCode}，{listing.MortgageeName}：{answerText}", Actor);
        var answer = await idempotency.SaveAsync(start.Ticket!, StatusCodes.Status200OK, MortgageConsentResult.From(listing, !changed), cancellationToken);
        if (changed && answer is ObjectResult { StatusCode: 200 })
        {
            var seller = await db.People.AsNoTracking().SingleAsync(p => p.Id == listing.SellerPersonId, cancellationToken);
            var text = request.Agreed
                ? $"【武汉房产网签】您的房源{listing.ListingCode}的抵押权人{listing.MortgageeName}已同意带押过户（贷款未还{listing.OutstandingLoan:0.00}元），请登录添加购房人。"
                : $"【武汉房产网签】您的房源{listing.ListingCode}的抵押权人{listing.MortgageeName}不同意带押过户。请登录查看原因。";
            if (seller.Phone is { Length: > 0 } phone)
            {
                await sms.SendAsync(PhoneNumber.Parse(phone), text, "MortgageConsentNotice", cancellationToken);
            }
        }

        return answer;
    }

    private AuditActor Actor => new(ActorKind.Partner, User.FindFirstValue(ClaimTypes.NameIdentifier), User.Identity?.Name ?? "抵押权人银行");

    private async Task<string?> InstitutionCodeAsync(CancellationToken cancellationToken)
    {
        var id = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        return await db.Partners.AsNoTracking().Where(p => p.Id == id).Select(p => p.InstitutionCode).FirstOrDefaultAsync(cancellationToken);
    }
}

/// <param name="Agreed">true: 同意带押过户; false: 不同意.</param>
/// <param name="OutstandingLoan">Required when agreed: the loan still owed (元, two decimals at most).</param>
/// <param name="Reason">Required when refused (200 characters at most).</param>
public sealed record MortgageConsentRequest(bool Agreed, decimal? OutstandingLoan, string? Reason);

/// <summary>A 带押过户 listing waiting for the bank: the home, never the seller's ID or phone number.</summary>
public sealed record MortgageConsentRequestView(string ListingCode, string Location, string CertificateNumber, decimal BuildingArea, string SellerName, DateTimeOffset RequestedAt)
{
    public static MortgageConsentRequestView From(Listing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var home = listing.Home!;
        return new MortgageConsentRequestView(listing.ListingCode, home.Location, home.CertificateNumber, home.BuildingArea,
            Masking.MaskName(home.Owners.Count > 0 ? home.Owners[0].Name : null), listing.CreatedAt);
    }
}

/// <param name="AlreadyAnswered">True when this repeated an earlier identical answer and changed nothing.</param>
public sealed record MortgageConsentResult(string ListingCode, string Consent, string ConsentName, decimal? OutstandingLoan, string? Reason, DateTimeOffset? AnsweredAt, bool AlreadyAnswered)
{
    public static MortgageConsentResult From(Listing listing, bool alreadyAnswered)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return new MortgageConsentResult(listing.ListingCode, listing.MortgageConsent!.Value.ToString(), listing.MortgageConsent.Value.DisplayName(),
            listing.OutstandingLoan, listing.MortgageRefusalReason, listing.MortgageAnsweredAt, alreadyAnswered);
    }
}
