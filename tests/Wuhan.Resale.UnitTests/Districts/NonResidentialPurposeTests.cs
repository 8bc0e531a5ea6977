using Wuhan.Resale.Domain.Districts;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Districts;

/// <summary>
/// 限购 applies to housing only: each design purpose the registry uses for a shop, an office, a garage or parking space, a
/// factory or a warehouse is not restricted (the seller goes on online), while a purpose the portal does not know is
/// left undetermined for the counter.
/// </summary>
public class NonResidentialPurposeTests
{
    private static readonly DateOnly OnDate = new(2026, 11, 26);

    [Theory]
    [InlineData("商业")]
    [InlineData("商服")]
    [InlineData("办公")]
    [InlineData("车库")]
    [InlineData("车位")]
    [InlineData("工业")]
    [InlineData("仓储")]
    [InlineData("厂房")]
    [InlineData(" 车位 ")]
    public void ANonResidentialPurpose_IsNotRestricted_EvenInARestrictedDistrict(string purpose)
    {
        var result = PurchaseRestriction.Classify(TestData.JianganDistrict, purpose, [PolicyBuilder.Restricted(TestData.JianganDistrict)], OnDate);

        Assert.Equal(RestrictionClass.NotRestricted, result);
    }

    [Fact]
    public void AnUnknownPurpose_IsUndetermined()
    {
        var result = PurchaseRestriction.Classify(TestData.JianganDistrict, "其它", [PolicyBuilder.Restricted(TestData.JianganDistrict)], OnDate);

        Assert.Equal(RestrictionClass.Undetermined, result);
    }
}
