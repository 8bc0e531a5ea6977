using Wuhan.Resale.Domain.Contracts;

namespace Wuhan.Resale.Testing;

/// <summary>
/// The terms of a typical contract with every article filled in, as a careful seller would: 1,280,000 yuan paid in two
/// installments, 100,000 定金 returned once the price is paid (not counted toward it), a home not let, disputes to court,
/// four copies for 甲方、乙方、不动产登记机构、资金监管机构. <see cref="ContractCompleteness"/> finds nothing to fix in it, so a
/// test that breaks one field sees exactly the problem that field causes. Domain types only; linked into the test
/// projects (see their .csproj).
/// </summary>
internal static class ContractSamples
{
    public const decimal Price = 1_280_000m;

    public static ContractTerms CompleteTerms() => new()
    {
        HasCoOwners = false,
        SellerServiceAddress = "武汉市江汉区新华路100号3栋2单元501室",
        BuyerServiceAddress = "武汉市洪山区珞喻路20号8栋1203室",
        AttachedFacilities = "水、电、燃气、有线电视",
        IsLet = false,
        Price = Price,
        DecorationAndFacilitiesAmount = 80_000m,
        PaymentMethod = PaymentMethod.Installments,
        FundsThroughEscrow = true,
        Deposit = 100_000m,
        DepositDueOn = new DateOnly(2026, 12, 1),
        DepositCountsTowardPrice = false,
        DeliveryDate = new DateOnly(2027, 3, 1),
        DeliveryConditions = "交清全部房款后交付钥匙",
        UtilitiesTransferDays = 15,
        MaintenanceFund = MaintenanceFundHandling.IncludedInPrice,
        TransferRegistrationWithinDays = 60,
        TaxBearer = TaxBearer.EachAsLawProvides,
        HukouMoveOutDays = 30,
        HukouDailyPenalty = 100m,
        LatePaymentDailyRate = 5m,
        LateDeliveryDailyRate = 5m,
        TerminationAfterDays = 30,
        DisputeResolution = DisputeResolution.Court,
        Copies = 4,
        OtherTerms = "无",
    };

    /// <summary>Two installments adding up to <see cref="Price"/>; new instances on every call, as they are stored entities.</summary>
    public static PaymentInstallment[] CompleteSchedule() =>
    [
        new(1, new DateOnly(2026, 12, 15), 380_000m, "首付款"),
        new(2, new DateOnly(2027, 2, 15), 900_000m, "尾款"),
    ];
}
