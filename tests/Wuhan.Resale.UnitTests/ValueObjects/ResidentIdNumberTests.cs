using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.UnitTests.ValueObjects;

public class ResidentIdNumberTests
{
    private static readonly DateOnly _today = new(2025, 6, 1);

    [Theory]
    [InlineData("420106199003071238", 1990, 3, 7)]
    [InlineData("420102198512124561", 1985, 12, 12)]
    [InlineData("11010119491001001X", 1949, 10, 1)]
    [InlineData("830101199003071232", 1990, 3, 7)]
    [InlineData("420106190001011230", 1900, 1, 1)]
    [InlineData("420106202506011231", 2025, 6, 1)]
    public void ResidentId_IsAccepted_WhenCheckDigitDateAndRegionAreValid(string input, int year, int month, int day)
    {
        var ok = IdNumber.TryParse(IdType.ResidentIdCard, input, out var id, out var error, _today);

        Assert.True(ok);
        Assert.Equal(string.Empty, error);
        Assert.NotNull(id);
        Assert.Equal(IdType.ResidentIdCard, id.Type);
        Assert.Equal(input, id.Value);
        Assert.Equal(new DateOnly(year, month, day), id.BirthDate);
    }

    /// <summary>
    /// Every province-level region of GB/T 2260 (and 71/81/82/83 for Taiwan, Hong Kong, Macao and residence permits) is a
    /// place a buyer can come from: a number issued there is accepted, whatever the rest of its region code.
    /// </summary>
    [Theory]
    [InlineData("11")] [InlineData("12")] [InlineData("13")] [InlineData("14")] [InlineData("15")]
    [InlineData("21")] [InlineData("22")] [InlineData("23")]
    [InlineData("31")] [InlineData("32")] [InlineData("33")] [InlineData("34")] [InlineData("35")] [InlineData("36")] [InlineData("37")]
    [InlineData("41")] [InlineData("42")] [InlineData("43")] [InlineData("44")] [InlineData("45")] [InlineData("46")]
    [InlineData("50")] [InlineData("51")] [InlineData("52")] [InlineData("53")] [InlineData("54")]
    [InlineData("61")] [InlineData("62")] [InlineData("63")] [InlineData("64")] [InlineData("65")]
    [InlineData("71")] [InlineData("81")] [InlineData("82")] [InlineData("83")]
    public void ResidentId_IsAccepted_FromEveryProvinceLevelRegion(string province)
    {
        var input = WithCheckDigit(province + "0102" + "19900307" + "123");

        Assert.True(IdNumber.TryParse(IdType.ResidentIdCard, input, out var id, out var error, _today), error);
        Assert.Equal(input, id!.Value);
    }

    [Theory]
    [InlineData("10")] [InlineData("16")] [InlineData("20")] [InlineData("24")] [InlineData("30")] [InlineData("38")]
    [InlineData("40")] [InlineData("47")] [InlineData("55")] [InlineData("60")] [InlineData("66")] [InlineData("70")]
    [InlineData("72")] [InlineData("80")] [InlineData("84")] [InlineData("91")] [InlineData("99")]
    public void ResidentId_IsRefused_FromARegionCodeThatIsNoProvince(string province)
    {
        var ok = IdNumber.TryParse(IdType.ResidentIdCard, WithCheckDigit(province + "0102" + "19900307" + "123"), out _, out var error, _today);

        Assert.False(ok);
        Assert.Equal("居民身份证号码中的地区代码无效。", error);
    }

    /// <summary>The 18th character of GB 11643: weights 2^(17-i) mod 11 over the first 17 digits, then "10X98765432".</summary>
    private static string WithCheckDigit(string first17)
    {
        var sum = first17.Select((c, i) => (c - '0') * (int)(Math.Pow(2, 17 - i) % 11)).Sum();
        return first17 + "10X98765432"[sum % 11];
    }

    [Theory]
    [InlineData("11010119491001001x", "11010119491001001X")]
    [InlineData("  420106199003071238 ", "420106199003071238")]
    [InlineData("４２０１０６１９９００３０７１２３８", "420106199003071238")]
    [InlineData("１１０１０１１９４９１００１００１ｘ", "11010119491001001X")]
    [InlineData("\u3000420106199003071238\u3000", "420106199003071238")]
    public void ResidentId_IsNormalised_WhenLowerCaseXFullWidthOrPadded(string input, string expected)
    {
        var id = IdNumber.Parse(IdType.ResidentIdCard, input, _today);

        Assert.Equal(expected, id.Value);
    }

    [Theory]
    [InlineData("420106199003071239")]
    [InlineData("420106199003071230")]
    [InlineData("42010619900307123X")]
    [InlineData("110101194910010010")]
    public void ResidentId_IsRefused_WhenCheckDigitIsWrong(string input)
    {
        var ok = IdNumber.TryParse(IdType.ResidentIdCard, input, out var id, out var error, _today);

        Assert.False(ok);
        Assert.Null(id);
        Assert.Equal("居民身份证号码校验位不正确，请核对后重新输入。", error);
    }

    [Theory]
    [InlineData("420106199902301236")] // 30 February
    [InlineData("420106203001011230")] // 2030, after today
    [InlineData("420106202506021237")] // the day after today
    [InlineData("420106189912311236")] // before 1900
    public void ResidentId_IsRefused_WhenBirthDateIsImpossibleOrInTheFuture(string input)
    {
        var ok = IdNumber.TryParse(IdType.ResidentIdCard, input, out var id, out var error, _today);

        Assert.False(ok);
        Assert.Null(id);
        Assert.Equal("居民身份证号码中的出生日期无效。", error);
    }

    [Theory]
    [InlineData("990106199003071239")]
    [InlineData("420000199003071234")]
    [InlineData("000106199003071238")]
    public void ResidentId_IsRefused_WhenRegionCodeIsInvalid(string input)
    {
        var ok = IdNumber.TryParse(IdType.ResidentIdCard, input, out _, out var error, _today);

        Assert.False(ok);
        Assert.Equal("居民身份证号码中的地区代码无效。", error);
    }

    [Theory]
    [InlineData("42010619900307123")]
    [InlineData("4201061990030712381")]
    [InlineData("420106900307123")]
    [InlineData("4201061990A3071238")]
    [InlineData("42010619900307123Y")]
    [InlineData("420106 199003071238")]
    [InlineData("X20106199003071238")]
    public void ResidentId_IsRefused_WhenLengthOrCharactersAreWrong(string input)
    {
        var ok = IdNumber.TryParse(IdType.ResidentIdCard, input, out var id, out var error, _today);

        Assert.False(ok);
        Assert.Null(id);
        Assert.Equal("居民身份证号码应为18位，最后一位可以是数字或X。", error);
    }

    [Fact]
    public void ResidentId_Parse_ThrowsDomainExceptionWithoutTheNumber_WhenInvalid()
    {
        var exception = Assert.Throws<DomainException>(
            () => IdNumber.Parse(IdType.ResidentIdCard, "420106199003071239", _today));

        Assert.Equal("居民身份证号码校验位不正确，请核对后重新输入。", exception.Message);
        Assert.DoesNotContain("42010619900307", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResidentId_UsesChinaToday_WhenTodayIsNotGiven()
    {
        var ok = IdNumber.TryParse(IdType.ResidentIdCard, "420106203001011230", out _, out var error);

        Assert.False(ok);
        Assert.Equal("居民身份证号码中的出生日期无效。", error);
        Assert.True(IdNumber.TryParse(IdType.ResidentIdCard, "420106199003071238", out _, out _));
    }
}
