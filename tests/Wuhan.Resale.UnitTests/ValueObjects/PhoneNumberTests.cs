using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.UnitTests.ValueObjects;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("19912345678", "19912345678")]
    [InlineData("+8613812345678", "13812345678")]
    [InlineData("8613812345678", "13812345678")]
    [InlineData("+86 138 1234 5678", "13812345678")]
    [InlineData(" 138 1234 5678 ", "13812345678")]
    [InlineData("138-1234-5678", "13812345678")]
    [InlineData("１３８１２３４５６７８", "13812345678")]
    public void Phone_IsAcceptedAndNormalised_WhenItIsAMainlandMobileNumber(string input, string expected)
    {
        var ok = PhoneNumber.TryParse(input, out var phone, out var error);

        Assert.True(ok);
        Assert.Equal(string.Empty, error);
        Assert.NotNull(phone);
        Assert.Equal(expected, phone.Value);
    }

    [Theory]
    [InlineData("12812345678")] // 12 is not a mobile prefix
    [InlineData("10812345678")]
    [InlineData("1381234567")] // 10 digits
    [InlineData("138123456789")] // 12 digits
    [InlineData("1381234567a")]
    [InlineData("abcdefghijk")]
    [InlineData("+8512812345678")]
    [InlineData("027-12345678")] // landline
    [InlineData("+86138123456")]
    public void Phone_IsRefused_WhenItIsNotAMainlandMobileNumber(string input)
    {
        var ok = PhoneNumber.TryParse(input, out var phone, out var error);

        Assert.False(ok);
        Assert.Null(phone);
        Assert.Equal("请输入11位中国大陆手机号码。", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Phone_IsRefused_WhenEmpty(string? input)
    {
        var ok = PhoneNumber.TryParse(input, out var phone, out var error);

        Assert.False(ok);
        Assert.Null(phone);
        Assert.Equal("手机号码不能为空。", error);
    }

    [Fact]
    public void Phone_IsRefusedWithoutThrowing_WhenInputIsOversized()
    {
        var ok = PhoneNumber.TryParse(new string('1', 10_000), out var phone, out var error);

        Assert.False(ok);
        Assert.Null(phone);
        Assert.Equal("请输入11位中国大陆手机号码。", error);
    }

    [Fact]
    public void Parse_ThrowsDomainExceptionWithoutTheNumber_WhenInvalid()
    {
        var exception = Assert.Throws<DomainException>(() => PhoneNumber.Parse("12812345678"));

        Assert.Equal("请输入11位中国大陆手机号码。", exception.Message);
    }

    [Fact]
    public void ToString_ReturnsMaskedValue_NeverTheFullNumber()
    {
        var phone = PhoneNumber.Parse("+86 138 1234 5678");

        Assert.Equal("138****5678", phone.Masked);
        Assert.Equal("138****5678", phone.ToString());
        Assert.Equal("138****5678", $"{phone}");
        Assert.DoesNotContain("13812345678", phone.ToString(), StringComparison.Ordinal);
    }
}
