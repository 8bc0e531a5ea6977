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
}
