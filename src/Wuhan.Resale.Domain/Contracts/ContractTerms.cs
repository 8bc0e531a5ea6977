namespace Wuhan.Resale.Domain.Contracts;

public enum PaymentMethod
{
    /// <summary>一次性付款.</summary>
    LumpSum,

    /// <summary>分期付款.</summary>
    Installments,

    /// <summary>商业贷款.</summary>
    CommercialLoan,

    /// <summary>公积金贷款.</summary>
    HousingFundLoan,

    /// <summary>组合贷款.</summary>
    CombinedLoan,
}

public enum TaxBearer
{
    /// <summary>按国家规定各自承担.</summary>
    EachAsLawProvides,

    /// <summary>全部由买方承担.</summary>
    Buyer,

    /// <summary>全部由卖方承担.</summary>
    Seller,
}

public enum DisputeResolution
{
    /// <summary>提交仲裁委员会仲裁.</summary>
    Arbitration,

    /// <summary>向房屋所在地人民法院起诉.</summary>
    Court,
}

/// <summary>
/// What the parties agree in the model contract (武汉市存量房买卖合同), article by article. Every field is
/// optional while the contract is a draft; filing requires a complete set. Registry facts about the home and
/// the parties' identities are not here: they come from the registry and the buyers list and cannot be edited.
/// </summary>
public sealed record ContractTerms
{
    public const int MaxFreeTextLength = 2000;

    public static readonly ContractTerms Empty = new();

    // Parties
    public bool? HasCoOwners { get; init; }

    public string? SellerAgentName { get; init; }

    public string? SellerAgentIdNumber { get; init; }

    public string? BuyerAgentName { get; init; }

    public string? BuyerAgentIdNumber { get; init; }

    // 第一条 the home (what the parties add to the registry facts)
    public string? AttachedFacilities { get; init; }

    // 第二条 price
    public decimal? Price { get; init; }

    public decimal? DecorationAndFacilitiesAmount { get; init; }

    // 第三条 payment
    public PaymentMethod? PaymentMethod { get; init; }

    public bool? FundsThroughEscrow { get; init; }

    // 第四条 deposit
    public decimal? Deposit { get; init; }

    public DateOnly? DepositDueOn { get; init; }

    // 第五条 delivery
    public DateOnly? DeliveryDate { get; init; }

    public string? DeliveryConditions { get; init; }

    // 第六条 taxes and fees
    public TaxBearer? TaxBearer { get; init; }

    // 第七条 户口
    public int? HukouMoveOutDays { get; init; }

    public decimal? HukouDailyPenalty { get; init; }

    // 第八条 breach, daily rates in 万分之 of the price
    public decimal? LatePaymentDailyRate { get; init; }

    public decimal? LateDeliveryDailyRate { get; init; }

    public int? TerminationAfterDays { get; init; }

    // 第九条 disputes
    public DisputeResolution? DisputeResolution { get; init; }

    public string? ArbitrationCommission { get; init; }

    // 第十条 effect
    public int? Copies { get; init; }

    // 第十一条 other terms
    public string? OtherTerms { get; init; }
}

/// <summary>One payment of the schedule in 第三条.</summary>
public sealed class PaymentInstallment
{
    public const int MaxDescriptionLength = 200;

    private PaymentInstallment() { Description = string.Empty; }

    public PaymentInstallment(int order, DateOnly dueOn, decimal amount, string description)
    {
        Order = order;
        DueOn = dueOn;
        Amount = amount;
        Description = description;
    }

    public int Order { get; private set; }

    public DateOnly DueOn { get; private set; }

    public decimal Amount { get; private set; }

    public string Description { get; private set; }
}
