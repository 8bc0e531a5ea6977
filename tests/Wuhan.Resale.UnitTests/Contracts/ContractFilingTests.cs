using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Contracts;

/// <summary>申报网签: what <see cref="Contract.FindFilingProblems"/> reports and how <see cref="Contract.File"/> refuses.</summary>
public class ContractFilingTests
{
    private const string NoSellerOrBuyer = "合同必须至少有一位卖方和一位买方。";

    private static readonly DateTimeOffset _later = TestData.Now.AddHours(2);

    [Fact]
    public void FindFilingProblems_IsEmpty_ForACompleteContractWhoseBuyersAreConfirmed()
    {
        var (contract, listing) = new ContractBuilder().BuildDraft();

        Assert.Empty(contract.FindFilingProblems(listing, ContractBuilder.DefaultParties));
    }

    [Fact]
    public void File_IsAllowed_WhenTheDepositIsExactlyTwentyPercent()
    {
        var (contract, listing) = new ContractBuilder().WithTerms(t => t with { Deposit = 256_000m }).BuildDraft();

        FileWithDefaults(contract, listing);

        Assert.Equal(ContractStatus.Filed, contract.Status);
    }

    [Fact]
    public void File_IsRefused_WhenTheDepositExceedsTwentyPercent()
    {
        var built = new ContractBuilder().WithTerms(t => t with { Deposit = 256_000.01m }).BuildDraft();

        var problem = Assert.Single(AssertFilingRefused(built));

        Assert.Equal(new ContractProblem(ContractField.Deposit, "第四条：定金不能超过成交价格的20%，本合同的定金最多为256,000.00元。"), problem);
    }

    [Fact]
    public void File_IsRefused_WhenTheScheduleDoesNotAddUpToThePrice()
    {
        var built = new ContractBuilder().WithSchedule(380_000m, 899_999.99m).BuildDraft();

        var problem = Assert.Single(AssertFilingRefused(built));

        Assert.Equal(ContractField.Installments, problem.Field);
        Assert.Equal("第三条：付款计划各期金额合计1,279,999.99元，与成交价格1,280,000.00元不一致，请调整到两者相等。", problem.Message);
    }

    [Fact]
    public void File_IsAllowed_WithALumpSumAndNoSchedule()
    {
        var (contract, listing) = new ContractBuilder().WithTerms(t => t with { PaymentMethod = PaymentMethod.LumpSum }).WithSchedule().BuildDraft();

        FileWithDefaults(contract, listing);

        Assert.Equal(ContractStatus.Filed, contract.Status);
        Assert.Empty(contract.Schedule);
    }

