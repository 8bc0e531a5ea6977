using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Pdf;

namespace Wuhan.Resale.Web.Features.Verification;

/// <summary>Renders a filed contract's PDF as its parties and staff get it: a revoked contract is stamped 已撤销.</summary>
public sealed class ContractPdfs(ResaleDbContext db, ContractPdfRenderer renderer, IConfiguration configuration)
{
    public async Task<byte[]> RenderAsync(Contract contract, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(request);
        var listing = await db.Listings.AsNoTracking().Include(l => l.Home).ThenInclude(h => h!.Owners)
            .SingleAsync(l => l.Id == contract.ListingId, cancellationToken);
        var district = listing.DistrictCode is null
            ? null
            : await db.Districts.AsNoTracking().Where(d => d.Code == listing.DistrictCode).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);

        // The QR code must open the public address, not an internal one behind a proxy.
        var publicBase = configuration["Portal:PublicBaseUrl"]?.TrimEnd('/') is { Length: > 0 } configured
            ? configured
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
        var document = ContractDocumentFactory.From(
            contract, listing.Home!, district, $"{publicBase}/verify/{contract.VerificationToken}", VerificationController.StatusText(contract.Status));
        return renderer.Render(document, revokedWatermark: contract.Status == ContractStatus.Revoked);
    }
}
