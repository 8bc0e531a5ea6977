using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Pdf.Signing;

namespace Wuhan.Resale.Web.Pdf;

/// <summary>
/// Renders a contract's PDF as its parties and staff get it: a filed contract with its QR code (a revoked one stamped
/// 已撤销), or a draft as it would be filed today, stamped 草稿 and without a QR code. A filed contract's PDF is signed
/// with the bureau's certificate; the signed bytes are kept in a bounded cache per contract, state and content (see
/// <see cref="SignedContractPdfCache"/>), so the parties and staff downloading the same contract again get the same
/// file without rendering and signing it again.
/// </summary>
public sealed class ContractPdfs(
    ResaleDbContext db, ContractPdfRenderer renderer, ContractSigner signer, SignedContractPdfCache cache, Data.Seed.TaxPolicyFile taxes, TimeProvider clock)
{
    /// <param name="contract">A filed (or revoked or registered) contract.</param>
    /// <param name="verificationUrl">The public 合同验真 address of this contract, printed as the QR code.</param>
    /// <param name="cancellationToken">Cancels the database reads.</param>
    public async Task<byte[]> RenderAsync(Contract contract, Uri verificationUrl, CancellationToken cancellationToken)
    {
        var document = await DocumentAsync(contract, verificationUrl, cancellationToken);
        var key = $"{contract.Id:N}:{contract.Status}:{ContractFingerprint.Of(document)}:{document.VerificationUrl}";
        var revoked = contract.Status == ContractStatus.Revoked;
        return await cache.GetOrRenderAsync(key, () => renderer.RenderSignedAsync(document, revoked, signer));
    }

    /// <summary>What a filed contract's PDF prints, as the database holds it now.</summary>
    /// <param name="contract">A filed (or revoked or registered) contract.</param>
    /// <param name="verificationUrl">The public 合同验真 address of this contract, printed as the QR code.</param>
    /// <param name="cancellationToken">Cancels the database reads.</param>
    public async Task<ContractDocument> DocumentAsync(Contract contract, Uri verificationUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(verificationUrl);
        // One round trip: the listing, its home and owners, and the district's name as currently recorded.
        var row = await db.Listings.AsNoTracking().Include(l => l.Home).ThenInclude(h => h!.Owners)
            .Where(l => l.Id == contract.ListingId)
            .Select(l => new { Listing = l, District = db.Districts.Where(d => d.Code == l.DistrictCode).Select(d => d.Name).FirstOrDefault() })
            .SingleAsync(cancellationToken);
        var (listing, district) = (row.Listing, row.District);
        // The annex is worked out for the filing date, so the same contract prints the same estimate later on.
        return ContractDocumentFactory.From(contract, listing.Home!, district, verificationUrl.AbsoluteUri, contract.Status.VerificationText()) with
        {
            TaxAnnex = TaxAnnex.Of(taxes, contract.Terms, listing.Home!, Domain.Common.ShanghaiTime.DateOf(contract.FiledAt!.Value)),
        };
    }

    /// <summary>The contract as it would be filed today: its saved terms and schedule, the home, and these parties.</summary>
    /// <param name="contract">Usually a draft; its number, filing date and QR code are left out whatever its status.</param>
    /// <param name="listing">The contract's listing, loaded with <c>.Include(l => l.Home).ThenInclude(h => h!.Owners)</c>.</param>
    /// <param name="parties">Buyers then sellers (as the filing page lists them); the document lists sellers first.</param>
    /// <param name="cancellationToken">Cancels the district look-up.</param>
    public async Task<ContractDocument> DraftDocumentAsync(
        Contract contract, Listing listing, IReadOnlyList<ContractPartyDetails> parties, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(listing);
        var home = listing.Home ?? throw new InvalidOperationException("The listing's home must be loaded.");
        var district = await DistrictNameAsync(listing, cancellationToken);
        return ContractDocumentFactory.Draft(contract, home, district, parties) with
        {
            TaxAnnex = TaxAnnex.Of(taxes, contract.Terms, home, Domain.Common.ShanghaiTime.DateOf(clock.GetUtcNow())),
        };
    }

    /// <summary>The PDF of a draft: 草稿 across every page and never a QR code.</summary>
    /// <exception cref="InvalidOperationException">A value holds a character the font cannot print.</exception>
    public byte[] RenderDraft(ContractDocument document) => renderer.RenderDraft(document);

    /// <summary>
    /// The name of the listing's district as currently recorded, e.g. 江汉区; null when none is. Read from the database,
    /// not from <see cref="DistrictNames"/>' cache: a filed PDF and 合同验真 compare against the record as it is now.
    /// </summary>
    public Task<string?> DistrictNameAsync(Listing listing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return listing.DistrictCode is null
            ? Task.FromResult<string?>(null)
            : db.Districts.AsNoTracking().Where(d => d.Code == listing.DistrictCode).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
    }
}
