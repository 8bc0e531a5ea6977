using Wuhan.Resale.Domain.Taxes;

namespace Wuhan.Resale.UnitTests.Builders;

/// <summary>
/// A tax policy table with the rules the portal's demo table holds (the 2016 and 2024 契税 sets, 增值税 and its
/// surcharges, 个人所得税 and the registration fee), each row with its source.
/// </summary>
public static class TaxPolicyBuilder
{
    public const string DeedTax2016 = "财税〔2016〕23号";
    public const string DeedTax2024 = "财政部 税务总局 住房城乡建设部公告2024年第16号";
    public const string Vat = "财税〔2016〕36号 附件3 第五条";
    public const string UrbanMaintenance = "《中华人民共和国城市维护建设税法》第四条";
    public const string Education = "《征收教育费附加的暂行规定》第三条";
    public const string LocalEducation = "财综〔2010〕98号";
    public const string IncomeTaxExempt = "财税〔1999〕278号 第二条";
    public const string IncomeTaxAssessed = "国税发〔2006〕108号 第三条";
    public const string RegistrationFee = "发改价格规〔2016〕2559号";

    public static TaxPolicyTable Demo() => new(
    [
        .. Deed(new(2016, 2, 22), DeedTax2016, 90),
        .. Deed(new(2024, 12, 1), DeedTax2024, 140),
        Row(TaxItem.ValueAddedTax, new(2016, 5, 1), TaxBase.VatIncludedInPrice, 0.05m, Vat) with { HeldYearsUnder = 2 },
        Row(TaxItem.ValueAddedTax, new(2016, 5, 1), TaxBase.VatIncludedInPrice, 0m, Vat) with { HeldYearsAtLeast = 2 },
        Row(TaxItem.UrbanMaintenanceTax, new(2021, 9, 1), TaxBase.ValueAddedTax, 0.07m, UrbanMaintenance),
        Row(TaxItem.EducationSurcharge, new(2016, 5, 1), TaxBase.ValueAddedTax, 0.03m, Education),
        Row(TaxItem.LocalEducationSurcharge, new(2016, 5, 1), TaxBase.ValueAddedTax, 0.02m, LocalEducation),
        Row(TaxItem.IndividualIncomeTax, new(2006, 8, 1), TaxBase.PriceNetOfVat, 0m, IncomeTaxExempt) with { HeldYearsAtLeast = 5, SellerOnlyHome = true },
        Row(TaxItem.IndividualIncomeTax, new(2006, 8, 1), TaxBase.PriceNetOfVat, 0.01m, IncomeTaxAssessed) with { HeldYearsAtLeast = 5, SellerOnlyHome = false },
        Row(TaxItem.IndividualIncomeTax, new(2006, 8, 1), TaxBase.PriceNetOfVat, 0.01m, IncomeTaxAssessed) with { HeldYearsUnder = 5 },
        Row(TaxItem.RegistrationFee, new(2017, 3, 15), TaxBase.PerCase, null, RegistrationFee) with { Amount = 80m },
    ]);

    private static TaxPolicyRow[] Deed(DateOnly from, string source, decimal threshold) =>
    [
        Row(TaxItem.DeedTax, from, TaxBase.PriceNetOfVat, 0.01m, source) with { BuyerFirstHome = true, AreaUpTo = threshold },
        Row(TaxItem.DeedTax, from, TaxBase.PriceNetOfVat, 0.015m, source) with { BuyerFirstHome = true, AreaOver = threshold },
        Row(TaxItem.DeedTax, from, TaxBase.PriceNetOfVat, 0.01m, source) with { BuyerFirstHome = false, AreaUpTo = threshold },
        Row(TaxItem.DeedTax, from, TaxBase.PriceNetOfVat, 0.02m, source) with { BuyerFirstHome = false, AreaOver = threshold },
    ];

    private static TaxPolicyRow Row(TaxItem item, DateOnly from, TaxBase taxBase, decimal? rate, string source) =>
        new() { Item = item, EffectiveFrom = from, Base = taxBase, Rate = rate, Source = source, Case = $"{item} {rate}" };
}
