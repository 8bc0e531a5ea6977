using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.Messaging;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Features.Shared;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Messaging;
using Wuhan.Resale.Web.Pdf;

namespace Wuhan.Resale.Web.Features.PartySigning;

/// <summary>
/// 同意签署 on a party's own phone: the link in the filing SMS opens the whole draft contract as it will be filed
/// (marked 待签署), and the party agrees by entering the code from the same SMS. The agreement is stored with the
/// contract's content fingerprint, so it counts on the seller's filing page only while nothing changes. A wrong,
/// expired or withdrawn link gets one and the same 404 page. No sign-in is needed for a party whose ID the registry
/// confirmed with their phone; a party with a passport or permit must be signed in as themselves.
/// </summary>
[EnableRateLimiting(RateLimits.AnonymousPages)]
public sealed class PartySigningController(
    ResaleDbContext db,
    FilingParties filingParties,
    VerificationCodeService codes,
    ContractPdfs pdfs,
    AuditTrail audit,
    TimeProvider clock) : Controller
{
    private const int MaxTokenLength = 64;

    [HttpGet("/sign/{token}")]
    public async Task<IActionResult> Index(string token, CancellationToken cancellationToken)
    {
        KeepTokenOutOfReferrers();
        return await LoadAsync(token, cancellationToken) is { } signing
            ? View(await PageAsync(signing, cancellationToken))
            : Gone();
    }

    [HttpPost("/sign/{token}")]
    public async Task<IActionResult> Confirm(string token, string? code, CancellationToken cancellationToken)
    {
        KeepTokenOutOfReferrers();
        if (await LoadAsync(token, cancellationToken) is not { } signing)
        {
            return Gone();
        }

        var (contract, _, party, link, contentHash) = signing;
        if (link.ConfirmedAt is not null)
        {
            return Redirect($"/sign/{token}");
        }

        if (!PartyIdentityCheck.CanCheck(party.IdType) && !await SignedInAsAsync(party, cancellationToken))
        {
            ModelState.AddModelError("code", SignInFirstMessage);
            return View("Index", await PageAsync(signing, cancellationToken));
        }

        var result = await codes.VerifyAsync(
            CodePurpose.Filing, filingParties.Subject(contract, contentHash, party), PhoneNumber.Parse(party.Phone!), code, cancellationToken);
        if (result != VerifyCodeStatus.Accepted)
        {
            ModelState.AddModelError("code", VerificationCodeService.Describe(result));
            return View("Index", await PageAsync(signing, cancellationToken));
        }

        try
        {
            link.Confirm(clock.GetUtcNow());
            audit.Record("contract.party-confirmed", "Contract", contract.Id.ToString(),
                $"{RoleName(party)} {Masking.MaskName(party.Name)} 在本人手机上同意签署", ActorFor(party));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("code", ex.Message);
            return View("Index", await PageAsync(signing, cancellationToken));
        }

        return Redirect($"/sign/{token}");
    }

    /// <summary>The draft as a PDF marked 草稿, for the party to keep or read at full size.</summary>
    [HttpGet("/sign/{token}/preview")]
    public async Task<IActionResult> Preview(string token, CancellationToken cancellationToken)
    {
        KeepTokenOutOfReferrers();
        if (await LoadAsync(token, cancellationToken) is not { } signing)
        {
            return Gone();
        }

        var document = await pdfs.DraftDocumentAsync(signing.Contract, signing.Listing, signing.Parties, cancellationToken);
        byte[] bytes;
        try
        {
            bytes = pdfs.RenderDraft(document);
        }
        catch (InvalidOperationException ex)
        {
            // A value the contract font cannot print (e.g. from the registry): the page says so instead of failing.
            ModelState.AddModelError("preview", ex.Message);
            return View("Index", await PageAsync(signing, cancellationToken));
        }

        await audit.RecordNowAsync("contract.previewed", "Contract", signing.Contract.Id.ToString(),
            $"{RoleName(signing.Party)} {Masking.MaskName(signing.Party.Name)} 在确认页面预览合同草稿", ActorFor(signing.Party));
        Response.Headers.ContentDisposition = "inline; filename=\"contract-draft.pdf\"";
        return File(bytes, "application/pdf");
    }

    private async Task<SigningPage> PageAsync(Signing signing, CancellationToken cancellationToken)
    {
        var (contract, listing, party, link, _) = signing;
        var document = await pdfs.DraftDocumentAsync(contract, listing, signing.Parties, cancellationToken);
        var mustSignIn = !PartyIdentityCheck.CanCheck(party.IdType);
        return new SigningPage(
            RouteData.Values["token"]?.ToString() ?? string.Empty,
            RoleName(party),
            Masking.MaskName(party.Name),
            Masking.MaskPhone(party.Phone!),
            document,
            link.ConfirmedAt,
            mustSignIn,
            mustSignIn && await SignedInAsAsync(party, cancellationToken));
    }

    /// <summary>The link's party and the contract as it is now; null when the link is unknown, expired, withdrawn or stale.</summary>
    private async Task<Signing?> LoadAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        var hash = filingParties.TokenHash(token);
        var link = await db.PartyConfirmations.FirstOrDefaultAsync(c => c.TokenHash == hash, cancellationToken);
        if (link is null || !link.CanBeOpened(clock.GetUtcNow()))
        {
            return null;
        }

        var contract = await db.Contracts.FirstOrDefaultAsync(c => c.Id == link.ContractId && c.Status == ContractStatus.Draft, cancellationToken);
        if (contract is null)
        {
            return null;
        }

        var listing = await db.Listings.Include(l => l.Home).ThenInclude(h => h!.Owners)
            .SingleAsync(l => l.Id == contract.ListingId, cancellationToken);
        var parties = await filingParties.OfAsync(listing, cancellationToken);
        var contentHash = ContractContent.Hash(contract, listing, parties);
        var party = parties.Find(p => p.Phone is not null && filingParties.PartyKey(p) == link.PartyKey);

        // A change the withdrawal did not catch still closes the link: it opens only for the content it was sent for.
        return party is null || link.ContentHash != contentHash
            ? null
            : new Signing(contract, listing, party, link, contentHash) { Parties = parties };
    }

    private async Task<bool> SignedInAsAsync(ContractPartyDetails party, CancellationToken cancellationToken)
    {
        if (User.FindFirst(PortalClaims.PersonId) is null)
        {
            return false;
        }

        var person = await db.CurrentPersonAsync(User, cancellationToken);
        return person.IdType == party.IdType && person.IdNumber == party.IdNumber;
    }

    private ViewResult Gone()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("Gone");
    }

    private void KeepTokenOutOfReferrers() => Response.Headers["Referrer-Policy"] = "no-referrer";

    private static AuditActor ActorFor(ContractPartyDetails party) =>
        new(ActorKind.Citizen, null, $"{RoleName(party)}{Masking.MaskName(party.Name)}（短信链接）");

    private static string RoleName(ContractPartyDetails party) => party.Role == PartyRole.Buyer ? "买方" : "卖方";

    private const string SignInFirstMessage = "您的证件无法通过手机号码核验，请先在本平台用本人证件实名登录，登录后再打开短信中的链接确认。";

    private sealed record Signing(Contract Contract, Listing Listing, ContractPartyDetails Party, PartyConfirmation Link, string ContentHash)
    {
        public required List<ContractPartyDetails> Parties { get; init; }
    }
}

/// <param name="ConfirmedAt">When this party agreed; null while the contract waits for them (待签署).</param>
/// <param name="MustSignIn">The party's ID is not one the registry checks with a phone: they agree only signed in as themselves.</param>
/// <param name="SignedInAsParty">The visitor is signed in as this party.</param>
public sealed record SigningPage(
    string Token, string RoleName, string MaskedName, string MaskedPhone, ContractDocument Document, DateTimeOffset? ConfirmedAt,
    bool MustSignIn, bool SignedInAsParty);
