using System.Globalization;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Taxes;
using Wuhan.Resale.Web.Data.Seed;

namespace Wuhan.Resale.IntegrationTests.ContractFiling;

/// <summary>The demo policy table exactly as the portal reads it (tax-policies.json), on the table of cases.</summary>
public sealed class TaxPolicyFileTests
{
    private static readonly TaxPolicyFile _file = TaxPolicyFile.Load(TaxPolicyFile.DefaultPath);

    [Theory]
    // First home ≤ 140 ㎡, held 2 years and more, not the seller's only home but held under 5: 契税 1%, 个税 1%.
    [InlineData(1_000_000, 89.56, "2023-06-01", true, false,
        10_000, "财政部 税务总局 住房城乡建设部公告2024年第16号 第一条", 0, "财税〔2016〕36号 附件3 第五条", 10_000, "国税发〔2006〕108号 第三条")]
    // Second home > 140 ㎡: 契税 2%.
    [InlineData(2_000_000, 152.3, "2023-06-01", false, false,
        40_000, "财政部 税务总局 住房城乡建设部公告2024年第16号 第一条", 0, "财税〔2016〕36号 附件3 第五条", 20_000, "国税发〔2006〕108号 第三条")]
    // Held under 2 years: 增值税 5% of the price without tax.
    [InlineData(1_050_000, 120, "2025-06-01", true, true,
        10_000, "财政部 税务总局 住房城乡建设部公告2024年第16号 第一条", 50_000, "财税〔2016〕36号 附件3 第五条", 10_000, "国税发〔2006〕108号 第三条")]
    // 满五唯一: no 个人所得税.
    [InlineData(3_000_000, 160, "2019-03-01", true, true,
        45_000, "财政部 税务总局 住房城乡建设部公告2024年第16号 第一条", 0, "财税〔2016〕36号 附件3 第五条", 0, "财税〔1999〕278号 第二条")]
    public void TheDemoTable_GivesEachCaseItsFigures_AndNamesTheirSources(
        double price, double area, string registeredOn, bool buyerFirstHome, bool sellerOnlyHome,
        double deedTax, string deedSource, double vat, string vatSource, double incomeTax, string incomeSource)
    {
        var estimate = TaxEstimator.Estimate(_file.Table, new TaxEstimateInput(
            (decimal)price, (decimal)area, "住宅", DateOnly.Parse(registeredOn, CultureInfo.InvariantCulture),
            buyerFirstHome, sellerOnlyHome, TaxBearer.EachAsLawProvides, new DateOnly(2026, 11, 26)));

        Assert.Equal(((decimal)deedTax, deedSource), (estimate[TaxItem.DeedTax].Amount, estimate[TaxItem.DeedTax].Source));
        Assert.Equal(((decimal)vat, vatSource), (estimate[TaxItem.ValueAddedTax].Amount, estimate[TaxItem.ValueAddedTax].Source));
        Assert.Equal(((decimal)incomeTax, incomeSource), (estimate[TaxItem.IndividualIncomeTax].Amount, estimate[TaxItem.IndividualIncomeTax].Source));
        Assert.Equal((80m, "发改价格规〔2016〕2559号"), (estimate[TaxItem.RegistrationFee].Amount, estimate[TaxItem.RegistrationFee].Source));
        Assert.True(estimate.IsComplete);
    }

    [Fact]
    public void TheDemoTable_SaysItIsDemoData_AndEveryRowNamesASource()
    {
        Assert.StartsWith("演示数据", _file.About, StringComparison.Ordinal);
        Assert.All(_file.Table.Rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));
        Assert.All(_file.Table.Rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Case)));
    }

    [Fact]
    public void AFileWithARateAboveOne_StopsTheLoad()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{ "about": "x", "rows": [ { "item": "DeedTax", "effectiveFrom": "2024-12-01", "base": "PriceNetOfVat", "rate": 3, "case": "c", "source": "s" } ] }""");

            var error = Assert.Throws<InvalidOperationException>(() => TaxPolicyFile.Load(path));

            Assert.Contains("a rate must be a fraction", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
