using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Web.Pdf;

namespace Wuhan.Resale.Web.Features.PartySigning;

// TEMPORARY until the model-text branch lands (it adds these as members of ContractPdfs).
internal static class DraftStubs
{
    public static Task<ContractDocument> DraftDocumentAsync(this ContractPdfs pdfs, Contract contract, Listing listing, IReadOnlyList<ContractPartyDetails> parties, CancellationToken cancellationToken) =>
        Task.FromResult(new ContractDocument
        {
            ContractNumber = "草稿", FiledAt = DateTimeOffset.UnixEpoch, Status = "草稿", VerificationUrl = "http://x",
            Home = new ContractHome { Location = listing.Home!.Location, BuildingArea = "1", CertificateNumber = listing.Home.CertificateNumber },
            Parties = [], Price = new ContractPrice { Figures = contract.Terms.Price?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", Capitals = "" },
            Payment = new ContractPayment { Schedule = [] }, Delivery = new ContractDelivery(), Obligations = new ContractObligations(),
        });

    public static byte[] RenderDraft(this ContractPdfs pdfs, ContractDocument document) => "%PDF-1.4 草稿"u8.ToArray();
}
