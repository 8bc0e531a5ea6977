using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure;

namespace Wuhan.Resale.Web.Features.Verification;

/// <summary>What 合同验真 shows of a contract, by QR token or by an uploaded file: its current state, masked parties.</summary>
internal static class ContractFacts
{
    public static async Task<VerificationViewModel> DescribeAsync(ResaleDbContext db, Contract contract, CancellationToken cancellationToken)
    {
        var listing = await db.Listings.AsNoTracking().Include(l => l.Home).SingleAsync(l => l.Id == contract.ListingId, cancellationToken);
        return new VerificationViewModel(
            contract.ContractNumber!,
            contract is { Status: ContractStatus.Filed, TransferAppliedAt: not null }
                ? $"{contract.Status.VerificationText()}（{Contract.TransferAppliedName}）"
                : contract.Status.VerificationText(),
            contract.Status,
            contract.FiledAt is { } filed ? ShanghaiTime.DateOf(filed).ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : "—",
            listing.Home!.Location,
            listing.Home.BuildingArea,
            contract.Terms.Price is { } price ? Money.Create(price).ToFigures() : "—",
            [.. contract.Parties.OrderBy(p => p.Order).Select(p => new VerifiedParty(
                p.Role == PartyRole.Seller ? "卖方" : "买方", Masking.MaskName(p.Name), Masking.MaskIdNumber(p.IdNumber)))]);
    }
}
