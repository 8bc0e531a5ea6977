using Wuhan.Resale.Domain.Taxes;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Taxes;

public class TaxPolicyTableTests
{
    private static readonly TaxFacts _firstSmallHome = new(89.56m, 8, BuyerFirstHome: true, SellerOnlyHome: true);

    [Fact]
    public void Match_TakesTheRuleSetInForceOnTheDate()
    {
        var table = TaxPolicyBuilder.Demo();
        var facts = _firstSmallHome with { BuildingArea = 120m };

        var before = table.Match(TaxItem.DeedTax, new DateOnly(2024, 11, 30), facts);
        var from = table.Match(TaxItem.DeedTax, new DateOnly(2024, 12, 1), facts);

        Assert.Equal(0.015m, before.Row?.Rate);
        Assert.Equal(TaxPolicyBuilder.DeedTax2016, before.Row?.Source);
        Assert.Equal(0.01m, from.Row?.Rate);
        Assert.Equal(TaxPolicyBuilder.DeedTax2024, from.Row?.Source);
    }

    [Theory]
    [InlineData(140, 0.01)]
    [InlineData(140.01, 0.015)]
    public void Match_Counts140SquareMetresAsTheSmallerBand(double area, double rate)
    {
        var match = TaxPolicyBuilder.Demo().Match(TaxItem.DeedTax, new DateOnly(2026, 11, 26), _firstSmallHome with { BuildingArea = (decimal)area });

        Assert.Equal((decimal)rate, match.Row?.Rate);
    }

    [Fact]
    public void InForce_IsEmpty_BeforeAnItemsFirstRow()
    {
        Assert.Empty(TaxPolicyBuilder.Demo().InForce(TaxItem.RegistrationFee, new DateOnly(2017, 3, 14)));
        Assert.Single(TaxPolicyBuilder.Demo().InForce(TaxItem.RegistrationFee, new DateOnly(2017, 3, 15)));
    }

    // A year counted from 29 February ends on the last day of February when the year has no 29th.
    [Theory]
    [InlineData("2020-02-29", "2025-02-27", 4)]
    [InlineData("2020-02-29", "2025-02-28", 5)]
    [InlineData("2026-12-01", "2026-11-26", 0)]
    public void HeldYears_CountsFullYearsFromTheRegistrationDate(string registeredOn, string on, int years)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;

        Assert.Equal(years, TaxEstimator.HeldYears(DateOnly.Parse(registeredOn, culture), DateOnly.Parse(on, culture)));
    }
}
