using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Taxes;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Taxes;

public class TaxEstimatorTests
{
    private static readonly DateOnly _onDate = new(2026, 11, 26);
    private static readonly TaxPolicyTable _table = TaxPolicyBuilder.Demo();

    private static TaxEstimateInput Input(
        decimal? price = 1_000_000m, decimal area = 89.56m, DateOnly? registeredOn = null, bool? buyerFirstHome = true,
        bool? sellerOnlyHome = true, TaxBearer? bearer = TaxBearer.EachAsLawProvides, DateOnly? on = null, string purpose = "住宅") =>
        new(price, area, purpose, registeredOn ?? new DateOnly(2018, 5, 10), buyerFirstHome, sellerOnlyHome, bearer, on ?? _onDate);

    /// <summary>
    /// The table of cases: each row is a deal and the figures (with their sources) the estimate must give. Amounts in
    /// yuan; the 契税 and 个人所得税 are levied on the price without 增值税.
    /// </summary>
    [Theory]
    // First home of 89.56 ㎡, held 8 years, the seller's only home (满五唯一): 1% 契税, no 增值税, no 个人所得税.
    [InlineData("首套≤140", 1_000_000, 89.56, "2018-05-10", true, true, "2026-11-26",
        10_000, TaxPolicyBuilder.DeedTax2024, 0, TaxPolicyBuilder.Vat, 0, TaxPolicyBuilder.IncomeTaxExempt)]
    // Second home of 152.3 ㎡, held 3 years, not the seller's only home: 2% 契税, no 增值税 (held ≥ 2), 1% 个人所得税.
    [InlineData("二套>140", 2_000_000, 152.3, "2023-06-01", false, false, "2026-11-26",
        40_000, TaxPolicyBuilder.DeedTax2024, 0, TaxPolicyBuilder.Vat, 20_000, TaxPolicyBuilder.IncomeTaxAssessed)]
    // Held under 2 years: 增值税 at 5% of the price without tax (1,050,000 ÷ 1.05 × 5%), 契税 and 个税 on 1,000,000.
    [InlineData("不满2年", 1_050_000, 120, "2025-06-01", true, true, "2026-11-26",
        10_000, TaxPolicyBuilder.DeedTax2024, 50_000, TaxPolicyBuilder.Vat, 10_000, TaxPolicyBuilder.IncomeTaxAssessed)]
    // 满五唯一 for a large home bought as a first home: 1.5% 契税, nothing else.
    [InlineData("满五唯一", 3_000_000, 160, "2019-03-01", true, true, "2026-11-26",
        45_000, TaxPolicyBuilder.DeedTax2024, 0, TaxPolicyBuilder.Vat, 0, TaxPolicyBuilder.IncomeTaxExempt)]
    // Held 5 years but not the seller's only home: 个人所得税 is due.
    [InlineData("满五不唯一", 1_000_000, 89.56, "2018-05-10", false, false, "2026-11-26",
        10_000, TaxPolicyBuilder.DeedTax2024, 0, TaxPolicyBuilder.Vat, 10_000, TaxPolicyBuilder.IncomeTaxAssessed)]
    // Before 1 December 2024 the 2016 rule applied: a first home over 90 ㎡ paid 1.5%.
    [InlineData("2024年前首套>90", 1_000_000, 120, "2018-05-10", true, true, "2024-06-01",
        15_000, TaxPolicyBuilder.DeedTax2016, 0, TaxPolicyBuilder.Vat, 0, TaxPolicyBuilder.IncomeTaxExempt)]
    public void Estimate_GivesEachFigureWithItsRuleSource(
        string name, double price, double area, string registeredOn, bool buyerFirstHome, bool sellerOnlyHome, string on,
        double deedTax, string deedSource, double vat, string vatSource, double incomeTax, string incomeSource)
    {
        Assert.NotEmpty(name);
        var estimate = TaxEstimator.Estimate(_table, Input(
            (decimal)price, (decimal)area, DateOnly.Parse(registeredOn, System.Globalization.CultureInfo.InvariantCulture),
            buyerFirstHome, sellerOnlyHome, on: DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal((decimal)deedTax, estimate[TaxItem.DeedTax].Amount);
        Assert.StartsWith(deedSource, estimate[TaxItem.DeedTax].Source, StringComparison.Ordinal);
        Assert.Equal((decimal)vat, estimate[TaxItem.ValueAddedTax].Amount);
        Assert.Equal(vatSource, estimate[TaxItem.ValueAddedTax].Source);
        Assert.Equal((decimal)incomeTax, estimate[TaxItem.IndividualIncomeTax].Amount);
        Assert.Equal(incomeSource, estimate[TaxItem.IndividualIncomeTax].Source);
        Assert.Equal(80m, estimate[TaxItem.RegistrationFee].Amount);
        Assert.Equal(TaxPolicyBuilder.RegistrationFee, estimate[TaxItem.RegistrationFee].Source);
        Assert.True(estimate.IsComplete);
    }

    [Fact]
    public void Estimate_AddsTheThreeSurchargesOnTheVat_WhenHeldUnderTwoYears()
    {
        var estimate = TaxEstimator.Estimate(_table, Input(1_050_000m, 120m, new DateOnly(2025, 6, 1)));

        Assert.Equal(3_500m, estimate[TaxItem.UrbanMaintenanceTax].Amount);
        Assert.Equal(TaxPolicyBuilder.UrbanMaintenance, estimate[TaxItem.UrbanMaintenanceTax].Source);
        Assert.Equal(1_500m, estimate[TaxItem.EducationSurcharge].Amount);
        Assert.Equal(TaxPolicyBuilder.Education, estimate[TaxItem.EducationSurcharge].Source);
        Assert.Equal(1_000m, estimate[TaxItem.LocalEducationSurcharge].Amount);
        Assert.Equal(TaxPolicyBuilder.LocalEducation, estimate[TaxItem.LocalEducationSurcharge].Source);
        Assert.Equal("征收率5%（价税分离）", estimate[TaxItem.ValueAddedTax].Rate);
        Assert.Equal("增值税额的7%", estimate[TaxItem.UrbanMaintenanceTax].Rate);
    }

    [Fact]
    public void Estimate_ShowsExemptItemsAsExempt_WithNoSurcharge()
    {
        var estimate = TaxEstimator.Estimate(_table, Input());

        Assert.Equal("免征", estimate[TaxItem.ValueAddedTax].Rate);
        Assert.Equal(0m, estimate[TaxItem.UrbanMaintenanceTax].Amount);
        Assert.Equal("免征", estimate[TaxItem.IndividualIncomeTax].Rate);
        Assert.Equal("每件80元", estimate[TaxItem.RegistrationFee].Rate);
    }

    [Theory]
    [InlineData("2024-11-26", 0)]
    [InlineData("2024-11-27", 50_000)]
    public void Estimate_CountsTwoYearsFromTheRegistrationDate_TheAnniversaryIncluded(string registeredOn, double vat)
    {
        var estimate = TaxEstimator.Estimate(_table, Input(1_050_000m, registeredOn: DateOnly.Parse(registeredOn, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal((decimal)vat, estimate[TaxItem.ValueAddedTax].Amount);
    }

    [Fact]
    public void Estimate_SaysWhatItCannotEstimate_WhenTheRegistrationDateIsMissing()
    {
        var input = Input() with { RegisteredOn = null };

        var estimate = TaxEstimator.Estimate(_table, input);

        Assert.Null(estimate[TaxItem.ValueAddedTax].Amount);
        Assert.Equal(TaxPolicyTable.NeedsRegistrationDate, estimate[TaxItem.ValueAddedTax].Unavailable);
        Assert.Equal(TaxEstimator.NoVatFigure, estimate[TaxItem.UrbanMaintenanceTax].Unavailable);
        Assert.Equal(TaxPolicyTable.NeedsRegistrationDate, estimate[TaxItem.IndividualIncomeTax].Unavailable);
        Assert.Equal(10_000m, estimate[TaxItem.DeedTax].Amount);
        Assert.Equal(TaxEstimator.GrossPriceNote, estimate[TaxItem.DeedTax].Note);
        Assert.Equal(80m, estimate[TaxItem.RegistrationFee].Amount);
        Assert.False(estimate.IsComplete);
    }

    [Fact]
    public void Estimate_AsksForTheBuyersAnswer_BeforeTheDeedTax()
    {
        var estimate = TaxEstimator.Estimate(_table, Input(buyerFirstHome: null));

        Assert.Null(estimate[TaxItem.DeedTax].Amount);
        Assert.Equal(TaxPolicyTable.NeedsBuyerAnswer, estimate[TaxItem.DeedTax].Unavailable);
    }

    [Fact]
    public void Estimate_AsksForTheSellersAnswer_OnlyWhenItChangesTheIncomeTax()
    {
        var heldFiveYears = TaxEstimator.Estimate(_table, Input(sellerOnlyHome: null));
        var heldThreeYears = TaxEstimator.Estimate(_table, Input(sellerOnlyHome: null, registeredOn: new DateOnly(2023, 6, 1)));

        Assert.Equal(TaxPolicyTable.NeedsSellerAnswer, heldFiveYears[TaxItem.IndividualIncomeTax].Unavailable);
        Assert.Equal(10_000m, heldThreeYears[TaxItem.IndividualIncomeTax].Amount);
    }

    [Fact]
    public void Estimate_GivesOnlyTheFee_WhenThePriceIsNotFilledIn()
    {
        var estimate = TaxEstimator.Estimate(_table, Input(price: null));

        Assert.All(estimate.Lines.Where(l => l.Item != TaxItem.RegistrationFee),
            l => Assert.Equal(TaxEstimator.NeedsPrice, l.Unavailable));
        Assert.Equal(80m, estimate[TaxItem.RegistrationFee].Amount);
    }

    [Fact]
    public void Estimate_EstimatesNothing_ForAHomeThatIsNotHousing()
    {
        var estimate = TaxEstimator.Estimate(_table, Input(purpose: "商业"));

        Assert.All(estimate.Lines, l => Assert.Equal(TaxEstimator.NotHousing, l.Unavailable));
    }

    [Fact]
    public void Estimate_SaysThereIsNoRule_BeforeTheTableBegins()
    {
        var estimate = TaxEstimator.Estimate(_table, Input(on: new DateOnly(2005, 1, 1)));

        Assert.Equal(TaxPolicyTable.NoRule, estimate[TaxItem.DeedTax].Unavailable);
    }

    [Theory]
    [InlineData(TaxBearer.EachAsLawProvides, TaxParty.Buyer, TaxParty.Seller, TaxParty.Seller, TaxParty.Buyer)]
    [InlineData(TaxBearer.Buyer, TaxParty.Buyer, TaxParty.Buyer, TaxParty.Buyer, TaxParty.Buyer)]
    [InlineData(TaxBearer.Seller, TaxParty.Seller, TaxParty.Seller, TaxParty.Seller, TaxParty.Seller)]
    public void Estimate_NamesWhoBearsEachItem_AsArticleSixSays(
        TaxBearer bearer, TaxParty deedTax, TaxParty vat, TaxParty incomeTax, TaxParty fee)
    {
        var estimate = TaxEstimator.Estimate(_table, Input(bearer: bearer, registeredOn: new DateOnly(2025, 6, 1)));

        Assert.Equal(deedTax, estimate[TaxItem.DeedTax].BorneBy);
        Assert.Equal(vat, estimate[TaxItem.ValueAddedTax].BorneBy);
        Assert.Equal(vat, estimate[TaxItem.LocalEducationSurcharge].BorneBy);
        Assert.Equal(incomeTax, estimate[TaxItem.IndividualIncomeTax].BorneBy);
        Assert.Equal(fee, estimate[TaxItem.RegistrationFee].BorneBy);
    }

    [Fact]
    public void Estimate_TotalsWhatEachPartyBears()
    {
        // Held under 2 years, taxes as the law provides: the buyer pays 契税 and the fee, the seller the rest.
        var estimate = TaxEstimator.Estimate(_table, Input(1_050_000m, 120m, new DateOnly(2025, 6, 1)));

        Assert.Equal(10_080m, estimate.TotalFor(TaxParty.Buyer));
        Assert.Equal(50_000m + 6_000m + 10_000m, estimate.TotalFor(TaxParty.Seller));
    }

    [Fact]
    public void Estimate_LeavesTheBearerOpen_WhileArticleSixIsNotFilledIn()
    {
        var estimate = TaxEstimator.Estimate(_table, Input(bearer: null));

        Assert.All(estimate.Lines, l => Assert.Null(l.BorneBy));
        Assert.Equal(0m, estimate.TotalFor(TaxParty.Buyer));
    }
}
