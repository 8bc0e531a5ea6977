using System.Globalization;
using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.UnitTests.ValueObjects;

public class MoneyTests
{
    [Theory]
    [InlineData("1280000.00", "壹佰贰拾捌万元整")]
    [InlineData("1000000.05", "壹佰万元零伍分")]
    [InlineData("10010.50", "壹万零壹拾元伍角")]
    [InlineData("0", "零元整")]
    [InlineData("0.00", "零元整")]
    [InlineData("0.05", "伍分")]
    [InlineData("0.50", "伍角")]
    [InlineData("0.55", "伍角伍分")]
    [InlineData("100", "壹佰元整")]
    [InlineData("101", "壹佰零壹元整")]
    [InlineData("110", "壹佰壹拾元整")]
    [InlineData("10", "壹拾元整")]
    [InlineData("1001", "壹仟零壹元整")]
    [InlineData("100000", "壹拾万元整")]
    [InlineData("100100", "壹拾万零壹佰元整")]
    [InlineData("1001000", "壹佰万零壹仟元整")]
    [InlineData("100000000", "壹亿元整")]
    [InlineData("100000001", "壹亿零壹元整")]
    [InlineData("120000000.3", "壹亿贰仟万元叁角")]
    [InlineData("1.2", "壹元贰角")]
    [InlineData("1.02", "壹元零贰分")]
    [InlineData("1.20", "壹元贰角")]
    [InlineData("10.01", "壹拾元零壹分")]
    [InlineData("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分")]
    [InlineData("1050000", "壹佰零伍万元整")]
    [InlineData("20300.4", "贰万零叁佰元肆角")]
    [InlineData("1", "壹元整")]
    [InlineData("10000", "壹万元整")]
    [InlineData("10001", "壹万零壹元整")]
    [InlineData("100010000", "壹亿零壹万元整")]
    [InlineData("1000000000.01", "壹拾亿元零壹分")]
    [InlineData("3650000.75", "叁佰陆拾伍万元柒角伍分")]
    public void ToChineseCapitals_WritesStandardFinancialCapitals(string yuan, string expected)
    {
        var money = Money.Create(decimal.Parse(yuan, CultureInfo.InvariantCulture));

        Assert.Equal(expected, money.ToChineseCapitals());
    }

    [Fact]
    public void ToChineseCapitals_IsZeroYuan_ForDefaultMoney()
    {
        Assert.Equal("零元整", default(Money).ToChineseCapitals());
    }

    [Theory]
    [InlineData("1280000", "1,280,000.00")]
    [InlineData("0", "0.00")]
    [InlineData("0.5", "0.50")]
    [InlineData("1234.56", "1,234.56")]
    [InlineData("999999999999.99", "999,999,999,999.99")]
    public void ToFigures_FormatsWithThousandsSeparatorAndTwoDecimals(string yuan, string expected)
    {
        var money = Money.Create(decimal.Parse(yuan, CultureInfo.InvariantCulture));

        Assert.Equal(expected, money.ToFigures());
        Assert.Equal(expected, money.ToString());
    }

    [Fact]
    public void ToFigures_IgnoresCurrentCulture()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("1,280,000.00", Money.Create(1_280_000m).ToFigures());
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.01")]
    [InlineData("1.200")]
    [InlineData("999999999999.99")]
    public void Money_IsCreated_WhenAmountIsWithinRules(string yuan)
    {
        var amount = decimal.Parse(yuan, CultureInfo.InvariantCulture);

        var ok = Money.TryCreate(amount, out var money, out var error);

        Assert.True(ok);
        Assert.Equal(string.Empty, error);
        Assert.Equal(amount, money.Yuan);
    }

    [Theory]
    [InlineData("-0.01", "金额不能为负数。")]
    [InlineData("-1000", "金额不能为负数。")]
    [InlineData("1.005", "金额最多保留两位小数（到分）。")]
    [InlineData("0.001", "金额最多保留两位小数（到分）。")]
    [InlineData("1000000000000", "金额超出可接受的范围。")]
    [InlineData("999999999999.991", "金额超出可接受的范围。")]
    [InlineData("79228162514264337593543950335", "金额超出可接受的范围。")]
    public void Money_IsRefused_WhenNegativeTooPreciseOrAbsurd(string yuan, string expectedError)
    {
        var ok = Money.TryCreate(decimal.Parse(yuan, CultureInfo.InvariantCulture), out var money, out var error);

        Assert.False(ok);
        Assert.Equal(expectedError, error);
        Assert.Equal(default, money);
    }

    [Fact]
    public void Create_ThrowsDomainException_WhenRefused()
    {
        var exception = Assert.Throws<DomainException>(() => Money.Create(-5m));

        Assert.Equal("金额不能为负数。", exception.Message);
    }

    [Fact]
    public void Money_IsEqual_WhenAmountsAreEqualRegardlessOfScale()
    {
        Assert.Equal(Money.Create(1.2m), Money.Create(1.20m));
        Assert.NotEqual(Money.Create(1.2m), Money.Create(1.21m));
    }
}
