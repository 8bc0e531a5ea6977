namespace Wuhan.Resale.Domain.Escrow;

/// <summary>The life of a supervision account (资金监管账户) for one filed contract.</summary>
public enum EscrowStatus
{
    /// <summary>已开户: the bank opened the account; nothing deposited yet.</summary>
    Opened,

    /// <summary>监管中: the bank holds deposited money for the contract.</summary>
    Holding,

    /// <summary>已划转: after 已备案 the bank released the money (first the 带押过户 loan, then the seller).</summary>
    Released,

    /// <summary>已退还: the deal is off before 已备案; the bank returned the money to the buyer, so the contract can be revoked.</summary>
    Refunded,
}

public static class EscrowStatusExtensions
{
    public static string DisplayName(this EscrowStatus status) => status switch
    {
        EscrowStatus.Opened => "已开户，待存入",
        EscrowStatus.Holding => "资金监管中",
        EscrowStatus.Released => "已解除监管，资金已划转",
        EscrowStatus.Refunded => "监管资金已退还买方",
        _ => status.ToString(),
    };
}

/// <summary>Why the bank's report was refused: the contract or account is in the wrong state, or the report itself is wrong.</summary>
public enum EscrowRefusalKind
{
    /// <summary>The contract or the account is in a state that does not allow it (revoked, not registered, released).</summary>
    Conflict,

    /// <summary>The report is malformed (an amount below zero, an account number that is not one).</summary>
    Invalid,
}

/// <summary>A bank's escrow report refused by a rule; the message is the clear Chinese answer the bank receives.</summary>
public sealed class EscrowRefusedException : DomainException
{
    public EscrowRefusedException(EscrowRefusalKind kind, string message) : base(message) => Kind = kind;

    public EscrowRefusedException() : base("资金监管操作未能完成。") { }

    public EscrowRefusedException(string message) : base(message) { }

    public EscrowRefusedException(string message, Exception innerException) : base(message, innerException) { }

    public EscrowRefusalKind Kind { get; }
}
