using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Domain.Messaging;

namespace Wuhan.Resale.UnitTests.Auditing;

/// <summary>
/// An audit row and a stored text message keep a long text up to their column's size (1,000 and 500 characters)
/// instead of failing the action that writes them; shorter texts are kept whole.
/// </summary>
public class StoredTextLimitsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AnAuditDetail_IsKeptUpTo1000Characters()
    {
        var longest = new string('详', AuditEvent.MaxDetailLength);

        Assert.Equal(longest, Audit(longest).Detail);
        Assert.Equal(longest, Audit(longest + "多出的字").Detail);
        Assert.Equal("短", Audit("短").Detail);
        Assert.Null(Audit(null).Detail);
    }

    [Fact]
    public void AStoredTextMessage_IsKeptUpTo500Characters()
    {
        var longest = new string('信', SmsMessage.MaxTextLength);

        Assert.Equal(longest, Sms(longest).Text);
        Assert.Equal(longest, Sms(longest + "多出的字").Text);
        Assert.Equal("您的验证码是123456。", Sms("您的验证码是123456。").Text);
    }

    private static AuditEvent Audit(string? detail) =>
        new(Guid.NewGuid(), Now, ActorKind.System, null, "系统", "test.action", null, null, detail, null, null);

    private static SmsMessage Sms(string text) => new(Guid.NewGuid(), "13812345678", text, "test", Now);
}
