using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.Testing;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Contracts;

/// <summary>
/// 第一条's 卖方填报 facts, as the seller reads them next to each field: what the registry lacks must be stated, what it
/// records may not be restated (and then nothing else is said about the restated value), and a stated value must lie
/// within its range — floors from 1 (or −5 for a basement) to 200, a land area above 0 up to 100,000 m² in fen, a
/// certificate issued no earlier than 1949-10-01.
/// </summary>
public class SuppliedHomeFactsTests
{
    /// <summary>The registry copy with none of the facts a seller may supply.</summary>
    private static readonly PropertyRecord Sparse = Home(f => f with
    {
        Structure = null, LandArea = null, CertificateIssuedOn = null, Floor = null, TotalFloors = null, RoomType = null,
    });

    /// <summary>The registry copy with every one of them (6th of 18 floors, land 11.2 m², issued 2018-04-09).</summary>
    private static readonly PropertyRecord Full = Home(f => f);

    private static readonly SuppliedHomeFacts Good = new()
    {
        Structure = "混合", LandArea = 9.5m, CertificateIssuedOn = new DateOnly(2003, 5, 1), Floor = 3, TotalFloors = 7,
    };

    [Fact]
    public void EachFactTheRegistryLacks_IsAskedFor_InItsOwnWords()
    {
        var problems = Problems(SuppliedHomeFacts.None, Sparse);

        Assert.Equal(
            [
                new ContractProblem(ContractField.SuppliedStructure, "第一条：不动产登记记录中没有房屋结构，请按房产证填写（卖方填报）。"),
                new ContractProblem(ContractField.SuppliedLandArea, "第一条：不动产登记记录中没有分摊土地面积，请按房产证填写（卖方填报，单位平方米）。"),
                new ContractProblem(ContractField.SuppliedCertificateIssuedOn, "第一条：不动产登记记录中没有证书填发日期，请按房产证填写（卖方填报）。"),
                new ContractProblem(ContractField.SuppliedFloor, "第一条：不动产登记记录中没有所在层次，请按房产证填写（卖方填报）。"),
                new ContractProblem(ContractField.SuppliedTotalFloors, "第一条：不动产登记记录中没有地上总层数，请按房产证填写（卖方填报）。"),
            ],
            problems);
    }

    [Fact]
    public void EachFactTheRegistryRecords_CannotBeRestated_AndTheMessageNamesIt()
    {
        var problems = Problems(Good with { RoomType = "一室" }, Full);

        Assert.Equal(
            [
                Restated(ContractField.SuppliedStructure, "房屋结构"),
                Restated(ContractField.SuppliedRoomType, "房型"),
                Restated(ContractField.SuppliedLandArea, "分摊土地面积"),
                Restated(ContractField.SuppliedCertificateIssuedOn, "证书填发日期"),
                Restated(ContractField.SuppliedFloor, "所在层次"),
                Restated(ContractField.SuppliedTotalFloors, "地上总层数"),
            ],
            problems);
    }

    /// <summary>
    /// A restated value is refused for being restated, and only for that: the seller is not also told that the value
    /// they should not have typed is too long or out of range.
    /// </summary>
    [Fact]
    public void ARestatedValue_IsRefusedOnce_EvenWhenItIsAlsoOutOfRange()
    {
        var problems = Problems(new SuppliedHomeFacts
        {
            Structure = new string('砖', SuppliedHomeFacts.MaxTextLength + 1),
            RoomType = new string('室', SuppliedHomeFacts.MaxTextLength + 1),
            LandArea = 0m,
            CertificateIssuedOn = new DateOnly(1900, 1, 1),
            Floor = 0,
            TotalFloors = 0,
        }, Full);

        Assert.Equal(
            [
                Restated(ContractField.SuppliedStructure, "房屋结构"),
                Restated(ContractField.SuppliedRoomType, "房型"),
                Restated(ContractField.SuppliedLandArea, "分摊土地面积"),
                Restated(ContractField.SuppliedCertificateIssuedOn, "证书填发日期"),
                Restated(ContractField.SuppliedFloor, "所在层次"),
                Restated(ContractField.SuppliedTotalFloors, "地上总层数"),
            ],
            problems);
    }

    /// <summary>The registry's own floor counts in the floor check, not the restated one.</summary>
    [Fact]
    public void ARestatedFloor_IsNotComparedWithTheTotal_TheRegistrysFloorIs()
    {
        var home = Home(f => f with { TotalFloors = null });

        var problems = Problems(SuppliedHomeFacts.None with { Floor = 99, TotalFloors = 18 }, home);

        Assert.Equal([Restated(ContractField.SuppliedFloor, "所在层次")], problems);
    }

    [Fact]
    public void AFloorAboveTheTotal_IsPutOnTheFloor_WhenTheSellerSuppliedBoth()
    {
        var problems = Problems(Good with { Floor = 8 }, Sparse);

        Assert.Equal(
            [new ContractProblem(ContractField.SuppliedFloor, "第一条：所在层次（第8层）高于地上总层数（7层），请按房产证核对。")],
            problems);
    }

