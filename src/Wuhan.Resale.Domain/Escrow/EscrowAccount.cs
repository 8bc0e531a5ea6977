using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.Contracts;

namespace Wuhan.Resale.Domain.Escrow;

/// <summary>
/// 资金监管账户: the account a bank opens for one filed contract whose price goes through escrow. The bank reports each
/// deposit and, once the transfer is registered (已备案), the release. Money held here blocks online revocation
/// (<see cref="Contract.FundsHeldInEscrow"/>): it must be returned to the buyer at the counter first. The contract changes
/// with the account in the same call, so a revocation racing with the first deposit cannot also win.
/// </summary>
public sealed class EscrowAccount : IAggregateRoot
{
    public const int MaxAccountNumberLength = 32;
    public const int MinAccountNumberLength = 8;

    private readonly List<EscrowDeposit> _deposits = [];

    private EscrowAccount() { AccountNumber = BankName = string.Empty; }

    private EscrowAccount(Guid id, Guid contractId, Guid bankPartnerId, string bankName, string accountNumber, DateTimeOffset now)
    {
        Id = id;
        ContractId = contractId;
        BankPartnerId = bankPartnerId;
        BankName = bankName;
        AccountNumber = accountNumber;
        Status = EscrowStatus.Opened;
        OpenedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ContractId { get; private set; }

    /// <summary>The bank (a partner) that opened the account; only it reports deposits and the release.</summary>
    public Guid BankPartnerId { get; private set; }

    public string BankName { get; private set; }

    /// <summary>Shown to people only masked (<see cref="MaskedAccountNumber"/>).</summary>
    public string AccountNumber { get; private set; }

    public EscrowStatus Status { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ReleasedAt { get; private set; }

    /// <summary>When the bank reported the money returned to the buyer (<see cref="Refund"/>).</summary>
    public DateTimeOffset? RefundedAt { get; private set; }

    /// <summary>Of the released money, what repaid the 带押过户 loan first; zero when the home carried none.</summary>
    public decimal? ReleasedToLoan { get; private set; }

    /// <summary>Of the released money, what the seller received.</summary>
    public decimal? ReleasedToSeller { get; private set; }

    public IReadOnlyList<EscrowDeposit> Deposits => _deposits;

    /// <summary>Everything deposited so far.</summary>
    public decimal Deposited => _deposits.Sum(d => d.Amount);

    /// <summary>What the bank holds now: the deposits until the release, nothing after.</summary>
    public decimal Held => Status is EscrowStatus.Released or EscrowStatus.Refunded ? 0m : Deposited;

    /// <summary>6222********1234: the first and last four characters.</summary>
    public string MaskedAccountNumber => MaskAccountNumber(AccountNumber);

    public static string MaskAccountNumber(string accountNumber)
    {
        ArgumentNullException.ThrowIfNull(accountNumber);
        return accountNumber.Length <= 8
            ? new string('*', accountNumber.Length)
            : string.Concat(accountNumber.AsSpan(0, 4), new string('*', accountNumber.Length - 8), accountNumber.AsSpan(accountNumber.Length - 4));
    }

    /// <summary>
    /// The bank opens the account for a filed contract whose 第三条 puts the price in escrow. Refused for a draft, a revoked
    /// or a registered contract, or one whose parties agreed no escrow.
    /// </summary>
    public static EscrowAccount Open(Guid id, Contract contract, Guid bankPartnerId, string bankName, string? accountNumber, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentException.ThrowIfNullOrWhiteSpace(bankName);
        var number = (accountNumber ?? string.Empty).Trim();
        if (number.Length is < MinAccountNumberLength or > MaxAccountNumberLength || !number.All(char.IsAsciiLetterOrDigit))
        {
            throw Invalid($"监管账号应为{MinAccountNumberLength}至{MaxAccountNumberLength}位数字或字母。");
        }

        switch (contract.Status)
        {
            case ContractStatus.Revoked:
                throw Conflict("该合同已撤销，不能开立资金监管账户。");
            case ContractStatus.Registered:
                throw Conflict("该合同已备案，不能再开立资金监管账户。");
            case ContractStatus.Filed:
                break;
            default:
                throw Conflict("该合同尚未申报网签，不能开立资金监管账户。");
        }

        if (contract.Terms.FundsThroughEscrow != true)
        {
            throw Conflict("该合同第三条约定房价款不存入资金监管账户，不能开立监管账户。如双方改为资金监管，请先撤销后重新网签。");
        }

        return new EscrowAccount(id, contract.Id, bankPartnerId, bankName.Trim(), number, now);
    }

    /// <summary>
    /// The bank reports money received for the contract. Refused once the contract is revoked or the money released, for
    /// an amount that is not positive or has more than two decimals, and when the deposits would exceed the price.
    /// </summary>
    public EscrowDeposit RecordDeposit(Contract contract, decimal amount, DateTimeOffset depositedAt, DateTimeOffset now)
    {
        EnsureContract(contract);
        if (contract.Status == ContractStatus.Revoked)
        {
            throw Conflict("该合同已撤销，不能再存入监管资金。");
        }

        if (Status is EscrowStatus.Released or EscrowStatus.Refunded)
        {
            throw Conflict(Status == EscrowStatus.Released ? "监管资金已划转，该监管账户不能再存入。" : "监管资金已退还买方，该监管账户不能再存入。");
        }

        if (amount <= 0 || decimal.Round(amount, 2) != amount)
        {
            throw Invalid("存入金额应大于零，最多两位小数（单位：元）。");
        }

        if (depositedAt > now.AddMinutes(5))
        {
            throw Invalid("到账时间不能晚于当前时间。");
        }

        if (contract.Terms.Price is { } price && Deposited + amount > price)
        {
            throw Invalid($"累计存入金额将超过合同成交价格（{price:0.00}元），请核对金额。");
        }

        var deposit = new EscrowDeposit(Guid.CreateVersion7(now), _deposits.Count + 1, amount, depositedAt, now);
        _deposits.Add(deposit);
        Status = EscrowStatus.Holding;
        contract.MarkFundsInEscrow(true, now);
        UpdatedAt = now;
        return deposit;
    }

    /// <summary>
    /// The bank releases the money after the transfer was registered (已备案): the 带押过户 loan is repaid first
    /// (<paramref name="outstandingLoan"/>), the rest goes to the seller. Refused before 已备案, for a revoked contract, and
    /// when nothing is held.
    /// </summary>
    public void Release(Contract contract, decimal? outstandingLoan, DateTimeOffset now)
    {
        EnsureContract(contract);
        if (contract.Status == ContractStatus.Revoked)
        {
            throw Conflict("该合同已撤销，监管资金应退还买方，不能划转给卖方。");
        }

        if (Status == EscrowStatus.Released)
        {
            throw Conflict("监管资金已经划转，无需重复办理。");
        }

        if (Status == EscrowStatus.Refunded)
        {
            throw Conflict("监管资金已退还买方，不能再划转。");
        }

        if (contract.Status != ContractStatus.Registered)
        {
            throw Conflict("该合同尚未备案（未办结转移登记），监管资金不能划转。");
        }

        if (Status != EscrowStatus.Holding)
        {
            throw Conflict("监管账户内尚无存入资金，无可划转。");
        }

        var held = Deposited;
        var toLoan = Math.Min(held, Math.Max(outstandingLoan ?? 0m, 0m));
        ReleasedToLoan = toLoan;
        ReleasedToSeller = held - toLoan;
        Status = EscrowStatus.Released;
        ReleasedAt = now;
        contract.MarkFundsInEscrow(false, now);
        UpdatedAt = now;
    }

    /// <summary>
    /// The parties called the deal off before 已备案: the bank returned the held money to the buyer. The contract is then
    /// no longer blocked from revocation. Refused once registered (the money goes to the seller) and when nothing is held.
    /// </summary>
    public void Refund(Contract contract, DateTimeOffset now)
    {
        EnsureContract(contract);
        if (Status is EscrowStatus.Released or EscrowStatus.Refunded)
        {
            throw Conflict(Status == EscrowStatus.Released ? "监管资金已划转给卖方，不能再退还。" : "监管资金已经退还买方，无需重复办理。");
        }

        if (contract.Status == ContractStatus.Registered)
        {
            throw Conflict("该合同已备案，监管资金应划转给卖方，不能退还买方。");
        }

        if (Status != EscrowStatus.Holding)
        {
            throw Conflict("监管账户内尚无存入资金，无可退还。");
        }

        Status = EscrowStatus.Refunded;
        RefundedAt = now;
        contract.MarkFundsInEscrow(false, now);
        UpdatedAt = now;
    }

    private void EnsureContract(Contract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (contract.Id != ContractId)
        {
            throw new InvalidOperationException("The contract passed is not this account's contract.");
        }
    }

    private static EscrowRefusedException Conflict(string message) => new(EscrowRefusalKind.Conflict, message);

    private static EscrowRefusedException Invalid(string message) => new(EscrowRefusalKind.Invalid, message);
}
