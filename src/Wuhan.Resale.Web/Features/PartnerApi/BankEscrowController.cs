using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Escrow;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.Web.Features.PartnerApi;

/// <summary>
/// 资金监管 for banks: open the supervision account of a filed contract whose price goes through escrow, report each
/// deposit, and release the money once the transfer is registered (已备案). Only the bank that opened an account sees and
/// reports on it. Every POST needs an Idempotency-Key; every change is audited and told to the parties by SMS.
/// </summary>
[ApiController]
[Route("api/partner/bank/escrow")]
[IgnoreAntiforgeryToken]
[Authorize(AuthenticationSchemes = PartnerApiKeyHandler.SchemeName, Policy = PartnerPolicies.Bank)]
[Produces("application/json")]
[EnableRateLimiting(RateLimits.Partner)]
public sealed class BankEscrowController(ResaleDbContext db, AuditTrail audit, PartnerIdempotency idempotency, ISmsGateway sms, TimeProvider clock)
    : ControllerBase
{
    /// <summary>This bank's supervision account of a contract, with its deposits.</summary>
    [HttpGet("{contractNumber}", Name = "GetEscrowAccount")]
    [ProducesResponseType<EscrowView>(StatusCodes.Status200OK)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Get(string contractNumber, CancellationToken cancellationToken)
    {
        var contract = await FindContractAsync(contractNumber, tracked: false, cancellationToken);
        var account = contract is null ? null : await db.EscrowAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.ContractId == contract.Id, cancellationToken);
        if (contract is null || account is null || account.BankPartnerId != PartnerId)
        {
            return NotFound(new PartnerError("未找到贵行为该合同开立的资金监管账户。"));
        }

        return Ok(EscrowView.From(contract, account));
    }

    /// <summary>
    /// Opens the supervision account (资金监管账户) of a filed contract whose 第三条 puts the price in escrow. 409 when the
    /// contract is revoked, registered, without escrow, or already has an account.
    /// </summary>
    [HttpPost("{contractNumber}/account", Name = "OpenEscrowAccount")]
    [ProducesResponseType<EscrowView>(StatusCodes.Status201Created)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Open(string contractNumber, OpenEscrowRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var start = await idempotency.BeginAsync(this, "escrow.open:" + contractNumber, request, cancellationToken);
        if (start.Answer is not null)
        {
            return start.Answer;
        }

        var contract = await FindContractAsync(contractNumber, tracked: true, cancellationToken);
        if (contract is null)
        {
            return NotFound(new PartnerError("未找到该合同编号对应的网签合同。"));
        }

        if (await db.EscrowAccounts.AnyAsync(a => a.ContractId == contract.Id, cancellationToken))
        {
            return await RefusedAsync(contract, new EscrowRefusedException(EscrowRefusalKind.Conflict, "该合同已开立资金监管账户，不能重复开立。"), cancellationToken);
        }

        EscrowAccount account;
        try
        {
            account = EscrowAccount.Open(Guid.CreateVersion7(clock.GetUtcNow()), contract, PartnerId, PartnerName, request.AccountNumber, clock.GetUtcNow());
        }
        catch (EscrowRefusedException ex)
        {
            return await RefusedAsync(contract, ex, cancellationToken);
        }

        db.EscrowAccounts.Add(account);
        audit.Record("escrow.opened", "Contract", contract.Id.ToString(), $"合同编号 {contract.ContractNumber}，监管账号 {account.MaskedAccountNumber}", Actor);
        var answer = await idempotency.SaveAsync(start.Ticket!, StatusCodes.Status201Created, EscrowView.From(contract, account), cancellationToken);
        await NotifyAsync(answer, contract, $"已由{PartnerName}开立资金监管账户（账号{account.MaskedAccountNumber}），房价款请存入该账户。", cancellationToken);
        return answer;
    }

    /// <summary>
    /// Reports money received into the account (amount in 元, time of arrival). 409 for a revoked contract or released
    /// money; 422 for an amount that is not positive or would exceed the price.
    /// </summary>
    [HttpPost("{contractNumber}/deposits", Name = "RecordEscrowDeposit")]
    [ProducesResponseType<EscrowView>(StatusCodes.Status200OK)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Deposit(string contractNumber, EscrowDepositRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var start = await idempotency.BeginAsync(this, "escrow.deposit:" + contractNumber, request, cancellationToken);
        if (start.Answer is not null)
        {
            return start.Answer;
        }

        var (contract, account, missing) = await FindAccountAsync(contractNumber, cancellationToken);
        if (missing is not null)
        {
            return missing;
        }

        var now = clock.GetUtcNow();
        EscrowDeposit deposit;
        try
        {
            deposit = account!.RecordDeposit(contract!, request.Amount, request.DepositedAt ?? now, now);
        }
        catch (EscrowRefusedException ex)
        {
            return await RefusedAsync(contract!, ex, cancellationToken);
        }

        audit.Record("escrow.deposited", "Contract", contract!.Id.ToString(),
            $"合同编号 {contract.ContractNumber}，第{deposit.Order}笔存入 {deposit.Amount:0.00} 元，累计 {account.Deposited:0.00} 元", Actor);
        var answer = await idempotency.SaveAsync(start.Ticket!, StatusCodes.Status200OK, EscrowView.From(contract, account), cancellationToken);
        await NotifyAsync(answer, contract,
            $"资金监管账户于{Shanghai(deposit.DepositedAt)}存入{deposit.Amount:0.00}元，累计监管{account.Deposited:0.00}元（{account.BankName}）。", cancellationToken);
        return answer;
    }

    /// <summary>
    /// Reports that the money was released after 已备案: for 带押过户 the outstanding loan is repaid first, the rest goes to
    /// the seller. 409 before 已备案, for a revoked contract, or when nothing is held.
    /// </summary>
    [HttpPost("{contractNumber}/release", Name = "ReleaseEscrow")]
    [ProducesResponseType<EscrowView>(StatusCodes.Status200OK)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Release(string contractNumber, CancellationToken cancellationToken)
    {
        var start = await idempotency.BeginAsync(this, "escrow.release:" + contractNumber, null, cancellationToken);
        if (start.Answer is not null)
        {
            return start.Answer;
        }

        var (contract, account, missing) = await FindAccountAsync(contractNumber, cancellationToken);
        if (missing is not null)
        {
            return missing;
        }

        var listing = await db.Listings.AsNoTracking().SingleAsync(l => l.Id == contract!.ListingId, cancellationToken);
        try
        {
            account!.Release(contract!, listing.MortgageTransfer ? listing.OutstandingLoan : null, clock.GetUtcNow());
        }
        catch (EscrowRefusedException ex)
        {
            return await RefusedAsync(contract!, ex, cancellationToken);
        }

        audit.Record("escrow.released", "Contract", contract!.Id.ToString(),
            $"合同编号 {contract.ContractNumber}，划转 {account.Deposited:0.00} 元（清偿贷款 {account.ReleasedToLoan:0.00} 元，划给卖方 {account.ReleasedToSeller:0.00} 元）", Actor);
        var answer = await idempotency.SaveAsync(start.Ticket!, StatusCodes.Status200OK, EscrowView.From(contract, account), cancellationToken);
        var loan = account.ReleasedToLoan > 0 ? $"其中{account.ReleasedToLoan:0.00}元用于清偿抵押贷款，" : string.Empty;
        await NotifyAsync(answer, contract, $"合同已备案，监管资金{account.Deposited:0.00}元已解除监管并划转，{loan}{account.ReleasedToSeller:0.00}元划入卖方账户。", cancellationToken);
        return answer;
    }

    /// <summary>
    /// Reports that the held money was returned to the buyer because the deal is off before 已备案; online revocation is
    /// possible again. 409 for a registered contract, released or already refunded money, or nothing held.
    /// </summary>
    [HttpPost("{contractNumber}/refund", Name = "RefundEscrow")]
    [ProducesResponseType<EscrowView>(StatusCodes.Status200OK)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<PartnerError>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Refund(string contractNumber, CancellationToken cancellationToken)
    {
        var start = await idempotency.BeginAsync(this, "escrow.refund:" + contractNumber, null, cancellationToken);
        if (start.Answer is not null)
        {
            return start.Answer;
        }

        var (contract, account, missing) = await FindAccountAsync(contractNumber, cancellationToken);
        if (missing is not null)
        {
            return missing;
        }

        try
        {
            account!.Refund(contract!, clock.GetUtcNow());
        }
        catch (EscrowRefusedException ex)
        {
            return await RefusedAsync(contract!, ex, cancellationToken);
        }

        audit.Record("escrow.refunded", "Contract", contract!.Id.ToString(), $"合同编号 {contract.ContractNumber}，退还买方 {account.Deposited:0.00} 元", Actor);
        var answer = await idempotency.SaveAsync(start.Ticket!, StatusCodes.Status200OK, EscrowView.From(contract, account), cancellationToken);
        await NotifyAsync(answer, contract, $"监管资金{account.Deposited:0.00}元已退还买方，资金监管结束。", cancellationToken);
        return answer;
    }

    private Guid PartnerId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    private string PartnerName => User.Identity?.Name ?? "监管银行";

    private AuditActor Actor => new(ActorKind.Partner, PartnerId.ToString(), PartnerName);

    private async Task<Contract?> FindContractAsync(string contractNumber, bool tracked, CancellationToken cancellationToken)
    {
        var number = (contractNumber ?? string.Empty).Trim();
        var contracts = tracked ? db.Contracts : db.Contracts.AsNoTracking();
        return await contracts.FirstOrDefaultAsync(c => c.ContractNumber == number && c.Status != ContractStatus.Draft, cancellationToken);
    }

    private async Task<(Contract? Contract, EscrowAccount? Account, IActionResult? Missing)> FindAccountAsync(string contractNumber, CancellationToken cancellationToken)
    {
        var contract = await FindContractAsync(contractNumber, tracked: true, cancellationToken);
        var account = contract is null ? null : await db.EscrowAccounts.FirstOrDefaultAsync(a => a.ContractId == contract.Id, cancellationToken);
        if (contract is null || account is null || account.BankPartnerId != PartnerId)
        {
            return (null, null, NotFound(new PartnerError("未找到贵行为该合同开立的资金监管账户，请先开立监管账户。")));
        }

        return (contract, account, null);
    }

    private async Task<IActionResult> RefusedAsync(Contract contract, EscrowRefusedException refusal, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        audit.Record("escrow.refused", "Contract", contract.Id.ToString(), $"合同编号 {contract.ContractNumber}：{refusal.Message}", Actor);
        await db.SaveChangesAsync(cancellationToken);
        var error = new PartnerError(refusal.Message, contract.Status.ToString());
        return refusal.Kind == EscrowRefusalKind.Invalid ? UnprocessableEntity(error) : Conflict(error);
    }

    /// <summary>Tells the seller and the buyers, once the change is saved (not for a raced replay).</summary>
    private async Task NotifyAsync(IActionResult answer, Contract contract, string what, CancellationToken cancellationToken)
    {
        if (answer is not ObjectResult { StatusCode: >= 200 and < 300 })
        {
            return;
        }

        foreach (var party in contract.Parties)
        {
            await sms.SendAsync(PhoneNumber.Parse(party.Phone), $"【武汉房产网签】合同编号{contract.ContractNumber}：{what}", "EscrowNotice", cancellationToken);
        }
    }

    private static string Shanghai(DateTimeOffset time) =>
        ShanghaiTime.ToShanghai(time).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);
}

/// <param name="AccountNumber">The supervision account's number (8–32 digits or letters); shown to the parties masked.</param>
public sealed record OpenEscrowRequest(string? AccountNumber);

/// <param name="Amount">元, positive, at most two decimals.</param>
/// <param name="DepositedAt">When the money arrived; the time of the report when left out.</param>
public sealed record EscrowDepositRequest(decimal Amount, DateTimeOffset? DepositedAt);

/// <summary>A supervision account as the bank that opened it sees it.</summary>
public sealed record EscrowView(
    string ContractNumber,
    string ContractStatus,
    string BankName,
    string AccountNumber,
    string Status,
    string StatusName,
    DateTimeOffset OpenedAt,
    decimal Deposited,
    decimal Held,
    IReadOnlyList<EscrowDepositView> Deposits,
    DateTimeOffset? ReleasedAt,
    decimal? ReleasedToLoan,
    decimal? ReleasedToSeller)
{
    /// <summary>When the money was returned to the buyer; null unless refunded.</summary>
    public DateTimeOffset? RefundedAt { get; init; }

    public static EscrowView From(Contract contract, EscrowAccount account)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(account);
        return new EscrowView(contract.ContractNumber!, contract.Status.ToString(), account.BankName, account.AccountNumber,
            account.Status.ToString(), account.Status.DisplayName(), account.OpenedAt, account.Deposited, account.Held,
            [.. account.Deposits.OrderBy(d => d.Order).Select(d => new EscrowDepositView(d.Order, d.Amount, d.DepositedAt))],
            account.ReleasedAt, account.ReleasedToLoan, account.ReleasedToSeller)
        {
            RefundedAt = account.RefundedAt,
        };
    }
}

public sealed record EscrowDepositView(int Order, decimal Amount, DateTimeOffset DepositedAt);
