using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Escrow;
using Wuhan.Resale.Testing;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Escrow;

/// <summary>
/// What the bank is told when a call is refused, word for word (the partner API passes these sentences on), the edges of
/// each rule, and that an account only ever acts on its own contract.
/// </summary>
public class EscrowRefusalTests
{
    private static readonly Guid Bank = Guid.NewGuid();

    private static EscrowAccount Open(Contract contract, string number = "6222020200112233") =>
        EscrowAccount.Open(Guid.NewGuid(), contract, Bank, "楚天银行（演示）", number, TestData.Now);

    private static string Refusal(Action call, EscrowRefusalKind kind)
    {
        var refused = Assert.Throws<EscrowRefusedException>(call);
        Assert.Equal(kind, refused.Kind);
        return refused.Message;
    }

    [Theory]
    [InlineData("12345678", "********")]
    [InlineData("123456789", "1234*6789")]
    [InlineData("6222020200112233", "6222********2233")]
    public void AccountNumbers_AreMasked_ToTheFirstAndLastFour_AndShortOnesEntirely(string number, string masked) =>
        Assert.Equal(masked, EscrowAccount.MaskAccountNumber(number));

    [Fact]
    public void AccountNumbers_OfEightToThirtyTwoLettersOrDigits_AreAccepted_AndTrimmed()
    {
        var (contract, _) = new ContractBuilder().BuildIn(ContractStatus.Filed);

        Assert.Equal("12345678", Open(contract, " 12345678 ").AccountNumber);
        Assert.Equal(new string('A', 32), Open(contract, new string('A', 32)).AccountNumber);
        Assert.Equal("监管账号应为8至32位数字或字母。", Refusal(() => Open(contract, new string('1', 33)), EscrowRefusalKind.Invalid));
        Assert.Equal("监管账号应为8至32位数字或字母。", Refusal(() => Open(contract, null!), EscrowRefusalKind.Invalid));
        Assert.Throws<ArgumentNullException>(() => EscrowAccount.MaskAccountNumber(null!));
        Assert.Throws<ArgumentNullException>(() => EscrowAccount.Open(Guid.NewGuid(), null!, Bank, "楚天银行（演示）", "12345678", TestData.Now));
        Assert.ThrowsAny<ArgumentException>(() => EscrowAccount.Open(Guid.NewGuid(), contract, Bank, " ", "12345678", TestData.Now));
    }

    [Fact]
    public void Deposits_SayWhyTheyAreRefused()
    {
        var (contract, _) = new ContractBuilder().BuildIn(ContractStatus.Filed);
        var account = Open(contract);

        Assert.Equal("存入金额应大于零，最多两位小数（单位：元）。", Refusal(() => account.RecordDeposit(contract, 0m, TestData.Now, TestData.Now), EscrowRefusalKind.Invalid));
        Assert.Equal("到账时间不能晚于当前时间。", Refusal(() => account.RecordDeposit(contract, 1m, TestData.Now.AddMinutes(5).AddTicks(1), TestData.Now), EscrowRefusalKind.Invalid));
        var tooMuch = Refusal(() => account.RecordDeposit(contract, ContractSamples.Price + 0.01m, TestData.Now, TestData.Now), EscrowRefusalKind.Invalid);
        Assert.Equal($"累计存入金额将超过合同成交价格（{ContractSamples.Price:0.00}元），请核对金额。", tooMuch);

        // A bank clock a few minutes ahead of ours is tolerated, up to five minutes exactly.
        account.RecordDeposit(contract, 1m, TestData.Now.AddMinutes(5), TestData.Now);
        Assert.Equal(1m, account.Held);
    }

