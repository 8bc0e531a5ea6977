using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Listings;

/// <summary>
/// 撤回房源: which states allow it is in <see cref="ListingTransitionTests"/>; here, what it records, the draft contract it
/// discards in the same call, and the reasons it refuses.
/// </summary>
public class ListingWithdrawalTests
{
    private static readonly DateTimeOffset _later = TestData.Now.AddDays(3);

    [Fact]
    public void Withdraw_RecordsTheTrimmedReasonAndTime_AndReleasesTheHome()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.Verified);

        listing.Withdraw("  不再出售该房屋  ", null, _later);

        Assert.Equal((ListingStatus.Withdrawn, "不再出售该房屋", _later, _later), (listing.Status, listing.WithdrawalReason, listing.WithdrawnAt, listing.UpdatedAt));
        Assert.Null(listing.LiveCertificateNumber);
        Assert.Equal(TestData.CertificateNumber, listing.CertificateNumber);
        Assert.Equal(ListingBuilder.Code.Value, listing.ListingCode);
        Assert.Equal("该房源已经撤回，无需重复操作。", listing.WithdrawalRefusal);
    }

    [Fact]
    public void Withdraw_DiscardsTheDraftContract_WhichCanThenNeitherBeChangedNorFiled()
    {
        var (draft, listing) = new ContractBuilder().BuildDraft();

        listing.Withdraw("买卖双方协商不再交易", draft, _later);

        Assert.Equal((ContractStatus.Discarded, _later), (draft.Status, draft.UpdatedAt));
        Assert.Equal("已作废", draft.StatusName);
        Assert.Equal("合同已作废，不能再修改。", Assert.Throws<DomainException>(() => draft.UpdateTerms(draft.Terms, [], _later)).Message);
        var parties = ContractBuilder.DefaultParties;
        Assert.Throws<DomainException>(() => draft.File(listing, ContractBuilder.Number, parties, ContractContent.Hash(draft, listing, parties), _later));
        Assert.Null(draft.ContractNumber);
    }

    [Theory]
    [InlineData(null, "请选择或填写撤回原因。")]
    [InlineData("", "请选择或填写撤回原因。")]
    [InlineData("   ", "请选择或填写撤回原因。")]
    public void Withdraw_IsRefusedWithoutAReason_LeavingTheListingAndItsDraftAsTheyWere(string? reason, string message)
    {
        var built = new ContractBuilder().BuildDraft();
        var before = built.State;

        var ex = Assert.Throws<DomainException>(() => built.Listing.Withdraw(reason, built.Contract, _later));

        Assert.Equal(message, ex.Message);
        Assert.Equal(before, built.State);
    }

    [Fact]
    public void Withdraw_IsRefused_WhenTheReasonIsTooLong()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.Verified);
        var before = ListingState.Of(listing);

        var ex = Assert.Throws<DomainException>(() => listing.Withdraw(new string('因', Listing.MaxWithdrawalReasonLength + 1), null, _later));

        Assert.Equal("撤回原因请控制在200字以内。", ex.Message);
        Assert.Equal(before, ListingState.Of(listing));
    }

    [Fact]
    public void Withdraw_IsRefused_WithTheDraftOfAnotherListing()
    {
        var built = new ContractBuilder().BuildDraft();
        var other = new ContractBuilder().BuildDraft();
        var before = (built.State, other.State);

        Assert.Throws<InvalidOperationException>(() => built.Listing.Withdraw("不再出售该房屋", other.Contract, _later));

        Assert.Equal(before, (built.State, other.State));
    }

    [Theory]
    [InlineData(ListingStatus.Verified, true)]
    [InlineData(ListingStatus.PendingOffline, true)]
    [InlineData(ListingStatus.BuyersConfirmed, true)]
    [InlineData(ListingStatus.Filed, false)]
    [InlineData(ListingStatus.Completed, false)]
    [InlineData(ListingStatus.Released, false)]
    [InlineData(ListingStatus.ClosedOffline, false)]
    [InlineData(ListingStatus.Withdrawn, false)]
    public void WithdrawalRefusal_IsNull_ExactlyWhileNoContractWasFiled(ListingStatus status, bool allowed)
    {
        var listing = new ListingBuilder().BuildIn(status);

        Assert.Equal(allowed, listing.WithdrawalRefusal is null);
    }
}
