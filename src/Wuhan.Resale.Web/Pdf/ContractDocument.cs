namespace Wuhan.Resale.Web.Pdf;

/// <summary>
/// Everything the contract PDF and the read-only contract page show, as plain text and numbers already in the words
/// the contract prints. Built from the domain by <see cref="ContractDocumentFactory"/> (a filed contract, or a draft as
/// it would be filed today); tests and the benchmark build it by hand. Optional values left null print as "无".
/// </summary>
public sealed record ContractDocument
{
    /// <summary>Null for a draft: the number is given when the filing is accepted.</summary>
    public string? ContractNumber { get; init; }

    /// <summary>When the contract was filed, printed as its Asia/Shanghai date; null for a draft.</summary>
    public DateTimeOffset? FiledAt { get; init; }

    /// <summary>有效 / 已撤销 / 已备案, as the verification page says it; 草稿 for a draft.</summary>
    public required string Status { get; init; }

    /// <summary>The public 合同验真 address held by the QR code; null for a draft, which has no QR code.</summary>
    public string? VerificationUrl { get; init; }

    public bool IsDraft => ContractNumber is null;

    public required ContractHome Home { get; init; }

    /// <summary>Sellers first (every owner, co-owners included), then buyers, in contract order.</summary>
    public required IReadOnlyList<ContractDocumentParty> Parties { get; init; }

    public ContractAgent? SellerAgent { get; init; }

    public ContractAgent? BuyerAgent { get; init; }

    /// <summary>送达地址 of the sellers and of the buyers.</summary>
    public string? SellerServiceAddress { get; init; }

    public string? BuyerServiceAddress { get; init; }

    /// <summary>第一条: whether the home is let, and the lease.</summary>
    public ContractLease Lease { get; init; } = new();

    public required ContractPrice Price { get; init; }

    public required ContractPayment Payment { get; init; }

    public required ContractDelivery Delivery { get; init; }

    public required ContractObligations Obligations { get; init; }

    /// <summary>第十条: how many copies of the contract exist.</summary>
    public int? Copies { get; init; }

    /// <summary>第十条: who holds them, one each, e.g. "甲方、乙方、不动产登记机构".</summary>
    public string? CopyHolders { get; init; }

    /// <summary>第十一条, free text; line breaks start new paragraphs.</summary>
    public string? OtherTerms { get; init; }

    /// <summary>
    /// The tax and fee estimate printed as an annex on the last page; null prints none. It is an estimate, not a term:
    /// left out of the <see cref="Signing.ContractFingerprint"/>, so files signed before the annex existed still match.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public TaxAnnex? TaxAnnex { get; init; }

    /// <summary>第三条's 带押过户 clause; null for a home sold without its mortgage.</summary>
    public ContractMortgageTransfer? MortgageTransfer { get; init; }
}

/// <summary>带押过户 as the contract prints it: the mortgagee bank and the loan still owed, e.g. "1,200,000.00".</summary>
public sealed record ContractMortgageTransfer(string MortgageeName, string OutstandingLoan);

/// <summary>第一条: the home as the registry records it, plus what the parties add.</summary>
public sealed record ContractHome
{
    public required string Location { get; init; }

    public string? DistrictName { get; init; }

    public string? Structure { get; init; }

    /// <summary>建筑面积 in square metres, e.g. "89.56".</summary>
    public required string BuildingArea { get; init; }

    public string? LandArea { get; init; }

    public required string CertificateNumber { get; init; }

    public string? LandCertificateNumber { get; init; }

    public DateOnly? CertificateIssuedOn { get; init; }

    public int? Floor { get; init; }

    public int? TotalFloors { get; init; }

    public string? DesignPurpose { get; init; }

    public string? RoomType { get; init; }

    public string? AttachedFacilities { get; init; }

    /// <summary>The facts above that the seller supplied because the registry has none: printed marked 卖方填报.</summary>
    public IReadOnlySet<ContractSlot> SuppliedSlots { get; init; } = new HashSet<ContractSlot>();
}

