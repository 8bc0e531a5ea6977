using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.UnitTests.ValueObjects;

public class MaskingTests
{
    [Theory]
    [InlineData("42010619900307123X", "4201**********123X")]
    [InlineData("420106199003071238", "4201**********1238")]
    [InlineData("E12345678", "E123*5678")]
    [InlineData("USA123456789012", "USA1*******9012")]
    [InlineData("12345678", "1******8")]
    [InlineData("123456", "1****6")]
    [InlineData("123", "1*3")]
    [InlineData("12", "**")]
    [InlineData("1", "*")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void MaskIdNumber_KeepsOnlyTheEnds(string? value, string expected)
    {
        Assert.Equal(expected, Masking.MaskIdNumber(value));
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("19900001111", "199****1111")]
    [InlineData("12345678", "123*5678")]
    [InlineData("1234567", "1*****7")]
    [InlineData("12", "**")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void MaskPhone_KeepsFirstThreeAndLastFourDigits(string? value, string expected)
    {
        Assert.Equal(expected, Masking.MaskPhone(value));
    }

    [Theory]
    [InlineData("张三丰", "张**")]
    [InlineData("李四", "李*")]
    [InlineData("王", "*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData(" 李四 ", "李*")]
    [InlineData("\U00020BB7一", "\U00020BB7*")]
    [InlineData("John Smith", "J*********")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void MaskName_KeepsOnlyTheFirstCharacter(string? name, string expected)
    {
        Assert.Equal(expected, Masking.MaskName(name));
    }
}