    [Fact]
    public void File_IsRefused_WithEveryProblemOfTheTerms_TheFirstAsItsMessage()
    {
        var built = new ContractBuilder().WithTerms(_ => ContractTerms.Empty).BuildDraft();

        var problems = AssertFilingRefused(built);

        Assert.Equal(ContractCompleteness.FindProblems(ContractTerms.Empty, built.Contract.Schedule), problems);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void FindFilingProblems_NamesACoOwnerWithoutAPhone_Masked(string? phone)
    {
        var (contract, listing) = new ContractBuilder().BuildDraft();

        var problems = contract.FindFilingProblems(listing, [ContractBuilder.Seller(), ContractBuilder.CoOwner(phone), ContractBuilder.BuyerParty()]);

        var problem = Assert.Single(problems);
        Assert.Equal(new ContractProblem(ContractField.Parties, "共有人 李*的手机号码尚未登记：请在下表填写其本人实名登记的手机号码并核验，或请其扫码登录一次。"), problem);
        Assert.DoesNotContain(TestData.CoOwnerName, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindFilingProblems_NamesABuyerWithoutAPhone_Masked()
    {
        var (contract, listing) = new ContractBuilder().BuildDraft();

        var problems = contract.FindFilingProblems(listing, [ContractBuilder.Seller(), ContractBuilder.BuyerParty(phone: null)]);

        Assert.Equal([new ContractProblem(ContractField.Parties, "购房人 王*的手机号码尚未登记：请在下表填写其本人实名登记的手机号码并核验，或请其扫码登录一次。")], problems);
    }

    [Fact]
    public void File_IsRefused_WhenACoOwnerHasNoPhone()
    {
        var built = new ContractBuilder().BuildDraft();

        var problem = Assert.Single(AssertFilingRefused(built, [ContractBuilder.Seller(), ContractBuilder.CoOwner(phone: null), ContractBuilder.BuyerParty()]));

        Assert.StartsWith("共有人 李*的手机号码尚未登记", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void File_IsRefused_WithoutASellerAndABuyer(bool withSeller, bool withBuyer)
    {
        List<ContractPartyDetails> parties = [];
        if (withSeller)
        {
            parties.Add(ContractBuilder.Seller());
        }

        if (withBuyer)
        {
            parties.Add(ContractBuilder.BuyerParty());
        }

        var built = new ContractBuilder().BuildDraft();

        Assert.Equal([new ContractProblem(ContractField.Parties, NoSellerOrBuyer)], AssertFilingRefused(built, parties));
    }

    /// <summary>
    /// The draft stays when a listing goes offline after its buyers were saved (the seller chose a district without a
    /// policy); filing must wait.
    /// </summary>
    [Theory]
    [InlineData(ListingStatus.PendingOffline)]
    [InlineData(ListingStatus.ClosedOffline)]
    public void File_IsRefused_WhenTheListingIsNoLongerBuyersConfirmed(ListingStatus status)
    {
        var built = new ContractBuilder(new ListingBuilder().WithRetiredRegistryDistrict()).BuildDraft();
        built.Listing.ChangeDistrict(TestData.HongshanDistrict, TestData.CityDistricts, PolicyBuilder.Default(), TestData.Now);
        if (status == ListingStatus.ClosedOffline)
        {
            built.Listing.CloseOffline(TestData.Now);
        }

        Assert.Equal(status, built.Listing.Status);
        Assert.Equal([new ContractProblem(ContractField.Contract, "请先确认购房人信息。")], AssertFilingRefused(built));
    }

    [Fact]
    public void FindFilingProblems_ListsTermsThenPartiesThenTheListing()
    {
        var (contract, listing) = new ContractBuilder(new ListingBuilder().WithRetiredRegistryDistrict()).WithTerms(t => t with { Copies = null }).BuildDraft();
        listing.ChangeDistrict(TestData.HongshanDistrict, TestData.CityDistricts, PolicyBuilder.Default(), TestData.Now);

        var problems = contract.FindFilingProblems(listing, [ContractBuilder.Seller(), ContractBuilder.CoOwner(phone: null)]);

        Assert.Equal(
            [
                (ContractField.Copies, "第十条：请填写合同一式几份。"),
                (ContractField.Parties, NoSellerOrBuyer),
                (ContractField.Parties, "共有人 李*的手机号码尚未登记：请在下表填写其本人实名登记的手机号码并核验，或请其扫码登录一次。"),
                (ContractField.Contract, "请先确认购房人信息。"),
            ],
            problems.Select(p => (p.Field, p.Message)));
    }

    [Theory]
    [InlineData("terms")]
    [InlineData("schedule")]
    [InlineData("parties")]
    public void File_IsRefused_WhenTheContractChangedSinceThePartiesConfirmedIt(string change)
    {
        var built = new ContractBuilder().BuildDraft();
        var (contract, listing) = built;
        var confirmed = Confirmed(contract, listing, ContractBuilder.DefaultParties);
        IReadOnlyList<ContractPartyDetails> parties = ContractBuilder.DefaultParties;
        switch (change)
        {
            case "terms":
                contract.UpdateTerms(contract.Terms with { TransferRegistrationWithinDays = 90 }, [.. contract.Schedule], TestData.Now);
                break;
            case "schedule":
                contract.UpdateTerms(contract.Terms, [.. contract.Schedule.Select((i, n) => new PaymentInstallment(n + 1, i.DueOn, i.Amount, i.Description + "（已改）"))], TestData.Now);
                break;
            case "parties":
                parties = [ContractBuilder.Seller(), ContractBuilder.BuyerParty(phone: "14000000199")];
                break;
        }

        var before = built.State;

        var ex = Assert.Throws<DomainException>(() => contract.File(listing, ContractBuilder.Number, parties, confirmed, _later));

        Assert.Equal(Contract.ChangedSinceCodesMessage, ex.Message);
        Assert.Equal(before, built.State);
    }

    [Fact]
    public void ContractIncompleteException_HasAGeneralMessage_WhenGivenNoProblems()
    {
        var ex = new ContractIncompleteException([]);

        Assert.Equal("合同尚不完整，不能申报网签。", ex.Message);
        Assert.Empty(ex.Problems);
    }

    private static void FileWithDefaults(Contract contract, Listing listing) =>
        contract.File(listing, ContractBuilder.Number, ContractBuilder.DefaultParties, Confirmed(contract, listing, ContractBuilder.DefaultParties), _later);

    /// <summary>The fingerprint the parties' codes were sent for: the contract as it stands.</summary>
    private static string Confirmed(Contract contract, Listing listing, IReadOnlyList<ContractPartyDetails> parties) =>
        ContractContent.Hash(contract, listing, parties);

    /// <summary>
    /// Files with the builder's parties and asserts the refusal: a <see cref="ContractIncompleteException"/> whose
    /// problems are what <see cref="Contract.FindFilingProblems"/> says, the first as its message, and neither the
    /// contract nor its listing changed. Returns the problems.
    /// </summary>
    private static IReadOnlyList<ContractProblem> AssertFilingRefused(ContractCase built, IReadOnlyList<ContractPartyDetails>? parties = null)
    {
        parties ??= ContractBuilder.DefaultParties;
        var expected = built.Contract.FindFilingProblems(built.Listing, parties);
        var before = built.State;

        var confirmed = Confirmed(built.Contract, built.Listing, parties);

        var ex = Assert.Throws<ContractIncompleteException>(() => built.Contract.File(built.Listing, ContractBuilder.Number, parties, confirmed, _later));

        Assert.Equal(expected, ex.Problems);
        Assert.Equal(ex.Problems[0].Message, ex.Message);
        Assert.Equal(before, built.State);
        return ex.Problems;
    }
}
