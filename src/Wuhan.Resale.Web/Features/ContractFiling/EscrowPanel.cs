using Wuhan.Resale.Domain.Escrow;

namespace Wuhan.Resale.Web.Features.ContractFiling;

/// <summary>资金监管 of one contract as its parties see it: the bank, the masked account, the state and each deposit.</summary>
public sealed record EscrowPanel(
    string? ContractNumber, string Location, string BankName, string MaskedAccountNumber, EscrowStatus Status,
    decimal Deposited, decimal Held, IReadOnlyList<EscrowDepositLine> Deposits, DateTimeOffset? ReleasedAt, decimal? ReleasedToLoan, decimal? ReleasedToSeller)
{
    public DateTimeOffset? RefundedAt { get; init; }

    public static EscrowPanel From(EscrowAccount account, ContractRow row)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(row);
        return new EscrowPanel(row.ContractNumber, row.Location, account.BankName, account.MaskedAccountNumber, account.Status,
            account.Deposited, account.Held,
            [.. account.Deposits.OrderBy(d => d.Order).Select(d => new EscrowDepositLine(d.Order, d.Amount, d.DepositedAt))],
            account.ReleasedAt, account.ReleasedToLoan, account.ReleasedToSeller)
        {
            RefundedAt = account.RefundedAt,
        };
    }
}

public sealed record EscrowDepositLine(int Order, decimal Amount, DateTimeOffset DepositedAt);