    [Fact]
    public void NothingMoreIsDeposited_AfterTheMoneyWasReleased_OrReturned_EachSaidAsSuch()
    {
        var (released, releasedListing) = new ContractBuilder().BuildIn(ContractStatus.Filed);
        var paidOut = Open(released);
        paidOut.RecordDeposit(released, 1m, TestData.Now, TestData.Now);
        released.Register(releasedListing, TestData.Now);
        paidOut.Release(released, null, TestData.Now);

        var (refunded, _) = new ContractBuilder().BuildIn(ContractStatus.Filed);
        var returned = Open(refunded);
        returned.RecordDeposit(refunded, 1m, TestData.Now, TestData.Now);
        returned.Refund(refunded, TestData.Now);

        Assert.Equal("监管资金已划转，该监管账户不能再存入。", Refusal(() => paidOut.RecordDeposit(released, 1m, TestData.Now, TestData.Now), EscrowRefusalKind.Conflict));
        Assert.Equal("监管资金已退还买方，该监管账户不能再存入。", Refusal(() => returned.RecordDeposit(refunded, 1m, TestData.Now, TestData.Now), EscrowRefusalKind.Conflict));
        Assert.Equal("监管资金已经划转，无需重复办理。", Refusal(() => paidOut.Release(released, null, TestData.Now), EscrowRefusalKind.Conflict));
        Assert.Equal("监管资金已退还买方，不能再划转。", Refusal(() => returned.Release(refunded, null, TestData.Now), EscrowRefusalKind.Conflict));
        Assert.Equal("监管资金已划转给卖方，不能再退还。", Refusal(() => paidOut.Refund(released, TestData.Now), EscrowRefusalKind.Conflict));
        Assert.Equal("监管资金已经退还买方，无需重复办理。", Refusal(() => returned.Refund(refunded, TestData.Now), EscrowRefusalKind.Conflict));
        Assert.Equal((EscrowStatus.Released, EscrowStatus.Refunded), (paidOut.Status, returned.Status));
    }

    [Fact]
    public void AnEmptyAccount_HasNothingToReturn_AndARevokedContractsAccount_ReleasesNothingToTheSeller()
    {
        var (contract, listing) = new ContractBuilder().BuildIn(ContractStatus.Filed);
        var account = Open(contract);

        Assert.Equal("监管账户内尚无存入资金，无可退还。", Refusal(() => account.Refund(contract, TestData.Now), EscrowRefusalKind.Conflict));
        contract.Revoke(listing, ContractBuilder.RevokedBy, TestData.Now);
        Assert.Equal("该合同已撤销，监管资金应退还买方，不能划转给卖方。", Refusal(() => account.Release(contract, null, TestData.Now), EscrowRefusalKind.Conflict));
        Assert.Equal(EscrowStatus.Opened, account.Status);
    }

    [Fact]
    public void AnAccount_NeverActsOnAnotherContract()
    {
        var (contract, _) = new ContractBuilder().BuildIn(ContractStatus.Filed);
        var (other, _) = new ContractBuilder().BuildIn(ContractStatus.Filed);
        var account = Open(contract);

        Assert.Throws<InvalidOperationException>(() => account.RecordDeposit(other, 1m, TestData.Now, TestData.Now));
        Assert.Throws<InvalidOperationException>(() => account.Release(other, null, TestData.Now));
        Assert.Throws<InvalidOperationException>(() => account.Refund(other, TestData.Now));
        Assert.Throws<ArgumentNullException>(() => account.RecordDeposit(null!, 1m, TestData.Now, TestData.Now));
        Assert.False(other.FundsHeldInEscrow);
        Assert.Equal(0m, account.Deposited);
    }

    [Fact]
    public void EachState_HasTheNameThePartiesRead()
    {
        Assert.Equal("已开户，待存入", EscrowStatus.Opened.DisplayName());
        Assert.Equal("资金监管中", EscrowStatus.Holding.DisplayName());
        Assert.Equal("已解除监管，资金已划转", EscrowStatus.Released.DisplayName());
        Assert.Equal("监管资金已退还买方", EscrowStatus.Refunded.DisplayName());
        Assert.Equal("资金监管操作未能完成。", new EscrowRefusedException().Message);
    }
}
