using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.UnitTests.ValueObjects;

public class IdNumberTests
{
    private static readonly DateOnly _today = new(2025, 6, 1);

    [Theory]
    [InlineData(IdType.ResidentIdCard, "居民身份证")]
    [InlineData(IdType.Passport, "护照")]
    [InlineData(IdType.HongKongMacaoPermit, "港澳居民来往内地通行证")]
    [InlineData(IdType.TaiwanPermit, "台湾居民来往大陆通行证")]
    [InlineData(IdType.ForeignPermanentResidentCard, "外国人永久居留身份证")]
    [InlineData(IdType.MilitaryOfficerCard, "军官证")]
    [InlineData(IdType.PoliceOfficerCard, "警官证")]
    public void DisplayName_ReturnsOfficialChineseName(IdType type, string expected)
    {
        Assert.Equal(expected, type.DisplayName());
    }

    [Fact]
    public void All_ListsEveryIdTypeOnceInDeclarationOrder()
    {
        Assert.Equal(Enum.GetValues<IdType>(), IdTypeExtensions.All);
    }

    [Fact]
    public void DisplayName_Throws_WhenTypeIsUndefined()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((IdType)99).DisplayName());
    }

    [Theory]
    [InlineData(IdType.Passport, "E12345678", "E12345678")]
    [InlineData(IdType.Passport, "ea1234567", "EA1234567")]
    [InlineData(IdType.Passport, "G12345678", "G12345678")]
    [InlineData(IdType.Passport, "X1234", "X1234")]
    [InlineData(IdType.Passport, "AB1234567890CDEFG", "AB1234567890CDEFG")]
    [InlineData(IdType.HongKongMacaoPermit, "H12345678", "H12345678")]
    [InlineData(IdType.HongKongMacaoPermit, "m1234567890", "M1234567890")]
    [InlineData(IdType.TaiwanPermit, "12345678", "12345678")]
    [InlineData(IdType.TaiwanPermit, "1234567890", "1234567890")]
    [InlineData(IdType.ForeignPermanentResidentCard, "915600199003071238", "915600199003071238")]
    [InlineData(IdType.ForeignPermanentResidentCard, "usa123456789012", "USA123456789012")]
    [InlineData(IdType.MilitaryOfficerCard, "南字第12345678号", "南字第12345678号")]
    [InlineData(IdType.MilitaryOfficerCard, "字第123456", "字第123456")]
    [InlineData(IdType.MilitaryOfficerCard, "１２３４５６７８９０１２", "123456789012")]
    [InlineData(IdType.PoliceOfficerCard, "123456", "123456")]
    [InlineData(IdType.PoliceOfficerCard, "ab12345678", "AB12345678")]
    public void OtherIdTypes_AreAcceptedAndNormalised_WhenFormatIsValid(IdType type, string input, string expected)
    {
        var ok = IdNumber.TryParse(type, input, out var id, out var error, _today);

        Assert.True(ok);
        Assert.Equal(string.Empty, error);
        Assert.NotNull(id);
        Assert.Equal(type, id.Type);
        Assert.Equal(expected, id.Value);
        Assert.Null(id.BirthDate);
    }

    [Theory]
    [InlineData(IdType.Passport, "E123", "护照号码应为5至17位字母或数字。")]
    [InlineData(IdType.Passport, "E1234-567", "护照号码应为5至17位字母或数字。")]
    [InlineData(IdType.Passport, "AB1234567890CDEFGH", "护照号码应为5至17位字母或数字。")]
    [InlineData(IdType.HongKongMacaoPermit, "K12345678", "港澳居民来往内地通行证号码应为H或M开头，后接8位或10位数字。")]
    [InlineData(IdType.HongKongMacaoPermit, "H123456789", "港澳居民来往内地通行证号码应为H或M开头，后接8位或10位数字。")]
    [InlineData(IdType.HongKongMacaoPermit, "12345678", "港澳居民来往内地通行证号码应为H或M开头，后接8位或10位数字。")]
    [InlineData(IdType.TaiwanPermit, "123456789", "台湾居民来往大陆通行证号码应为8位或10位数字。")]
    [InlineData(IdType.TaiwanPermit, "T1234567", "台湾居民来往大陆通行证号码应为8位或10位数字。")]
    [InlineData(IdType.ForeignPermanentResidentCard, "915600199003071239", "外国人永久居留身份证号码校验位不正确，请核对后重新输入。")]
    [InlineData(IdType.ForeignPermanentResidentCard, "420106199003071238", "外国人永久居留身份证号码应为以9开头的18位号码，或3个字母加12位数字的15位号码。")]
    [InlineData(IdType.ForeignPermanentResidentCard, "US1234567890123", "外国人永久居留身份证号码应为以9开头的18位号码，或3个字母加12位数字的15位号码。")]
    [InlineData(IdType.MilitaryOfficerCard, "南字第12345号", "军官证号码格式不正确，应如“南字第12345678号”，或为6至12位数字。")]
    [InlineData(IdType.MilitaryOfficerCard, "张字第12345678号", "军官证号码格式不正确，应如“南字第12345678号”，或为6至12位数字。")]
    [InlineData(IdType.MilitaryOfficerCard, "1234567890123", "军官证号码格式不正确，应如“南字第12345678号”，或为6至12位数字。")]
    [InlineData(IdType.PoliceOfficerCard, "ABCDE12345", "警官证号码应为6至12位数字或大写字母，且至少包含6位数字。")]
    [InlineData(IdType.PoliceOfficerCard, "12345", "警官证号码应为6至12位数字或大写字母，且至少包含6位数字。")]
    [InlineData(IdType.PoliceOfficerCard, "1234567890123", "警官证号码应为6至12位数字或大写字母，且至少包含6位数字。")]
    public void OtherIdTypes_AreRefusedWithChineseMessage_WhenFormatIsInvalid(IdType type, string input, string expectedError)
    {
        var ok = IdNumber.TryParse(type, input, out var id, out var error, _today);

        Assert.False(ok);
        Assert.Null(id);
        Assert.Equal(expectedError, error);
    }

    [Theory]
    [InlineData(IdType.ResidentIdCard, null)]
    [InlineData(IdType.ResidentIdCard, "")]
    [InlineData(IdType.Passport, "   ")]
    [InlineData(IdType.PoliceOfficerCard, "\u3000")]
    public void IdNumber_IsRefused_WhenEmpty(IdType type, string? input)
    {
        var ok = IdNumber.TryParse(type, input, out var id, out var error, _today);

        Assert.False(ok);
        Assert.Null(id);
        Assert.Equal("证件号码不能为空。", error);
    }

    [Theory]
    [InlineData(IdType.ResidentIdCard, 65)]
    [InlineData(IdType.Passport, 1000)]
    [InlineData(IdType.MilitaryOfficerCard, 100_000)]
    public void IdNumber_IsRefusedWithoutThrowing_WhenInputIsOversized(IdType type, int length)
    {
        var input = new string('1', length);

        var ok = IdNumber.TryParse(type, input, out var id, out var error, _today);

        Assert.False(ok);
        Assert.Null(id);
        Assert.Equal("证件号码过长，请核对后重新输入。", error);
    }

    [Fact]
    public void IdNumber_IsRefused_WhenTypeIsUndefined()
    {
        var ok = IdNumber.TryParse((IdType)99, "123456", out var id, out var error, _today);

        Assert.False(ok);
        Assert.Null(id);
        Assert.Equal("证件类型无效，请重新选择。", error);
    }

    [Fact]
    public void Parse_ThrowsDomainException_WhenInvalid()
    {
        var exception = Assert.Throws<DomainException>(() => IdNumber.Parse(IdType.TaiwanPermit, "123", _today));

        Assert.Equal("台湾居民来往大陆通行证号码应为8位或10位数字。", exception.Message);
    }

    [Theory]
    [InlineData(IdType.ResidentIdCard, "11010119491001001X", "1101**********001X")]
    [InlineData(IdType.Passport, "E12345678", "E123*5678")]
    [InlineData(IdType.TaiwanPermit, "12345678", "1******8")]
    [InlineData(IdType.MilitaryOfficerCard, "南字第12345678号", "南字第1****678号")]
    public void ToString_ReturnsMaskedValue_NeverTheFullNumber(IdType type, string input, string expectedMasked)
    {
        var id = IdNumber.Parse(type, input, _today);

        Assert.Equal(expectedMasked, id.Masked);
        Assert.Equal(expectedMasked, id.ToString());
        Assert.Equal(expectedMasked, $"{id}");
        Assert.NotEqual(id.Value, id.ToString());
    }

    [Fact]
    public void IdNumbers_AreEqual_WhenTypeAndNormalisedValueMatch()
    {
        var lower = IdNumber.Parse(IdType.ResidentIdCard, "11010119491001001x", _today);
        var upper = IdNumber.Parse(IdType.ResidentIdCard, "11010119491001001X", _today);
        var otherType = IdNumber.Parse(IdType.TaiwanPermit, "12345678", _today);
        var sameDigitsOtherType = IdNumber.Parse(IdType.PoliceOfficerCard, "12345678", _today);

        Assert.Equal(lower, upper);
        Assert.NotEqual(otherType, sameDigitsOtherType);
    }
}
