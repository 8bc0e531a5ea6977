using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Contracts;

public class ContractTransitionTests
{
    private static readonly DateTimeOffset _later = TestData.Now.AddHours(2);

    [Fact]
    public void New_IsADraftWithoutNumberOrParties()
    {
        var id = Guid.NewGuid();
        var listingId = Guid.NewGuid();
        var sellerId = Guid.NewGuid();

        var contract = new Contract(id, listingId, sellerId, TestData.Now);

        Assert.Equal(ContractStatus.Draft, contract.Status);
        Assert.Equal(id, contract.Id);
        Assert.Equal(listingId, contract.ListingId);
        Assert.Equal(sellerId, contract.SellerPersonId);
        Assert.Same(ContractTerms.Empty, contract.Terms);
        Assert.Null(contract.ContractNumber);
        Assert.Null(contract.VerificationToken);
        Assert.Null(contract.FiledAt);
        Assert.Empty(contract.Parties);
        Assert.Empty(contract.Schedule);
        Assert.Equal(TestData.Now, contract.CreatedAt);
    }

    // UpdateTerms

    [Fact]
    public void UpdateTerms_StoresTermsAndScheduleInOrder_WhenDraft()
    {
        var contract = new Contract(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), TestData.Now);
        var terms = new ContractTerms { Price = 900_000m, Deposit = 50_000m, Copies = 4 };

        contract.UpdateTerms(
            terms,
            [
                new PaymentInstallment(2, TestData.Today.AddMonths(2), 600_000m, "尾款"),
                new PaymentInstallment(1, TestData.Today.AddMonths(1), 300_000m, "首付"),
            ],
            _later);

