using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Features.Shared;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Pdf;

namespace Wuhan.Resale.Web.Features.Verification;

/// <summary>
/// 下载合同: the filed contract as a PDF, for its parties only. A revoked contract still downloads (a party may need the
/// record of what was revoked) but every page is stamped 已撤销, so it cannot pass as a valid contract; the QR code on
/// every copy leads to the public 合同验真 page, which always shows the current status.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Citizen)]
public sealed class ContractPdfController(ResaleDbContext db, ContractPdfs pdfs, AuditTrail audit, IConfiguration configuration) : Controller
{
    [HttpGet("/contracts/{id:guid}/pdf")]
    public async Task<IActionResult> Download(Guid id, CancellationToken cancellationToken)
    {
        // The session's claims usually hold what the access rule needs, so the contract is the first query.
        var person = await db.CurrentPersonKeyAsync(User, cancellationToken);
        var contract = await db.Contracts.AsNoTracking().NamingParty(person).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contract is null)
        {
            return NotFound();
        }

        var pdf = await pdfs.RenderAsync(contract, contract.VerificationUrl(Request, configuration), cancellationToken);
        // Nothing else changes with a download: its record is saved alone, in one commit with concurrent downloads'.
        await audit.RecordAloneAsync("contract.downloaded", "Contract", contract.Id.ToString(), "合同编号 " + contract.ContractNumber);
        return File(pdf, "application/pdf", contract.ContractNumber + ".pdf");
    }
}
