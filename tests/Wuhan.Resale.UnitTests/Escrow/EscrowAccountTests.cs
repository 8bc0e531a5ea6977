using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Escrow;
using Wuhan.Resale.Testing;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Escrow;

/// <summary>资金监管: the bank opens an account for a filed contract, reports deposits, and releases after 已备案.</summary>
public class EscrowAccountTests
{
    private const string AccountNumber = "6222020200112233";
    private static readonly Guid Bank = Guid.NewGuid();

    private static EscrowAccount Open(Contract contract) =>
        EscrowAccount.Open(Guid.NewGuid(), contract, Bank, "楚天银行（演示）", AccountNumber, TestData.Now);

    [Fact]
    public void Open_StartsAnEmptyAccount_ForAFiledContractWithEscrow()
    {
        var (contract, _) = new ContractBuilder().BuildIn(ContractStatus.Filed);

        var account = Open(contract);

        Assert.Equal((EscrowStatus.Opened, 0m, 0m, contract.Id), (account.Status, account.Deposited, account.Held, account.ContractId));
        Assert.Equal("6222********2233", account.MaskedAccountNumber);
        Assert.False(contract.FundsHeldInEscrow);
        Assert.Null(contract.RevocationRefusal);
    }

    [Theory]
    [InlineData(ContractStatus.Draft, "尚未申报网签")]
    [InlineData(ContractStatus.Revoked, "已撤销")]
    [InlineData(ContractStatus.Registered, "已备案")]
    public void Open_IsAConflict_OutsideTheFiledState(ContractStatus status, string reason)
    {
        var (contract, _) = new ContractBuilder().BuildIn(status);

        var refused = Assert.Throws<EscrowRefusedException>(() => Open(contract));

        Assert.Equal(EscrowRefusalKind.Conflict, refused.Kind);
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_IsAConflict_WhenTheContractPutsNoMoneyInEscrow()
    {
        var (contract, _) = new ContractBuilder().WithTerms(t => t with { FundsThroughEscrow = false, Copies = 3 }).BuildIn(ContractStatus.Filed);

        var refused = Assert.Throws<EscrowRefusedException>(() => Open(contract));

        Assert.Equal(EscrowRefusalKind.Conflict, refused.Kind);
        Assert.Contains("不存入资金监管账户", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1234567")]
    [InlineData("6222-0202-0011")]
    public void Open_IsInvalid_ForSomethingThatIsNotAnAccountNumber(string number)
    {
        var (contract, _) = new ContractBuilder().BuildIn(ContractStatus.Filed);

        var refused = Assert.Throws<EscrowRefusedException>(() => EscrowAccount.Open(Guid.NewGuid(), contract, Bank, "楚天银行（演示）", number, TestData.Now));

        Assert.Equal(EscrowRefusalKind.Invalid, refused.Kind);
    }

    [Fact]
    public void ADeposit_HoldsTheMoney_AndStopsOnlineRevocation_SendingThePartiesToTheCounter()
    {
        var (contract, listing) = new ContractBuilder().BuildIn(ContractStatus.Filed);
        var account = Open(contract);

        var deposit = account.RecordDeposit(contract, 300_000m, TestData.Now.AddHours(-1), TestData.Now);
        account.RecordDeposit(contract, 500_000.50m, TestData.Now, TestData.Now);

        Assert.Equal((1, 300_000m, TestData.Now.AddHours(-1)), (deposit.Order, deposit.Amount, deposit.DepositedAt));
        Assert.Equal((EscrowStatus.Holding, 800_000.50m, 800_000.50m), (account.Status, account.Deposited, account.Held));
        Assert.True(contract.FundsHeldInEscrow);
        Assert.Equal(Contract.EscrowRevocationRefusal, contract.RevocationRefusal);
        Assert.Contains("窗口", contract.RevocationRefusal, StringComparison.Ordinal);
        Assert.Contains("退还买方", contract.RevocationRefusal, StringComparison.Ordinal);
        var refused = Assert.Throws<DomainException>(() => contract.Revoke(listing, ContractBuilder.RevokedBy, TestData.Now));
        Assert.Equal(Contract.EscrowRevocationRefusal, refused.Message);
        Assert.Equal(ContractStatus.Filed, contract.Status);
    }

    [Fact]
    public void ADeposit_IsAConflict_OnceTheContractIsRevoked()
    {
        var (contract, listing) = new ContractBuilder().BuildIn(ContractStatus.Filed);
        var account = Open(contract);
        contract.Revoke(listing, ContractBuilder.RevokedBy, TestData.Now);

        var refused = Assert.Throws<EscrowRefusedException>(() => account.RecordDeposit(contract, 1_000m, TestData.Now, TestData.Now));

        Assert.Equal(EscrowRefusalKind.Conflict, refused.Kind);
        Assert.Contains("已撤销", refused.Message, StringComparison.Ordinal);
        Assert.Empty(account.Deposits);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(0.001)]
    [InlineData(1_280_000.01)]
    public void ADeposit_IsInvalid_WhenTheAmountIsNotPositive_HasMoreThanTwoDecimals_OrExceedsThePrice(decimal amount)
    {
        var (contract, _) = new ContractBuilder().BuildIn(ContractStatus.Filed);
        var account = Open(contract);

        var refused = Assert.Throws<EscrowRefusedException>(() => account.RecordDeposit(contract, amount, TestData.Now, TestData.Now));

        Assert.Equal(EscrowRefusalKind.Invalid, refused.Kind);
        Assert.Equal(EscrowStatus.Opened, account.Status);
        Assert.False(contract.FundsHeldInEscrow);
    }

    [Fact]
    public void TheRelease_IsAConflict_BeforeTheContractIsRegistered()
    {
        var (contract, _) = new ContractBuilder().BuildIn(ContractStatus.Filed);
        var account = Open(contract);
        account.RecordDeposit(contract, ContractSamples.Price, TestData.Now, TestData.Now);

        var refused = Assert.Throws<EscrowRefusedException>(() => account.Release(contract, null, TestData.Now));

        Assert.Equal(EscrowRefusalKind.Conflict, refused.Kind);
        Assert.Contains("尚未备案", refused.Message, StringComparison.Ordinal);
        Assert.Equal((EscrowStatus.Holding, ContractSamples.Price), (account.Status, account.Held));
        Assert.True(contract.FundsHeldInEscrow);
    }

    [Fact]
    public void TheRelease_AfterRegistration_PaysTheLoanFirst_ThenTheSeller_AndHappensOnce()
    {
        var (contract, listing) = new ContractBuilder().BuildIn(ContractStatus.Filed);
        var account = Open(contract);
        account.RecordDeposit(contract, ContractSamples.Price, TestData.Now, TestData.Now);
        contract.Register(listing, TestData.Now);
        var later = TestData.Now.AddDays(3);

        account.Release(contract, 400_000m, later);

        Assert.Equal((EscrowStatus.Released, later, 400_000m, ContractSamples.Price - 400_000m, 0m),
            (account.Status, account.ReleasedAt, account.ReleasedToLoan, account.ReleasedToSeller, account.Held));
        Assert.False(contract.FundsHeldInEscrow);
        var again = Assert.Throws<EscrowRefusedException>(() => account.Release(contract, 400_000m, later));
        Assert.Equal(EscrowRefusalKind.Conflict, again.Kind);
        Assert.Throws<EscrowRefusedException>(() => account.RecordDeposit(contract, 1m, later, later));
    }

    [Fact]
    public void ARefund_BeforeRegistration_EndsTheHold_SoTheContractCanBeRevoked()
    {
        var (contract, listing) = new ContractBuilder().BuildIn(ContractStatus.Filed);
        var account = Open(contract);
        account.RecordDeposit(contract, 100_000m, TestData.Now, TestData.Now);

        account.Refund(contract, TestData.Now);

        Assert.Equal((EscrowStatus.Refunded, 0m, TestData.Now), (account.Status, account.Held, account.RefundedAt));
        Assert.False(contract.FundsHeldInEscrow);
        Assert.Null(contract.RevocationRefusal);
        Assert.Throws<EscrowRefusedException>(() => account.Release(contract, null, TestData.Now));
        Assert.Throws<EscrowRefusedException>(() => account.RecordDeposit(contract, 1m, TestData.Now, TestData.Now));
        contract.Revoke(listing, ContractBuilder.RevokedBy, TestData.Now);
        Assert.Equal(ContractStatus.Revoked, contract.Status);
    }

    [Fact]
    public void ARefund_IsAConflict_OnceTheContractIsRegistered()
    {
        var (contract, listing) = new ContractBuilder().BuildIn(ContractStatus.Filed);
        var account = Open(contract);
        account.RecordDeposit(contract, 100_000m, TestData.Now, TestData.Now);
        contract.Register(listing, TestData.Now);

        var refused = Assert.Throws<EscrowRefusedException>(() => account.Refund(contract, TestData.Now));

        Assert.Contains("已备案", refused.Message, StringComparison.Ordinal);
        Assert.Equal(EscrowStatus.Holding, account.Status);
    }

    [Fact]
    public void TheRelease_IsAConflict_WhenNothingWasDeposited()
    {
        var (contract, listing) = new ContractBuilder().BuildIn(ContractStatus.Filed);
        var account = Open(contract);
        contract.Register(listing, TestData.Now);

        var refused = Assert.Throws<EscrowRefusedException>(() => account.Release(contract, null, TestData.Now));

        Assert.Contains("尚无存入资金", refused.Message, StringComparison.Ordinal);
    }
}