        Assert.Equal(terms, contract.Terms);
        Assert.Equal([1, 2], contract.Schedule.Select(i => i.Order));
        Assert.Equal([300_000m, 600_000m], contract.Schedule.Select(i => i.Amount));
        Assert.Equal(_later, contract.UpdatedAt);
        Assert.Equal(ContractStatus.Draft, contract.Status);
    }

    [Fact]
    public void UpdateTerms_ReplacesThePreviousSchedule_WhenDraft()
    {
        var contract = new ContractBuilder().WithSchedule(400_000m, 600_000m).BuildDraft();

        contract.UpdateTerms(contract.Terms, [new PaymentInstallment(1, TestData.Today, 1_000_000m, "一次性")], _later);

        var only = Assert.Single(contract.Schedule);
        Assert.Equal(1_000_000m, only.Amount);
    }

    [Theory]
    [InlineData(ContractStatus.Filed, "已生成合同")]
    [InlineData(ContractStatus.Revoked, "已撤销")]
    [InlineData(ContractStatus.Registered, "已备案")]
    public void UpdateTerms_IsRefused_WhenTheContractIsNoLongerADraft(ContractStatus status, string displayName)
    {
        var contract = new ContractBuilder().BuildIn(status);
        var termsBefore = contract.Terms;

        var ex = Assert.Throws<DomainException>(
            () => contract.UpdateTerms(termsBefore with { Price = 1m }, [], _later));

        Assert.Contains(displayName, ex.Message, StringComparison.Ordinal);
        Assert.Contains("不能再修改", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1_000_000m, contract.Terms.Price);
        Assert.Equal(status, contract.Status);
    }

    // File

    [Fact]
    public void File_MintsTheNumberAndSnapshotsThePartiesInOrder()
    {
        var contract = new ContractBuilder().BuildDraft();
        IReadOnlyList<ContractPartyDetails> parties =
        [
            ContractBuilder.Seller(),
            ContractBuilder.Seller(TestData.CoOwnerName, TestData.CoOwnerIdNumber),
            ContractBuilder.BuyerParty("王五", 0),
        ];

        contract.File("WH-2026-000042", "token-42", parties, _later);

        Assert.Equal(ContractStatus.Filed, contract.Status);
        Assert.Equal("WH-2026-000042", contract.ContractNumber);
        Assert.Equal("token-42", contract.VerificationToken);
        Assert.Equal(_later, contract.FiledAt);
        Assert.Equal(_later, contract.UpdatedAt);
        Assert.Collection(
            contract.Parties,
            p =>
            {
                Assert.Equal(1, p.Order);
                Assert.Equal(PartyRole.Seller, p.Role);
                Assert.Equal(TestData.SellerName, p.Name);
                Assert.Equal(TestData.SellerIdNumber, p.IdNumber);
                Assert.Equal("100%", p.Share);
            },
            p =>
            {
                Assert.Equal(2, p.Order);
                Assert.Equal(PartyRole.Seller, p.Role);
                Assert.Equal(TestData.CoOwnerName, p.Name);
            },
            p =>
            {
                Assert.Equal(3, p.Order);
                Assert.Equal(PartyRole.Buyer, p.Role);
                Assert.Equal("王五", p.Name);
                Assert.Equal(TestData.BuyerIdNumbers[0], p.IdNumber);
                Assert.Null(p.Share);
            });
    }

    [Fact]
    public void File_IsRefused_WithoutASellerParty()
    {
        var contract = new ContractBuilder().BuildDraft();

        var ex = Assert.Throws<DomainException>(() => contract.File(
            ContractBuilder.ContractNumber, ContractBuilder.VerificationToken, [ContractBuilder.BuyerParty()], _later));

        Assert.Contains("至少有一位卖方和一位买方", ex.Message, StringComparison.Ordinal);
        AssertStillADraft(contract);
    }

    [Fact]
    public void File_IsRefused_WithoutABuyerParty()
    {
        var contract = new ContractBuilder().BuildDraft();

        var ex = Assert.Throws<DomainException>(() => contract.File(
            ContractBuilder.ContractNumber, ContractBuilder.VerificationToken, [ContractBuilder.Seller()], _later));

        Assert.Contains("至少有一位卖方和一位买方", ex.Message, StringComparison.Ordinal);
        AssertStillADraft(contract);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(-1)]
    public void File_IsRefused_WithoutAPositivePrice(int? price)
    {
        var contract = new ContractBuilder().WithPrice(price).WithDeposit(null).BuildDraft();

        var ex = Assert.Throws<DomainException>(() => FileWithDefaults(contract));

        Assert.Contains("请填写成交价格", ex.Message, StringComparison.Ordinal);
        AssertStillADraft(contract);
    }

    [Fact]
    public void File_IsRefused_WhenTheDepositExceedsTwentyPercentOfThePrice()
    {
        var contract = new ContractBuilder().WithPrice(1_000_000m).WithDeposit(200_000.01m).BuildDraft();

        var ex = Assert.Throws<DomainException>(() => FileWithDefaults(contract));

        Assert.Contains("定金不得超过成交价格的20%", ex.Message, StringComparison.Ordinal);
        AssertStillADraft(contract);
    }

    [Fact]
    public void File_IsAllowed_WhenTheDepositIsExactlyTwentyPercentOfThePrice()
    {
        var contract = new ContractBuilder().WithPrice(1_000_000m).WithDeposit(200_000m).BuildDraft();

        FileWithDefaults(contract);

        Assert.Equal(ContractStatus.Filed, contract.Status);
    }

    [Fact]
    public void File_IsRefused_WhenTheScheduleDoesNotAddUpToThePrice()
    {
        var contract = new ContractBuilder().WithPrice(1_000_000m).WithSchedule(300_000m, 699_999.99m).BuildDraft();

        var ex = Assert.Throws<DomainException>(() => FileWithDefaults(contract));

        Assert.Contains("付款计划各期金额之和必须等于成交价格", ex.Message, StringComparison.Ordinal);
        AssertStillADraft(contract);
    }

    [Fact]
    public void File_IsAllowed_WhenTheScheduleAddsUpToThePrice()
    {
        var contract = new ContractBuilder().WithPrice(1_000_000m).WithSchedule(300_000m, 700_000m).BuildDraft();

        FileWithDefaults(contract);

        Assert.Equal(ContractStatus.Filed, contract.Status);
    }

    [Fact]
    public void File_IsAllowed_WithAnEmptySchedule()
    {
        var contract = new ContractBuilder().WithSchedule().BuildDraft();

        FileWithDefaults(contract);

        Assert.Equal(ContractStatus.Filed, contract.Status);
        Assert.Empty(contract.Schedule);
    }

    [Fact]
    public void File_IsRefused_WhenTheDepositIsNegative()
    {
        var contract = new ContractBuilder().WithPrice(1_000_000m).WithDeposit(-1m).BuildDraft();

        var ex = Assert.Throws<DomainException>(() => FileWithDefaults(contract));

        Assert.Contains("定金不能为负数", ex.Message, StringComparison.Ordinal);
        AssertStillADraft(contract);
    }

    [Fact]
    public void File_IsRefused_WhenAnInstallmentIsNotPositive()
    {
        var contract = new ContractBuilder().WithPrice(1_000_000m).WithSchedule(1_100_000m, -100_000m).BuildDraft();

        var ex = Assert.Throws<DomainException>(() => FileWithDefaults(contract));

        Assert.Contains("每一期的金额都必须大于零", ex.Message, StringComparison.Ordinal);
        AssertStillADraft(contract);
    }

    [Fact]
    public void FindFilingProblems_ListsEveryMoneyProblem()
    {
        var contract = new ContractBuilder().WithPrice(1_000_000m).WithDeposit(500_000m).WithSchedule(1m).BuildDraft();

        var problems = contract.FindFilingProblems().ToList();

        Assert.Equal(2, problems.Count);
        Assert.Contains("20%", problems[0], StringComparison.Ordinal);
        Assert.Contains("付款计划", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void File_IsRefused_WhenTheContractIsAlreadyFiled()
    {
        var contract = new ContractBuilder().BuildIn(ContractStatus.Filed);
        var filedAt = contract.FiledAt;

        var ex = Assert.Throws<DomainException>(
            () => contract.File("WH-OTHER", "other-token", ContractBuilder.DefaultParties, _later));

        Assert.Contains("已生成合同", ex.Message, StringComparison.Ordinal);
        Assert.Contains("不能再申报", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ContractBuilder.ContractNumber, contract.ContractNumber);
        Assert.Equal(ContractBuilder.VerificationToken, contract.VerificationToken);
        Assert.Equal(filedAt, contract.FiledAt);
    }

    // Revoke

    [Fact]
    public void Revoke_MovesFiledToRevoked_RecordingWhoAndWhen()
    {
        var contract = new ContractBuilder().BuildIn(ContractStatus.Filed);

        contract.Revoke("卖方 张*", _later);

        Assert.Equal(ContractStatus.Revoked, contract.Status);
        Assert.Equal("卖方 张*", contract.RevokedBy);
        Assert.Equal(_later, contract.RevokedAt);
        Assert.Equal(_later, contract.UpdatedAt);
        Assert.Null(contract.RegisteredAt);
    }

    [Fact]
    public void Revoke_IsRefused_WhenTheContractIsADraft()
    {
        var contract = new ContractBuilder().BuildDraft();

        var ex = Assert.Throws<DomainException>(() => contract.Revoke("卖方 张*", _later));

        Assert.Contains("尚未申报网签", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ContractStatus.Draft, contract.Status);
        Assert.Null(contract.RevokedAt);
    }

    [Fact]
    public void Revoke_IsRefused_WhenTheContractIsAlreadyRevoked()
    {
        var contract = new ContractBuilder().BuildIn(ContractStatus.Revoked);
        var revokedAt = contract.RevokedAt;
        var revokedBy = contract.RevokedBy;

        var ex = Assert.Throws<DomainException>(() => contract.Revoke("卖方 张*", _later));

        Assert.Contains("不能重复撤销", ex.Message, StringComparison.Ordinal);
        Assert.Equal(revokedAt, contract.RevokedAt);
        Assert.Equal(revokedBy, contract.RevokedBy);
    }

    [Fact]
    public void Revoke_IsRefused_WhenTheContractIsRegistered()
    {
        var contract = new ContractBuilder().BuildIn(ContractStatus.Registered);

        var ex = Assert.Throws<DomainException>(() => contract.Revoke("卖方 张*", _later));

        Assert.Contains("已备案", ex.Message, StringComparison.Ordinal);
        Assert.Contains("不能撤销", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ContractStatus.Registered, contract.Status);
        Assert.Null(contract.RevokedAt);
        Assert.Null(contract.RevokedBy);
    }

    // Register

    [Fact]
    public void Register_MovesFiledToRegistered_AndReturnsTrue()
    {
        var contract = new ContractBuilder().BuildIn(ContractStatus.Filed);

        var changed = contract.Register(_later);

        Assert.True(changed);
        Assert.Equal(ContractStatus.Registered, contract.Status);
        Assert.Equal(_later, contract.RegisteredAt);
        Assert.Equal(_later, contract.UpdatedAt);
    }

    [Fact]
    public void Register_ReturnsFalseAndChangesNothing_WhenAlreadyRegistered()
    {
        var contract = new ContractBuilder().BuildIn(ContractStatus.Filed);
        contract.Register(_later);

        var changed = contract.Register(_later.AddDays(1));

        Assert.False(changed);
        Assert.Equal(ContractStatus.Registered, contract.Status);
        Assert.Equal(_later, contract.RegisteredAt);
        Assert.Equal(_later, contract.UpdatedAt);
    }

    [Fact]
    public void Register_IsRefused_WhenTheContractIsADraft()
    {
        var contract = new ContractBuilder().BuildDraft();

        var ex = Assert.Throws<DomainException>(() => contract.Register(_later));

        Assert.Contains("尚未申报网签，不能备案", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ContractStatus.Draft, contract.Status);
        Assert.Null(contract.RegisteredAt);
    }

    [Fact]
    public void Register_IsRefused_WhenTheContractIsRevoked()
    {
        var contract = new ContractBuilder().BuildIn(ContractStatus.Revoked);

        var ex = Assert.Throws<DomainException>(() => contract.Register(_later));

        Assert.Contains("已撤销，不能备案", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ContractStatus.Revoked, contract.Status);
        Assert.Null(contract.RegisteredAt);
    }

    [Theory]
    [InlineData(ContractStatus.Draft, "待申报")]
    [InlineData(ContractStatus.Filed, "已生成合同")]
    [InlineData(ContractStatus.Revoked, "已撤销")]
    [InlineData(ContractStatus.Registered, "已备案")]
    public void DisplayName_IsTheChineseName(ContractStatus status, string expected)
    {
        Assert.Equal(expected, status.DisplayName());
    }

    private static void FileWithDefaults(Contract contract) =>
        contract.File(ContractBuilder.ContractNumber, ContractBuilder.VerificationToken, ContractBuilder.DefaultParties, _later);

    private static void AssertStillADraft(Contract contract)
    {
        Assert.Equal(ContractStatus.Draft, contract.Status);
        Assert.Null(contract.ContractNumber);
        Assert.Null(contract.VerificationToken);
        Assert.Null(contract.FiledAt);
        Assert.Empty(contract.Parties);
    }
}
