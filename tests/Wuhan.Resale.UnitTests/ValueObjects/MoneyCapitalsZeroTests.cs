using System.Globalization;
using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.UnitTests.ValueObjects;

/// <summary>
/// The 大写 amount on the contract says 零 once for each run of zeros — also when a whole 万 section is zero and the
/// next section starts with a digit, and not again between the digits that follow.
/// </summary>
public class MoneyCapitalsZeroTests
{
    [Theory]
    [InlineData("100001000", "壹亿零壹仟元整")]
    [InlineData("200003500", "贰亿零叁仟伍佰元整")]
    [InlineData("1000011", "壹佰万零壹拾壹元整")]
    [InlineData("1020345", "壹佰零贰万零叁佰肆拾伍元整")]
    public void OneZero_IsWrittenForEachRunOfZeros(string yuan, string expected)
    {
        Assert.Equal(expected, Money.Create(decimal.Parse(yuan, CultureInfo.InvariantCulture)).ToChineseCapitals());
    }
}
