namespace Wuhan.Resale.Web.UnitTests.TestHelpers;

/// <summary>The test helper that reads texts as their receiver does: a wrong reading would make other tests pass or fail for nothing.</summary>
public sealed class SmsTextTests
{
    [Theory]
    [InlineData("【武汉网签】您的验证码为482913，5分钟内有效。", "482913")]
    [InlineData("验证码 004271 用于撤销网签", "004271")]
    [InlineData("合同武房2026000123的确认码：731904。", "731904")]
    public void Code_IsTheSixDigitsStandingAlone(string text, string code) =>
        Assert.Equal(code, SmsText.Code(text));

    [Theory]
    [InlineData("您的验证码为48291，5分钟内有效。")]
    [InlineData("请致电 12345 或 027-12345678 咨询")]
    [InlineData("合同编号 武房2026000123 已备案")]
    public void Code_IsNothing_WhenNoSixDigitsStandAlone(string text) =>
        Assert.Null(SmsText.Code(text));

    [Fact]
    public void SigningPath_IsThePathOfTheLink_WithoutTheHostOrTheTextAfterIt()
    {
        Assert.Equal("/sign/Ab3_x-Z9", SmsText.SigningPath("请打开 https://portal.example/sign/Ab3_x-Z9 确认合同内容。"));
        Assert.Null(SmsText.SigningPath("您的验证码为482913。"));
    }
}
