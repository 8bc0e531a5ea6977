using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Messaging;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Features.Shared;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Messaging;

namespace Wuhan.Resale.Web.Features.Revocation;

/// <summary>A signed-in party revokes from their contracts list, confirming with a code sent to their own filed phone.</summary>
[Authorize(Policy = AuthorizationPolicies.Citizen)]
public sealed class SignedInRevocationController(
    ResaleDbContext db,
    VerificationCodeService codes,
    RevocationService revocation,
    IOptions<RevocationOptions> options) : Controller
{
    [HttpGet("/contracts/{id:guid}/revoke")]
    public async Task<IActionResult> Index(Guid id, CancellationToken cancellationToken)
    {
        var found = await PartyAsync(id, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        ViewData["Location"] = await LocationAsync(found.Value.Contract, cancellationToken);
        return View("SignedIn", Model(found.Value, null, found.Value.Contract.RevocationRefusal, 0));
    }

    [HttpPost("/contracts/{id:guid}/revoke")]
    public async Task<IActionResult> Post(Guid id, string? intent, string? code, CancellationToken cancellationToken)
    {
        var found = await PartyAsync(id, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        var (contract, party) = found.Value;
        ViewData["Location"] = await LocationAsync(contract, cancellationToken);
        if (contract.RevocationRefusal is { } refusal)
        {
            return View("SignedIn", Model(found.Value, null, refusal, 0));
        }

        var subject = $"{contract.Id:N}:{party.Id:N}";
        var phone = PhoneNumber.Parse(party.Phone);
        if (intent == "send")
        {
            var sent = await codes.SendAsync(CodePurpose.Revocation, subject, phone,
                c => $"【武汉房产网签】验证码{c}，用于撤销合同编号{contract.ContractNumber}的网签，5分钟内有效。如非本人操作，请忽略。", cancellationToken);
            return sent.Status == SendCodeStatus.Sent
                ? View("SignedIn", Model(found.Value, "验证码已发送，5分钟内有效。", null, (int)options.Value.ResendAfter.TotalSeconds))
                : View("SignedIn", Model(found.Value, null, sent.Message, sent.SecondsToWait));
        }

        var check = await codes.VerifyAsync(CodePurpose.Revocation, subject, phone, code, cancellationToken);
        if (check != VerifyCodeStatus.Accepted)
        {
            ModelState.AddModelError("Code", VerificationCodeService.Describe(check));
            return View("SignedIn", Model(found.Value, null, null, 0));
        }

        var outcome = await revocation.RevokeAsync(contract.Id, party.Id, AuditActor.From(User), cancellationToken);
        return outcome.Revoked ? View("Revoked", contract.ContractNumber) : View("SignedIn", Model(found.Value, null, outcome.Error, 0));
    }

    private static SignedInRevocationViewModel Model((Contract Contract, ContractParty Party) found, string? notice, string? error, int wait) =>
        new(found.Contract.Id, found.Contract.ContractNumber!, found.Contract.Status, Masking.MaskPhone(found.Party.Phone), notice, error, wait)
        {
            StatusName = found.Contract.StatusName,
            Refused = found.Contract.RevocationRefusal is not null,
            Parties = [.. found.Contract.Parties.OrderBy(p => p.Role).ThenBy(p => p.Order).Select(p =>
                (p.Role == PartyRole.Seller ? "卖方" : "买方", Masking.MaskName(p.Name), Masking.MaskIdNumber(p.IdNumber)))],
        };

    /// <summary>坐落 of the contract's home, shown so the person sees which home they are about to release.</summary>
    private Task<string?> LocationAsync(Contract contract, CancellationToken cancellationToken) =>
        db.Listings.AsNoTracking().Where(l => l.Id == contract.ListingId).Select(l => l.Home!.Location).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The filed contract and the signed-in person's own party in it; anyone who is not a party gets null.</summary>
    private async Task<(Contract Contract, ContractParty Party)?> PartyAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await db.CurrentPersonAsync(User, cancellationToken);
        var contract = await db.Contracts.AsNoTracking().NamingParty(db, person).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        var party = contract?.Parties.FirstOrDefault(p => p.Is(person.IdType, person.IdNumber));
        return contract is null || party is null ? null : (contract, party);
    }
}

public sealed record SignedInRevocationViewModel(
    Guid ContractId, string ContractNumber, ContractStatus Status, string MaskedPhone, string? Notice, string? Error, int ResendWaitSeconds)
{
    /// <summary>Every party as the filed contract names them, masked: role, name, ID number.</summary>
    public IReadOnlyList<(string Role, string Name, string IdNumber)> Parties { get; init; } = [];

    /// <summary>The contract's state in words (已受理转移登记 once the registration centre accepted the application).</summary>
    public string StatusName { get; init; } = string.Empty;

    /// <summary>The contract cannot be revoked online: the page shows why and no form.</summary>
    public bool Refused { get; init; }
}
