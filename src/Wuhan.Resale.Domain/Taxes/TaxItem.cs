using Wuhan.Resale.Domain.Contracts;

namespace Wuhan.Resale.Domain.Taxes;

/// <summary>One line of the tax and fee estimate.</summary>
public enum TaxItem
{
    /// <summary>契税, paid by the buyer.</summary>
    DeedTax,

    /// <summary>增值税, paid by the seller.</summary>
    ValueAddedTax,

    /// <summary>城市维护建设税, a surcharge on the 增值税.</summary>
    UrbanMaintenanceTax,

    /// <summary>教育费附加, a surcharge on the 增值税.</summary>
    EducationSurcharge,

    /// <summary>地方教育附加, a surcharge on the 增值税.</summary>
    LocalEducationSurcharge,

    /// <summary>个人所得税, paid by the seller.</summary>
    IndividualIncomeTax,

    /// <summary>不动产登记费 of the transfer registration.</summary>
    RegistrationFee,
}

/// <summary>A party to the contract, as the one who pays an item.</summary>
public enum TaxParty
{
    /// <summary>乙方（买方）.</summary>
    Buyer,

    /// <summary>甲方（卖方）.</summary>
    Seller,
}

/// <summary>How a rule's figure applies to the deal.</summary>
public enum TaxBase
{
    /// <summary>The rate times the price net of any 增值税 (契税 and 个人所得税 are levied on the price without 增值税).</summary>
    PriceNetOfVat,

    /// <summary>
    /// The 增值税 of a price that includes it: price ÷ (1 + rate) × rate, the rate being the 征收率.
    /// </summary>
    VatIncludedInPrice,

    /// <summary>The rate times the 增值税 (the surcharges).</summary>
    ValueAddedTax,

    /// <summary>A fixed amount per registration (件).</summary>
    PerCase,
}

public static class TaxItemNames
{
    public static string DisplayName(this TaxItem item) => item switch
    {
        TaxItem.DeedTax => "契税",
        TaxItem.ValueAddedTax => "增值税",
        TaxItem.UrbanMaintenanceTax => "城市维护建设税",
        TaxItem.EducationSurcharge => "教育费附加",
        TaxItem.LocalEducationSurcharge => "地方教育附加",
        TaxItem.IndividualIncomeTax => "个人所得税",
        TaxItem.RegistrationFee => "不动产登记费",
        _ => item.ToString(),
    };

    public static string DisplayName(this TaxParty party) => party switch
    {
        TaxParty.Buyer => "乙方（买方）",
        _ => "甲方（卖方）",
    };

    /// <summary>
    /// Who the law makes pay: the buyer the 契税 (承受方) and the registration fee (the party registered as owner), the
    /// seller the 增值税 with its surcharges and the 个人所得税 (转让方).
    /// </summary>
    public static TaxParty LegalPayer(this TaxItem item) =>
        item is TaxItem.DeedTax or TaxItem.RegistrationFee ? TaxParty.Buyer : TaxParty.Seller;

    /// <summary>Who bears an item under 第六条; null when the contract does not say yet.</summary>
    public static TaxParty? BorneBy(this TaxItem item, TaxBearer? bearer) => bearer switch
    {
        TaxBearer.Buyer => TaxParty.Buyer,
        TaxBearer.Seller => TaxParty.Seller,
        TaxBearer.EachAsLawProvides => item.LegalPayer(),
        _ => null,
    };
}
