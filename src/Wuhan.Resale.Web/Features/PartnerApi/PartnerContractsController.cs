using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Features.Shared;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Infrastructure;

namespace Wuhan.Resale.Web.Features.PartnerApi;

/// <summary>
/// The partner API: registration, tax and housing-fund departments read filed contracts; the registration department
/// reports that it accepted the transfer application (已受理转移登记) and that the transfer was registered (已备案). Every call is audited with the partner's name.
/// </summary>
[ApiController]
[Route("api/partner/contracts")]
[IgnoreAntiforgeryToken]
[Authorize(AuthenticationSchemes = PartnerApiKeyHandler.SchemeName, Policy = PartnerPolicies.Read)]
[Produces("application/json")]
[EnableRateLimiting(RateLimits.Partner)]
public sealed class PartnerContractsController(ResaleDbContext db, AuditTrail audit) : ControllerBase
{
    /// <summary>A filed, revoked or registered contract by its number (合同编号).</summary>
    [HttpGet("{contractNumber}")]
    [ProducesResponseType<PartnerContract>(StatusCodes.Status200OK)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Get(string contractNumber, CancellationToken cancellationToken)
    {
        var contract = await FindAsync(contractNumber, cancellationToken);
        audit.Record("partner.contract-read", "Contract", contract?.Id.ToString(), $"合同编号 {Clip(contractNumber)}", Actor);
        await db.SaveChangesAsync(cancellationToken);
        if (contract is null)
        {
            return NotFound(new PartnerError("未找到该合同编号对应的网签合同。"));
        }

        var listing = await db.Listings.AsNoTracking().Include(l => l.Home).SingleAsync(l => l.Id == contract.ListingId, cancellationToken);
        var district = listing.DistrictCode is null
            ? null
            : await db.Districts.AsNoTracking().Where(d => d.Code == listing.DistrictCode).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        return Ok(PartnerContract.From(contract, listing, district));
    }

    /// <summary>
    /// Records that the transfer was registered. Idempotent: repeating it answers 200 again. A revoked contract is
    /// refused with 409.
    /// </summary>
    [HttpPost("{contractNumber}/registration")]
    [Authorize(AuthenticationSchemes = PartnerApiKeyHandler.SchemeName, Policy = PartnerPolicies.RecordRegistration)]
    [ProducesResponseType<RegistrationResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Register(
        string contractNumber, [FromServices] RegistrationService registration, CancellationToken cancellationToken)
    {
        var outcome = await registration.RegisterAsync(null, contractNumber, Actor, cancellationToken);
        return outcome.Status switch
        {
            RegistrationStatus.Registered or RegistrationStatus.AlreadyRegistered => Ok(new RegistrationResult(
                outcome.Contract!.ContractNumber!, outcome.Contract.Status.ToString(), outcome.Contract.RegisteredAt!.Value,
                outcome.Status == RegistrationStatus.AlreadyRegistered)),
            RegistrationStatus.NotFound => NotFound(new PartnerError(outcome.Error!)),
            RegistrationStatus.Revoked => Conflict(new PartnerError(outcome.Error!, nameof(ContractStatus.Revoked))),
            _ => Conflict(new PartnerError(outcome.Error!)),
        };
    }

    /// <summary>
    /// Records that the registration centre accepted the parties' application for transfer registration (已受理转移登记).
    /// From then the contract can no longer be revoked online. Idempotent: repeating it answers 200 again with
    /// alreadyApplied true. A revoked contract is refused with 409; only the registration department may call it (403).
    /// </summary>
    [HttpPost("{contractNumber}/transfer-application")]
    [Authorize(AuthenticationSchemes = PartnerApiKeyHandler.SchemeName, Policy = PartnerPolicies.RecordRegistration)]
    [ProducesResponseType<TransferApplicationResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> TransferApplication(
        string contractNumber, [FromServices] RegistrationService registration, CancellationToken cancellationToken)
    {
        var outcome = await registration.RecordTransferAppliedAsync(contractNumber, Actor, cancellationToken);
        return outcome.Status switch
        {
            TransferApplicationStatus.Recorded or TransferApplicationStatus.AlreadyRecorded => Ok(new TransferApplicationResult(
                outcome.Contract!.ContractNumber!, outcome.Contract.Status.ToString(), outcome.Contract.StatusName,
                outcome.Contract.TransferAppliedAt, outcome.Status == TransferApplicationStatus.AlreadyRecorded)),
            TransferApplicationStatus.NotFound => NotFound(new PartnerError(outcome.Error!)),
            TransferApplicationStatus.Refused => Conflict(new PartnerError(outcome.Error!, outcome.Contract!.Status.ToString())),
            _ => Conflict(new PartnerError(outcome.Error!)),
        };
    }

    private AuditActor Actor => new(ActorKind.Partner, User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
        User.Identity?.Name ?? "合作部门");

    private Task<Contract?> FindAsync(string contractNumber, CancellationToken cancellationToken)
    {
        var number = (contractNumber ?? string.Empty).Trim();
        return db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.ContractNumber == number && c.Status != ContractStatus.Draft, cancellationToken);
    }

    private static string Clip(string? value) => (value ?? string.Empty).Length > 40 ? value![..40] : value ?? string.Empty;
}

public sealed record PartnerError(string Error, string? Status = null);

/// <param name="StatusName">The state in words: 已受理转移登记 once applied, else 已生成合同 / 已备案.</param>
/// <param name="TransferAppliedAt">When the application was first reported; null for a contract registered without one.</param>
/// <param name="AlreadyApplied">True when nothing changed (a repeated call, or the contract was already registered).</param>
public sealed record TransferApplicationResult(
    string ContractNumber, string Status, string StatusName, DateTimeOffset? TransferAppliedAt, bool AlreadyApplied);

public sealed record RegistrationResult(string ContractNumber, string Status, DateTimeOffset RegisteredAt, bool AlreadyRegistered);
