using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.UnitTests.ValueObjects;

/// <summary>
/// Only the country code +86 or 86 is dropped from a mobile number: two or three other digits in front of eleven are a
/// typing mistake and the number is refused, not quietly shortened to the last eleven.
/// </summary>
public class PhoneNumberPrefixTests
{
    [Theory]
    [InlineData("99913812345678")]
    [InlineData("+8713812345678")]
    [InlineData("0013812345678")]
    [InlineData("9913812345678")]
    [InlineData("8713812345678")]
    public void OtherDigitsInFrontOfAMobileNumber_AreRefused(string input)
    {
        Assert.False(PhoneNumber.TryParse(input, out var phone, out var error));
        Assert.Null(phone);
        Assert.NotEmpty(error);
    }

    [Theory]
    [InlineData("+86 13812345678")]
    [InlineData("86-138-1234-5678")]
    public void TheCountryCode_IsDropped(string input)
    {
        Assert.True(PhoneNumber.TryParse(input, out var phone, out _));
        Assert.Equal("13812345678", phone.Value);
    }
}
