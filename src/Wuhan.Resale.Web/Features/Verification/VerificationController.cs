using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure;

namespace Wuhan.Resale.Web.Features.Verification;

/// <summary>
/// 合同验真, public: the QR code on a contract holds an unguessable token (not the contract number, so numbers cannot be
/// enumerated); the page says whether that contract is valid, revoked or registered, with names and ID numbers masked.
/// </summary>
[EnableRateLimiting(RateLimits.AnonymousPages)]
public sealed class VerificationController(ResaleDbContext db) : Controller
{
    [HttpGet("/verify/{token}")]
    public async Task<IActionResult> Index(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return NotFound();
        }

        var contract = await db.Contracts.AsNoTracking()
            .FirstOrDefaultAsync(c => c.VerificationToken == token && c.Status != ContractStatus.Draft, cancellationToken);
        if (contract is null)
        {
            return View("Unknown");
        }

        return View(await ContractFacts.DescribeAsync(db, contract, cancellationToken));
    }
}

public sealed record VerifiedParty(string Role, string MaskedName, string MaskedIdNumber);

public sealed record VerificationViewModel(
    string ContractNumber, string StatusText, ContractStatus Status, string FiledOn, string Location, decimal BuildingArea, string Price,
    IReadOnlyList<VerifiedParty> Parties);
