using Wuhan.Resale.Domain.Districts;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Districts;

public class PurchaseRestrictionTests
{
    private static readonly DateOnly _onDate = new(2026, 11, 26);

    [Fact]
    public void Classify_IsRestricted_WhenTheRowInForceIsRestricted()
    {
        var result = PurchaseRestriction.Classify(
            TestData.JianganDistrict, "住宅", [PolicyBuilder.Restricted(TestData.JianganDistrict)], _onDate);

        Assert.Equal(RestrictionClass.Restricted, result);
    }

    [Fact]
    public void Classify_IsNotRestricted_WhenTheRowInForceIsNotRestricted()
    {
        var result = PurchaseRestriction.Classify(
            TestData.WuchangDistrict, "住宅", [PolicyBuilder.NotRestricted(TestData.WuchangDistrict)], _onDate);

        Assert.Equal(RestrictionClass.NotRestricted, result);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Classify_IsUndetermined_WhenTheDistrictIsMissing(string? districtCode)
    {
        var result = PurchaseRestriction.Classify(districtCode, "住宅", PolicyBuilder.Default(), _onDate);

        Assert.Equal(RestrictionClass.Undetermined, result);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Classify_IsUndetermined_WhenTheDesignPurposeIsMissing(string? designPurpose)
    {
        var result = PurchaseRestriction.Classify(TestData.JianganDistrict, designPurpose, PolicyBuilder.Default(), _onDate);

        Assert.Equal(RestrictionClass.Undetermined, result);
    }

    [Theory]
    [InlineData("商业")]
    [InlineData("办公")]
    [InlineData("车库")]
    public void Classify_IsNotRestricted_ForANonResidentialPurpose_EvenWithoutAPolicyRow(string designPurpose)
    {
        var result = PurchaseRestriction.Classify(TestData.HongshanDistrict, designPurpose, [], _onDate);

        Assert.Equal(RestrictionClass.NotRestricted, result);
    }

    [Theory]
    [InlineData("住宅")]
    [InlineData("成套住宅")]
    [InlineData("非成套住宅")]
    [InlineData("公寓")]
    [InlineData("别墅")]
    [InlineData(" 住宅 ")]
    public void Classify_AppliesThePolicy_ForEveryResidentialPurpose(string designPurpose)
    {
        var result = PurchaseRestriction.Classify(
            TestData.JianganDistrict, designPurpose, [PolicyBuilder.Restricted(TestData.JianganDistrict)], _onDate);

        Assert.Equal(RestrictionClass.Restricted, result);
    }

    [Fact]
    public void Classify_IsUndetermined_WhenNoRowExistsForTheDistrict()
    {
        var result = PurchaseRestriction.Classify(
            TestData.HongshanDistrict, "住宅", [PolicyBuilder.Restricted(TestData.JianganDistrict)], _onDate);

        Assert.Equal(RestrictionClass.Undetermined, result);
    }

    [Fact]
    public void Classify_UsesTheLatestRowInForce_WhenALaterRowOverridesAnEarlierOne()
    {
        RestrictionPolicy[] policies =
        [
            PolicyBuilder.NotRestricted(TestData.JianganDistrict, new DateOnly(2024, 10, 1)),
            PolicyBuilder.Restricted(TestData.JianganDistrict, new DateOnly(2020, 1, 1)),
        ];

        var result = PurchaseRestriction.Classify(TestData.JianganDistrict, "住宅", policies, _onDate);

        Assert.Equal(RestrictionClass.NotRestricted, result);
    }

    [Fact]
    public void Classify_IgnoresARowThatTakesEffectAfterTheDate()
    {
        RestrictionPolicy[] policies =
        [
            PolicyBuilder.Restricted(TestData.JianganDistrict, new DateOnly(2020, 1, 1)),
            PolicyBuilder.NotRestricted(TestData.JianganDistrict, _onDate.AddDays(1)),
        ];

        var result = PurchaseRestriction.Classify(TestData.JianganDistrict, "住宅", policies, _onDate);

        Assert.Equal(RestrictionClass.Restricted, result);
    }

    [Fact]
    public void Classify_AppliesARowFromItsEffectiveDateItself()
    {
        RestrictionPolicy[] policies =
        [
            PolicyBuilder.Restricted(TestData.JianganDistrict, new DateOnly(2020, 1, 1)),
            PolicyBuilder.NotRestricted(TestData.JianganDistrict, _onDate),
        ];

        var result = PurchaseRestriction.Classify(TestData.JianganDistrict, "住宅", policies, _onDate);

        Assert.Equal(RestrictionClass.NotRestricted, result);
    }

    [Fact]
    public void Classify_IgnoresRowsOfOtherDistricts()
    {
        RestrictionPolicy[] policies =
        [
            PolicyBuilder.Restricted(TestData.JianganDistrict, new DateOnly(2020, 1, 1)),
            PolicyBuilder.NotRestricted(TestData.WuchangDistrict, new DateOnly(2025, 1, 1)),
        ];

        var result = PurchaseRestriction.Classify(TestData.JianganDistrict, "住宅", policies, _onDate);

        Assert.Equal(RestrictionClass.Restricted, result);
    }

    [Fact]
    public void Classify_ThrowsArgumentNullException_WhenPoliciesAreNull()
    {
        Assert.Throws<ArgumentNullException>(
            () => PurchaseRestriction.Classify(TestData.JianganDistrict, "住宅", null!, _onDate));
    }

    [Theory]
    [InlineData("商住")]
    [InlineData("其它")]
    [InlineData("住宅楼")]
    public void Classify_IsUndetermined_ForAPurposeThatIsNeitherKnownHousingNorKnownNonHousing(string designPurpose)
    {
        var result = PurchaseRestriction.Classify(TestData.JianganDistrict, designPurpose, PolicyBuilder.Default(), _onDate);

        Assert.Equal(RestrictionClass.Undetermined, result);
    }

    [Theory]
    [InlineData("住宅", true)]
    [InlineData(" 公寓 ", true)]
    [InlineData("商业", false)]
    [InlineData("住宅楼", false)]
    public void IsResidential_RecognisesOnlyHousingPurposes(string designPurpose, bool expected)
    {
        Assert.Equal(expected, PurchaseRestriction.IsResidential(designPurpose));
    }

    [Theory]
    [InlineData(RestrictionClass.Restricted, "限购")]
    [InlineData(RestrictionClass.NotRestricted, "非限购")]
    [InlineData(RestrictionClass.Undetermined, "无法判断")]
    public void RestrictionClass_HasAChineseName(RestrictionClass restrictionClass, string name)
    {
        Assert.Equal(name, restrictionClass.DisplayName());
    }
}
