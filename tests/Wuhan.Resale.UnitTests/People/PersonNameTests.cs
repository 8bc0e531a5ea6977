using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.People;

namespace Wuhan.Resale.UnitTests.People;

/// <summary>A name as written on a contract: trimmed, at most 50 characters, and nothing a page or a PDF cannot show.</summary>
public class PersonNameTests
{
    [Fact]
    public void AName_IsTrimmed()
    {
        Assert.Equal("张三", PersonName.Normalize("  张三 "));
    }

    [Fact]
    public void AName_Of50Characters_IsKept_And51_IsRefused()
    {
        var longest = new string('名', PersonName.MaxLength);

        var refused = Assert.Throws<DomainException>(() => PersonName.Normalize(longest + "字"));

        Assert.Equal(longest, PersonName.Normalize(longest));
        Assert.Equal("姓名不能超过50个字符。", refused.Message);
    }

    [Theory]
    [InlineData("张\u0000三")]
    [InlineData("张三\u0007李")]
    public void AName_WithAControlCharacter_IsRefused(string name)
    {
        var refused = Assert.Throws<DomainException>(() => PersonName.Normalize(name));

        Assert.Equal("姓名中含有无法识别的字符。", refused.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("　 ")]
    public void AnEmptyName_IsRefused(string? name)
    {
        Assert.Equal("姓名不能为空。", Assert.Throws<DomainException>(() => PersonName.Normalize(name)).Message);
    }
}
