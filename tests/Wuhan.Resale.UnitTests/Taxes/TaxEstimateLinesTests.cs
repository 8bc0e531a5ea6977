using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Taxes;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Taxes;

/// <summary>
/// The estimate as the buyer and seller read it: its seven lines in their order and names, a zero or negative price
/// treated as not filled in, a figure with no "cannot estimate" reason and no gross-price note when the 增值税 is
/// known, who bears each line by name, and a table whose rows overlap still answering (the first row) unless a missing
/// answer could change the row.
/// </summary>
public class TaxEstimateLinesTests
{
    private static readonly DateOnly OnDate = new(2026, 11, 26);

    private static TaxEstimateInput Input(decimal? price = 1_000_000m, DateOnly? registeredOn = null) =>
        new(price, 89.56m, "住宅", registeredOn ?? new DateOnly(2018, 5, 10), true, true, TaxBearer.EachAsLawProvides, OnDate);

    [Fact]
    public void TheEstimate_HasItsSevenLines_InTheOrderShown_WithTheirNames()
    {
        var estimate = TaxEstimator.Estimate(TaxPolicyBuilder.Demo(), Input());

        Assert.Equal(
            ["契税", "增值税", "城市维护建设税", "教育费附加", "地方教育附加", "个人所得税", "不动产登记费"],
            estimate.Lines.Select(l => l.Name));
    }

    [Fact]
    public void EachLine_NamesWhoBearsIt_AsTheContractsParties()
    {
        var estimate = TaxEstimator.Estimate(TaxPolicyBuilder.Demo(), Input());

        Assert.Equal("乙方（买方）", estimate[TaxItem.DeedTax].BorneBy!.Value.DisplayName());
        Assert.Equal("甲方（卖方）", estimate[TaxItem.IndividualIncomeTax].BorneBy!.Value.DisplayName());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1_000_000)]
    public void APriceOfZeroOrLess_IsTreatedAsNotFilledIn(int price)
    {
        var estimate = TaxEstimator.Estimate(TaxPolicyBuilder.Demo(), Input(price));

        Assert.All(estimate.Lines.Where(l => l.Item != TaxItem.RegistrationFee), l =>
        {
            Assert.Null(l.Amount);
            Assert.Equal(TaxEstimator.NeedsPrice, l.Unavailable);
        });
        Assert.Equal(80m, estimate[TaxItem.RegistrationFee].Amount);
    }

    /// <summary>Held under two years: every line has a figure, none says it cannot be estimated, and the 契税 is on the price without 增值税 (no note).</summary>
    [Fact]
    public void AFullEstimate_CarriesNoReasonAndNoNote()
    {
        var estimate = TaxEstimator.Estimate(TaxPolicyBuilder.Demo(), Input(1_050_000m, new DateOnly(2025, 6, 1)));

        Assert.True(estimate.IsComplete);
        Assert.All(estimate.Lines, l => Assert.Null(l.Unavailable));
        Assert.All(estimate.Lines, l => Assert.Null(l.Note));
        Assert.Equal(10_000m, estimate[TaxItem.DeedTax].Amount);
    }

    /// <summary>Two rows of one rule set that both fit the deal (a table written with overlapping bands): the first applies.</summary>
    [Fact]
    public void TwoRowsThatBothFit_GiveTheFirst_RatherThanNoEstimate()
    {
        var table = new TaxPolicyTable(
        [
            Row(0.01m) with { AreaUpTo = 100m },
            Row(0.02m) with { AreaOver = 80m },
        ]);

        var match = table.Match(TaxItem.DeedTax, OnDate, new TaxFacts(89.56m, 8, true, true));

        Assert.Equal((0.01m, (string?)null), (match.Row?.Rate, match.Unavailable));
    }

    /// <summary>One row fits without an answer, another would fit with it: the answer can change the row, so it is asked for.</summary>
    [Fact]
    public void AMissingAnswerThatCouldChangeTheRow_IsAskedFor_EvenWhenAnotherRowFitsWithoutIt()
    {
        var table = new TaxPolicyTable(
        [
            Row(0.01m),
            Row(0m) with { SellerOnlyHome = true },
        ]);

        var match = table.Match(TaxItem.DeedTax, OnDate, new TaxFacts(89.56m, 8, true, SellerOnlyHome: null));

        Assert.Equal(((TaxPolicyRow?)null, TaxPolicyTable.NeedsSellerAnswer), (match.Row, match.Unavailable));
    }

    private static TaxPolicyRow Row(decimal rate) => new()
    {
        Item = TaxItem.DeedTax, EffectiveFrom = new DateOnly(2024, 12, 1), Base = TaxBase.PriceNetOfVat, Rate = rate,
        Source = "测试规定", Case = $"税率{rate}",
    };
}
