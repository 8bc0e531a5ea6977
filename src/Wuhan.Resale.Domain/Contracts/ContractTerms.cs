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

/// <summary>What happens when the buyer's loan is refused or granted for less (第三条).</summary>
public enum LoanRefusalRemedy
{
    /// <summary>乙方以其他方式补足，按期付款.</summary>
    BuyerPaysOtherwise,

    /// <summary>任何一方可解除合同，甲方退还已收款项（含定金），互不承担违约责任.</summary>
    TerminateAndRefund,
}

/// <summary>专项维修资金 of the home (第五条).</summary>
public enum MaintenanceFundHandling
{
    /// <summary>账户余额随房屋转移给乙方，已含在成交价格内.</summary>
    IncludedInPrice,

    /// <summary>账户余额随房屋转移给乙方，乙方按余额另行向甲方支付.</summary>
    BuyerRepaysBalance,
}

/// <summary>A home that is let (第一条): what becomes of the lease.</summary>
public enum LeaseHandling
{
    /// <summary>甲方在交付前解除租赁，腾空房屋.</summary>
    EndedBeforeDelivery,

    /// <summary>乙方承接租赁合同，交付之日起租金归乙方.</summary>
    BuyerTakesOver,
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

    /// <summary>送达地址 of the sellers, where notices under the contract are delivered.</summary>
    public string? SellerServiceAddress { get; init; }

    /// <summary>送达地址 of the buyers.</summary>
    public string? BuyerServiceAddress { get; init; }

    // 第一条 the home (what the parties add to the registry facts)
    public string? AttachedFacilities { get; init; }

    /// <summary>
    /// 第一条 facts the registry does not record, as the seller states them (卖方填报). Only a fact the registry lacks
    /// may be supplied; <see cref="ContractCompleteness"/> refuses the rest.
    /// </summary>
    public SuppliedHomeFacts Supplied { get; init; } = SuppliedHomeFacts.None;

    /// <summary>Whether the home is let (出租) now.</summary>
    public bool? IsLet { get; init; }

    public DateOnly? LeaseEndsOn { get; init; }

    public LeaseHandling? LeaseHandling { get; init; }

    // 第二条 price
    public decimal? Price { get; init; }

    public decimal? DecorationAndFacilitiesAmount { get; init; }

    // 第三条 payment
    public PaymentMethod? PaymentMethod { get; init; }

    public bool? FundsThroughEscrow { get; init; }

    /// <summary>Only for a loan: what happens when the loan is refused or is less than applied for.</summary>
    public LoanRefusalRemedy? LoanRefusal { get; init; }

    // 第四条 deposit
    public decimal? Deposit { get; init; }

    public DateOnly? DepositDueOn { get; init; }

    /// <summary>True: the 定金 becomes part of the price (抵作房价款), so the schedule covers only the rest.</summary>
    public bool? DepositCountsTowardPrice { get; init; }

    // 第五条 delivery
    public DateOnly? DeliveryDate { get; init; }

    public string? DeliveryConditions { get; init; }

    /// <summary>Days after delivery within which the seller helps move 物业、水、电、燃气 accounts to the buyer.</summary>
    public int? UtilitiesTransferDays { get; init; }

    public MaintenanceFundHandling? MaintenanceFund { get; init; }

    /// <summary>转移登记: days after filing within which both parties apply to the registration centre.</summary>
    public int? TransferRegistrationWithinDays { get; init; }

    // 第六条 taxes and fees
    public TaxBearer? TaxBearer { get; init; }

    /// <summary>
    /// For the tax estimate only (not a clause): whether the buyer's family buys its first home (首套), which sets the 契税 rate.
    /// </summary>
    public bool? BuyerFirstHome { get; init; }

    /// <summary>For the tax estimate only: whether the home is the seller family's only home (家庭唯一住房), for 个人所得税.</summary>
    public bool? SellerOnlyHome { get; init; }

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

/// <summary>
/// 第一条 facts as the seller states them, for the facts the property registry does not record. Each prints marked
/// 卖方填报; a fact the registry has is never taken from here.
/// </summary>
public sealed record SuppliedHomeFacts
{
    public const int MaxTextLength = 50;

    public static readonly SuppliedHomeFacts None = new();

    public string? Structure { get; init; }

    /// <summary>分摊土地面积 (用地面积) in square metres.</summary>
    public decimal? LandArea { get; init; }

    public DateOnly? CertificateIssuedOn { get; init; }

    public int? Floor { get; init; }

    public int? TotalFloors { get; init; }

    public string? RoomType { get; init; }

    public bool IsEmpty => this == None;
}

/// <summary>One payment of the schedule in 第三条.</summary>
public sealed class PaymentInstallment
{
    /// <summary>More rows than any real schedule needs; also bounds what a crafted post can make a page read or render.</summary>
    public const int MaxSchedule = 36;

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
