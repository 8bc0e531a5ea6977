namespace Wuhan.Resale.Domain.Contracts;

/// <summary>The words the model contract uses for each choice; the form, the PDF and the API show the same.</summary>
public static class ContractTermNames
{
    public static string DisplayName(this PaymentMethod method) => method switch
    {
        PaymentMethod.LumpSum => "一次性付款",
        PaymentMethod.Installments => "分期付款",
        PaymentMethod.CommercialLoan => "商业贷款",
        PaymentMethod.HousingFundLoan => "公积金贷款",
        PaymentMethod.CombinedLoan => "组合贷款",
        _ => method.ToString(),
    };

    public static string DisplayName(this TaxBearer bearer) => bearer switch
    {
        TaxBearer.EachAsLawProvides => "按国家有关规定由甲、乙双方各自承担",
        TaxBearer.Buyer => "全部由乙方（买方）承担",
        TaxBearer.Seller => "全部由甲方（卖方）承担",
        _ => bearer.ToString(),
    };

    public static string DisplayName(this DisputeResolution resolution) => resolution switch
    {
        DisputeResolution.Arbitration => "提交仲裁委员会仲裁",
        DisputeResolution.Court => "依法向房屋所在地人民法院起诉",
        _ => resolution.ToString(),
    };

    public static string DisplayName(this LoanRefusalRemedy remedy) => remedy switch
    {
        LoanRefusalRemedy.BuyerPaysOtherwise => "乙方应以自有资金或其他方式补足差额，仍按本合同约定的期限付款",
        LoanRefusalRemedy.TerminateAndRefund => "任何一方均可书面通知对方解除本合同，甲方应自解除之日起十日内退还已收取的全部款项（含定金），双方互不承担违约责任",
        _ => remedy.ToString(),
    };

    public static string DisplayName(this MaintenanceFundHandling handling) => handling switch
    {
        MaintenanceFundHandling.IncludedInPrice => "随房屋一并转移给乙方，其余额已包含在成交价格内，乙方不另行支付",
        MaintenanceFundHandling.BuyerRepaysBalance => "随房屋一并转移给乙方，乙方按办理转移时的账户余额另行向甲方支付",
        _ => handling.ToString(),
    };

    public static string DisplayName(this LeaseHandling handling) => handling switch
    {
        LeaseHandling.EndedBeforeDelivery => "甲方应在交付房屋前解除租赁关系、腾空房屋，因此产生的费用和纠纷由甲方负责",
        LeaseHandling.BuyerTakesOver => "乙方继续履行原租赁合同，自交付之日起租金归乙方，甲方应将租赁合同和已收押金一并移交乙方",
        _ => handling.ToString(),
    };

    /// <summary>第四条: whether the 定金 becomes part of the price.</summary>
    public static string DepositHandlingName(bool countsTowardPrice) => countsTowardPrice
        ? "在乙方支付房价款时抵作房价款"
        : "不抵作房价款，由甲方在乙方付清全部房价款之日起三日内退还乙方";

    /// <summary>Who holds a copy of the contract (第十条): one each, so 一式几份 is their number.</summary>
    public static IReadOnlyList<string> CopyHolders(this ContractTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        List<string> holders = ["甲方", "乙方", "不动产登记机构"];
        if (terms.FundsThroughEscrow == true)
        {
            holders.Add("资金监管机构");
        }

        if (terms.PaymentMethod is { } method && method.IsLoan())
        {
            holders.Add("贷款银行");
        }

        return holders;
    }

    /// <summary>Whether the buyer pays with a loan, so the 贷款未获批准 clause applies.</summary>
    public static bool IsLoan(this PaymentMethod method) =>
        method is PaymentMethod.CommercialLoan or PaymentMethod.HousingFundLoan or PaymentMethod.CombinedLoan;
}
