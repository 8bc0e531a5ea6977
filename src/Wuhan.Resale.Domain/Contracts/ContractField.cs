namespace Wuhan.Resale.Domain.Contracts;

/// <summary>The parts of the model contract a filing rule can point at; a form maps them to its own inputs.</summary>
public enum ContractField
{
    /// <summary>A rule about the contract as a whole (its listing, its state).</summary>
    Contract,

    /// <summary>当事人: the sellers and buyers who confirm the filing.</summary>
    Parties,
    HasCoOwners,
    SellerAgentName,
    SellerAgentIdNumber,
    BuyerAgentName,
    BuyerAgentIdNumber,
    SellerServiceAddress,
    BuyerServiceAddress,

    /// <summary>第一条 facts the seller supplies (卖方填报) when the registry lacks them.</summary>
    SuppliedStructure,
    SuppliedLandArea,
    SuppliedCertificateIssuedOn,
    SuppliedFloor,
    SuppliedTotalFloors,
    SuppliedRoomType,
    IsLet,
    LeaseEndsOn,
    LeaseHandling,
    AttachedFacilities,
    Price,
    DecorationAmount,
    PaymentMethod,
    FundsThroughEscrow,
    LoanRefusal,

    /// <summary>The payment schedule as a whole (its sum, whether there is one).</summary>
    Installments,

    /// <summary>One installment's date; <see cref="ContractProblem.Installment"/> says which.</summary>
    InstallmentDueOn,
    InstallmentAmount,
    InstallmentDescription,
    Deposit,
    DepositDueOn,
    DepositCountsTowardPrice,
    DeliveryDate,
    DeliveryConditions,
    UtilitiesTransferDays,
    MaintenanceFund,
    TransferRegistrationWithinDays,
    TaxBearer,
    HukouMoveOutDays,
    HukouDailyPenalty,
    LatePaymentDailyRate,
    LateDeliveryDailyRate,
    TerminationAfterDays,
    DisputeResolution,
    ArbitrationCommission,
    Copies,
    OtherTerms,
}

/// <summary>
/// Why a contract cannot be filed yet: the part it concerns and a plain Chinese message naming the article.
/// <see cref="Installment"/> is the 0-based position in the stored schedule for the installment fields, else null.
/// </summary>
public sealed record ContractProblem(ContractField Field, string Message, int? Installment = null);

/// <summary>申报网签 refused: the contract is not complete, or a party cannot confirm. Carries every problem.</summary>
public sealed class ContractIncompleteException : DomainException
{
    public ContractIncompleteException(IReadOnlyList<ContractProblem> problems)
        : base(problems is { Count: > 0 } ? problems[0].Message : "合同尚不完整，不能申报网签。")
    {
        Problems = problems ?? [];
    }

    public ContractIncompleteException() : this([]) { }

    public ContractIncompleteException(string message) : base(message) { Problems = []; }

    public ContractIncompleteException(string message, Exception innerException) : base(message, innerException) { Problems = []; }

    public IReadOnlyList<ContractProblem> Problems { get; }
}