    /// <summary>When the registry gives the floor, a total the seller typed below it is the value to correct.</summary>
    [Fact]
    public void AFloorAboveTheTotal_IsPutOnTheTotal_WhenTheRegistryGaveTheFloor()
    {
        var home = Home(f => f with { Floor = 10, TotalFloors = null });

        var problems = Problems(SuppliedHomeFacts.None with { TotalFloors = 7 }, home);

        Assert.Equal(
            [new ContractProblem(ContractField.SuppliedTotalFloors, "第一条：所在层次（第10层）高于地上总层数（7层），请按房产证核对。")],
            problems);
    }

    [Fact]
    public void AFloorOnTheTopStorey_IsAccepted()
    {
        Assert.Empty(Problems(Good with { Floor = 7 }, Sparse));
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(0)]
    [InlineData(201)]
    public void AFloorOutOfRange_IsRefused_WithTheBasementHint(int floor)
    {
        var problems = Problems(Good with { Floor = floor, TotalFloors = 200 }, Sparse);

        Assert.Equal(
            [new ContractProblem(ContractField.SuppliedFloor, "第一条：所在层次应为1至200之间的整数，地下层填负数（如 -1）。")],
            problems);
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(200)]
    public void AFloorWithinRange_IsAccepted_BasementsIncluded(int floor)
    {
        Assert.Empty(Problems(Good with { Floor = floor, TotalFloors = 200 }, Sparse));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(201)]
    public void ATotalOutOfRange_IsRefused_AndHasNoBasement(int total)
    {
        var problems = Problems(Good with { Floor = -1, TotalFloors = total }, Sparse);

        Assert.Equal(
            [new ContractProblem(ContractField.SuppliedTotalFloors, "第一条：地上总层数应为1至200之间的整数。")],
            problems);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(200)]
    public void ATotalWithinRange_IsAccepted(int total)
    {
        Assert.Empty(Problems(Good with { Floor = 1, TotalFloors = total }, Sparse));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("9.555")]
    [InlineData("100000.01")]
    public void ALandAreaOutOfRange_IsRefused(string area)
    {
        var problems = Problems(Good with { LandArea = decimal.Parse(area, System.Globalization.CultureInfo.InvariantCulture) }, Sparse);

        Assert.Equal(
            [new ContractProblem(ContractField.SuppliedLandArea, "第一条：分摊土地面积应大于0，最多保留两位小数（单位平方米）。")],
            problems);
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("100000")]
    public void ALandAreaAtTheEdges_IsAccepted(string area)
    {
        Assert.Empty(Problems(Good with { LandArea = decimal.Parse(area, System.Globalization.CultureInfo.InvariantCulture) }, Sparse));
    }

    [Fact]
    public void ACertificateIssuedBefore1949_IsRefused_AndOneOnTheFirstDay_IsAccepted()
    {
        Assert.Equal(
            [new ContractProblem(ContractField.SuppliedCertificateIssuedOn, "第一条：证书填发日期不早于1949年10月1日，请按房产证核对。")],
            Problems(Good with { CertificateIssuedOn = new DateOnly(1949, 9, 30) }, Sparse));
        Assert.Empty(Problems(Good with { CertificateIssuedOn = new DateOnly(1949, 10, 1) }, Sparse));
    }

    [Fact]
    public void SuppliedTexts_AreLimitedInLength_ByName()
    {
        var tooLong = new string('砖', SuppliedHomeFacts.MaxTextLength + 1);

        var problems = Problems(Good with { Structure = tooLong, RoomType = tooLong }, Sparse);

        Assert.Equal(
            [
                new ContractProblem(ContractField.SuppliedStructure, $"第一条：房屋结构不能超过{SuppliedHomeFacts.MaxTextLength}个字。"),
                new ContractProblem(ContractField.SuppliedRoomType, $"第一条：房型不能超过{SuppliedHomeFacts.MaxTextLength}个字。"),
            ],
            problems);
    }

    /// <summary>Without a registry copy (the listing's record not loaded) nothing is asked for.</summary>
    [Fact]
    public void WithoutARegistryCopy_NothingIsAskedFor()
    {
        Assert.Empty(ContractCompleteness.FindProblems(ContractSamples.CompleteTerms(), ContractSamples.CompleteSchedule(), null));
    }

    private static ContractProblem Restated(ContractField field, string what) =>
        new(field, $"第一条：不动产登记记录已有{what}，以登记为准，不能由卖方另行填报。");

    private static IReadOnlyList<ContractProblem> Problems(SuppliedHomeFacts supplied, PropertyRecord home) =>
        ContractCompleteness.FindProblems(ContractSamples.CompleteTerms() with { Supplied = supplied }, ContractSamples.CompleteSchedule(), home);

    private static PropertyRecord Home(Func<PropertyFacts, PropertyFacts> change) => new PropertyFactsBuilder().With(change).BuildRecord();
}
