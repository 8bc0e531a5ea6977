using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Pdf;

/// <summary>Renders a filed contract's PDF as its parties and staff get it: a revoked contract is stamped 已撤销.</summary>
public sealed class ContractPdfs(ResaleDbContext db, ContractPdfRenderer renderer)
{
    /// <param name="contract">A filed (or revoked or registered) contract.</param>
    /// <param name="verificationUrl">The public 合同验真 address of this contract, printed as the QR code.</param>
    /// <param name="cancellationToken">Cancels the database reads.</param>
    public async Task<byte[]> RenderAsync(Contract contract, Uri verificationUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(verificationUrl);
        var listing = await db.Listings.AsNoTracking().Include(l => l.Home).ThenInclude(h => h!.Owners)
            .SingleAsync(l => l.Id == contract.ListingId, cancellationToken);
        var district = listing.DistrictCode is null
            ? null
            : await db.Districts.AsNoTracking().Where(d => d.Code == listing.DistrictCode).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        var document = ContractDocumentFactory.From(contract, listing.Home!, district, verificationUrl.AbsoluteUri, contract.Status.VerificationText());
        return renderer.Render(document, revokedWatermark: contract.Status == ContractStatus.Revoked);
    }
}
