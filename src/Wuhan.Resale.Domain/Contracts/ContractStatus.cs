namespace Wuhan.Resale.Domain.Contracts;

/// <summary>SPEC §3: 待申报 → 已生成合同 → 已撤销 | 已备案.</summary>
public enum ContractStatus
{
    /// <summary>待申报: a draft the seller is still filling in.</summary>
    Draft,

    /// <summary>已生成合同: filed online, with a contract number.</summary>
    Filed,

    /// <summary>已撤销: revoked by a party before registration.</summary>
    Revoked,

    /// <summary>已备案: the registration department recorded the transfer.</summary>
    Registered,

    /// <summary>已作废: a draft whose home was withdrawn (撤回房源) before filing; it can never be filed.</summary>
    Discarded,
}

public static class ContractStatusExtensions
{
    public static string DisplayName(this ContractStatus status) => status switch
    {
        ContractStatus.Draft => "待申报",
        ContractStatus.Filed => "已生成合同",
        ContractStatus.Revoked => "已撤销",
        ContractStatus.Registered => "已备案",
        ContractStatus.Discarded => "已作废",
        _ => status.ToString(),
    };

    /// <summary>What 合同验真 and the PDF say about the contract's standing: 有效 / 已撤销 / 已备案.</summary>
    public static string VerificationText(this ContractStatus status) => status switch
    {
        ContractStatus.Filed => "有效",
        ContractStatus.Revoked => "已撤销",
        ContractStatus.Registered => "已备案",
        _ => "未生效",
    };
}
