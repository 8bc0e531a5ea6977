using Wuhan.Resale.Domain.Messaging;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Messaging;

public class VerificationCodeTests
{
    private const string RightHash = "3B1F0C5A9D";
    private const string WrongHash = "0000000000";

    private static VerificationCode NewCode() =>
        new(Guid.NewGuid(), CodePurpose.Filing, "contract-1", "phone-hash", RightHash, TestData.Now);

    [Fact]
    public void New_ExpiresAfterItsLifetime()
    {
        var code = NewCode();

        Assert.Equal(TestData.Now, code.CreatedAt);
        Assert.Equal(TestData.Now.AddMinutes(5), code.ExpiresAt);
        Assert.Equal(0, code.WrongAttempts);
        Assert.Null(code.UsedAt);
        Assert.False(code.IsVoid);
    }

    [Fact]
    public void Check_AcceptsTheRightHash_AndUsesTheCodeUp()
    {
        var code = NewCode();
        var at = TestData.Now.AddMinutes(1);

        var result = code.Check(RightHash, at);

        Assert.Equal(CodeCheckResult.Accepted, result);
        Assert.Equal(at, code.UsedAt);
    }

    [Fact]
    public void Check_RefusesTheRightHashAsUsed_WhenTheCodeWasAlreadyAccepted()
    {
        var code = NewCode();
        var firstUse = TestData.Now.AddMinutes(1);
        code.Check(RightHash, firstUse);

        var result = code.Check(RightHash, TestData.Now.AddMinutes(2));

        Assert.Equal(CodeCheckResult.Used, result);
        Assert.Equal(firstUse, code.UsedAt);
    }

    [Fact]
    public void Check_CountsAWrongHash()
    {
        var code = NewCode();

        var result = code.Check(WrongHash, TestData.Now.AddMinutes(1));

        Assert.Equal(CodeCheckResult.Wrong, result);
        Assert.Equal(1, code.WrongAttempts);
        Assert.Null(code.UsedAt);
    }

    [Fact]
    public void Check_CountsAMissingHashAsWrong()
    {
        var code = NewCode();

        var result = code.Check(null!, TestData.Now.AddMinutes(1));

        Assert.Equal(CodeCheckResult.Wrong, result);
        Assert.Equal(1, code.WrongAttempts);
    }

    [Fact]
    public void Check_StillAcceptsTheRightHash_AfterFourWrongOnes()
    {
        var code = NewCode();
        for (var i = 0; i < VerificationCode.MaxWrongAttempts - 1; i++)
        {
            Assert.Equal(CodeCheckResult.Wrong, code.Check(WrongHash, TestData.Now.AddMinutes(1)));
        }

        var result = code.Check(RightHash, TestData.Now.AddMinutes(1));

        Assert.Equal(CodeCheckResult.Accepted, result);
        Assert.Equal(4, code.WrongAttempts);
    }

    [Fact]
    public void Check_VoidsTheCode_OnTheFifthWrongHash()
    {
        var code = NewCode();
        for (var i = 0; i < 4; i++)
        {
            code.Check(WrongHash, TestData.Now.AddMinutes(1));
        }

        var result = code.Check(WrongHash, TestData.Now.AddMinutes(1));

        Assert.Equal(CodeCheckResult.TooManyAttempts, result);
        Assert.Equal(5, code.WrongAttempts);
        Assert.True(code.IsVoid);
    }

    [Fact]
    public void Check_RefusesEvenTheRightHash_OnceTheCodeIsVoid()
    {
        var code = NewCode();
        for (var i = 0; i < VerificationCode.MaxWrongAttempts; i++)
        {
            code.Check(WrongHash, TestData.Now.AddMinutes(1));
        }

        var result = code.Check(RightHash, TestData.Now.AddMinutes(1));

        Assert.Equal(CodeCheckResult.TooManyAttempts, result);
        Assert.Null(code.UsedAt);
        Assert.Equal(VerificationCode.MaxWrongAttempts, code.WrongAttempts);
    }

    [Fact]
    public void Check_RefusesTheRightHashAsExpired_AtExactlyExpiresAt()
    {
        var code = NewCode();

        var result = code.Check(RightHash, code.ExpiresAt);

        Assert.Equal(CodeCheckResult.Expired, result);
        Assert.Null(code.UsedAt);
    }

    [Fact]
    public void Check_AcceptsTheRightHash_OneTickBeforeExpiresAt()
    {
        var code = NewCode();

        var result = code.Check(RightHash, code.ExpiresAt.AddTicks(-1));

        Assert.Equal(CodeCheckResult.Accepted, result);
    }

    [Fact]
    public void Check_DoesNotCountAWrongHash_AfterExpiry()
    {
        var code = NewCode();

        var result = code.Check(WrongHash, code.ExpiresAt.AddMinutes(1));

        Assert.Equal(CodeCheckResult.Expired, result);
        Assert.Equal(0, code.WrongAttempts);
    }

    [Theory]
    [InlineData(CodeCheckResult.Accepted, "验证通过")]
    [InlineData(CodeCheckResult.Wrong, "验证码不正确")]
    [InlineData(CodeCheckResult.Expired, "已过期")]
    [InlineData(CodeCheckResult.Used, "已使用")]
    [InlineData(CodeCheckResult.TooManyAttempts, "错误次数过多")]
    public void Describe_GivesChineseTextForEachResult(CodeCheckResult result, string keyWords)
    {
        var text = VerificationCode.Describe(result);

        Assert.Contains(keyWords, text, StringComparison.Ordinal);
        Assert.NotEqual("短信验证码无效。", text);
    }

    [Fact]
    public void Describe_IsDistinct_ForEveryResult()
    {
        var texts = Enum.GetValues<CodeCheckResult>().Select(VerificationCode.Describe).ToList();

        Assert.Equal(texts.Count, texts.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain("短信验证码无效。", texts);
    }

    [Theory]
    [InlineData("new", 0, true)]
    [InlineData("new", 5, false)]
    [InlineData("used", 1, false)]
    [InlineData("void", 1, false)]
    public void IsOpen_WhileNeitherUsedNorVoidNorExpired(string state, int minutesLater, bool open)
    {
        Assert.Equal(open, CodeThatIs(state).IsOpen(TestData.Now.AddMinutes(minutesLater)));
    }

    [Fact]
    public void Withdraw_EndsAnOpenCode_AsIfItHadExpired()
    {
        var code = NewCode();
        var at = TestData.Now.AddMinutes(2);

        code.Withdraw(at);

        Assert.Equal(at, code.ExpiresAt);
        Assert.False(code.IsOpen(at));
        Assert.Equal(CodeCheckResult.Expired, code.Check(RightHash, at));
        Assert.Null(code.UsedAt);
    }

    [Theory]
    [InlineData("used")]
    [InlineData("void")]
    [InlineData("expired")]
    public void Withdraw_LeavesAClosedCodeAsItWas(string state)
    {
        var code = CodeThatIs(state);
        var before = (code.ExpiresAt, code.UsedAt, code.WrongAttempts);

        code.Withdraw(TestData.Now.AddMinutes(state == "expired" ? 10 : 2));

        Assert.Equal(before, (code.ExpiresAt, code.UsedAt, code.WrongAttempts));
    }

    private static VerificationCode CodeThatIs(string state)
    {
        var code = NewCode();
        switch (state)
        {
            case "used":
                code.Check(RightHash, TestData.Now);
                break;
            case "void":
                for (var i = 0; i < VerificationCode.MaxWrongAttempts; i++)
                {
                    code.Check(WrongHash, TestData.Now);
                }

                break;
        }

        return code;
    }
}