/// <summary>第一条: a home that is let. <see cref="EndsOn"/> and <see cref="HandlingName"/> only print when it is.</summary>
public sealed record ContractLease
{
    public bool? IsLet { get; init; }

    public DateOnly? EndsOn { get; init; }

    /// <summary>What the parties agreed about the lease, in the contract's words.</summary>
    public string? HandlingName { get; init; }
}

/// <summary>One row of the parties table and one signature block.</summary>
/// <param name="Role">"甲方(卖方)" or "乙方(买方)".</param>
/// <param name="IdNumber">The full number: the contract itself is never masked.</param>
/// <param name="Phone">Empty when the portal does not know it (a co-owner who has not signed in yet).</param>
/// <param name="Share">A seller's registered share; null for buyers.</param>
public sealed record ContractDocumentParty(string Role, string Name, string IdTypeName, string IdNumber, string Phone, string? Share)
{
    public const string SellerRole = "甲方(卖方)";

    public const string BuyerRole = "乙方(买方)";

    public bool IsSeller => string.Equals(Role, SellerRole, StringComparison.Ordinal);
}

public sealed record ContractAgent(string Name, string? IdNumber);

/// <summary>第二条. Amounts are printed as given, e.g. "1,280,000.00" and "壹佰贰拾捌万元整".</summary>
public sealed record ContractPrice
{
    public required string Figures { get; init; }

    public required string Capitals { get; init; }

    public string? DecorationAmount { get; init; }
}

/// <summary>第三、四条: how and when the buyer pays.</summary>
public sealed record ContractPayment
{
    public string? MethodName { get; init; }

    public bool? ThroughEscrow { get; init; }

    public IReadOnlyList<ContractScheduleRow> Schedule { get; init; } = [];

    public string? Deposit { get; init; }

    public DateOnly? DepositDueOn { get; init; }

    /// <summary>第四条: whether the 定金 becomes part of the price, in the contract's words.</summary>
    public string? DepositHandlingName { get; init; }

    /// <summary>第三条: what happens when the loan is refused; <see cref="ContractValues.NotApplicable"/> without a loan.</summary>
    public string? LoanRefusalName { get; init; }
}

/// <param name="Amount">In yuan as printed, e.g. "300,000.00".</param>
public sealed record ContractScheduleRow(DateOnly DueOn, string Amount, string Description);

/// <summary>第五条.</summary>
public sealed record ContractDelivery
{
    public DateOnly? Date { get; init; }

    public string? Conditions { get; init; }

    /// <summary>Days after delivery within which the 物业、水、电、燃气 accounts are moved to the buyer.</summary>
    public int? UtilitiesTransferDays { get; init; }

    /// <summary>专项维修资金, in the contract's words.</summary>
    public string? MaintenanceFundName { get; init; }
}

/// <summary>第六至九条: taxes, 户口, breach and disputes.</summary>
public sealed record ContractObligations
{
    /// <summary>第六条: days after filing within which both parties apply for the transfer registration.</summary>
    public int? TransferRegistrationWithinDays { get; init; }

    /// <summary>The whole clause after "税费", e.g. "按国家有关规定由甲、乙双方各自承担".</summary>
    public string? TaxBearerName { get; init; }

    public int? HukouMoveOutDays { get; init; }

    public string? HukouDailyPenalty { get; init; }

    /// <summary>万分之 of the amount due, per day.</summary>
    public string? LatePaymentDailyRate { get; init; }

    public string? LateDeliveryDailyRate { get; init; }

    public int? TerminationAfterDays { get; init; }

    /// <summary>Arbitration: the commission's name, e.g. "武汉仲裁委员会"; null with <see cref="ToCourt"/>.</summary>
    public string? ArbitrationCommission { get; init; }

    /// <summary>True when disputes go to the court where the home is.</summary>
    public bool? ToCourt { get; init; }
}
