namespace Wuhan.Resale.Domain.Escrow;

/// <summary>One deposit the bank reported into a supervision account.</summary>
public sealed class EscrowDeposit
{
    private EscrowDeposit() { }

    internal EscrowDeposit(Guid id, int order, decimal amount, DateTimeOffset depositedAt, DateTimeOffset recordedAt)
    {
        Id = id;
        Order = order;
        Amount = amount;
        DepositedAt = depositedAt;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>1 for the first deposit, then 2, 3 …</summary>
    public int Order { get; private set; }

    public decimal Amount { get; private set; }

    /// <summary>When the money arrived, as the bank reports it.</summary>
    public DateTimeOffset DepositedAt { get; private set; }

    /// <summary>When the portal received the report.</summary>
    public DateTimeOffset RecordedAt { get; private set; }
}
