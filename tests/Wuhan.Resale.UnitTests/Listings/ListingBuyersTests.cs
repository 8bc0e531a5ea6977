using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Listings;

/// <summary>保存购房人信息 / 购房人信息修改 (<see cref="Listing.ConfirmBuyers"/>); which statuses allow it is in <see cref="ListingTransitionTests"/>.</summary>
public class ListingBuyersTests
{
    private static readonly DateTimeOffset _later = TestData.Now.AddHours(1);

    [Fact]
    public void ConfirmBuyers_SavesTheBuyersInOrder_WithTheirNamesNormalised()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.Verified);

        Confirm(
            listing,
            BuyerDetailsBuilder.Buyer("  王五 ", TestData.BuyerIdNumbers[0], "14000000101"),
            BuyerDetailsBuilder.Buyer("赵六", TestData.BuyerIdNumbers[3], "14000000102"));

        Assert.Equal(ListingStatus.BuyersConfirmed, listing.Status);
        Assert.Equal(_later, listing.UpdatedAt);
        Assert.Collection(
            listing.Buyers,
            b =>
            {
                Assert.Equal((1, "王五", IdType.ResidentIdCard), (b.Order, b.Name, b.IdType));
                Assert.Equal((TestData.BuyerIdNumbers[0], "14000000101"), (b.IdNumber, b.Phone));
            },
            b => Assert.Equal((2, "赵六", "42011119900101103X", "14000000102"), (b.Order, b.Name, b.IdNumber, b.Phone)));
        Assert.NotEqual(listing.Buyers[0].Id, listing.Buyers[1].Id);
    }

    [Fact]
    public void ConfirmBuyers_OpensADraftContract_TheFirstTime()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.Verified);
        var confirmedBy = Guid.NewGuid();

        var draft = listing.ConfirmBuyers(BuyerDetailsBuilder.Many(1), null, confirmedBy, _later);

        Assert.NotEqual(Guid.Empty, draft.Id);
        Assert.Equal((ContractStatus.Draft, listing.Id, confirmedBy), (draft.Status, draft.ListingId, draft.SellerPersonId));
        Assert.Same(ContractTerms.Empty, draft.Terms);
        Assert.Empty(draft.Schedule);
        Assert.Empty(draft.Parties);
        Assert.Null(draft.ContractNumber);
        Assert.Null(draft.VerificationToken);
        Assert.Null(draft.FiledAt);
        Assert.Equal((_later, _later), (draft.CreatedAt, draft.UpdatedAt));
    }

    [Fact]
    public void ConfirmBuyers_ReturnsTheSameDraft_Later_AndReplacesTheWholeSetOfBuyers()
    {
        var (draft, listing) = new ContractBuilder().BuildDraft();
        var terms = draft.Terms;

        var returned = listing.ConfirmBuyers(BuyerDetailsBuilder.Many(3, firstIndex: 5), draft, listing.SellerPersonId, _later);

        Assert.Same(draft, returned);
        Assert.Same(terms, draft.Terms);
        Assert.Equal(ListingStatus.BuyersConfirmed, listing.Status);
        Assert.Equal([1, 2, 3], listing.Buyers.Select(b => b.Order));
        Assert.Equal(TestData.BuyerIdNumbers.Skip(5).Take(3), listing.Buyers.Select(b => b.IdNumber));
    }

    [Fact]
    public void ConfirmBuyers_IsRefused_WithTheDraftOfAnotherListing()
    {
        var (_, listing) = new ContractBuilder().BuildDraft();
        var (otherDraft, _) = new ContractBuilder().BuildDraft();
        var before = ListingState.Of(listing);

        Assert.Throws<InvalidOperationException>(
            () => listing.ConfirmBuyers(BuyerDetailsBuilder.Many(2, firstIndex: 5), otherDraft, listing.SellerPersonId, _later));

        Assert.Equal(before, ListingState.Of(listing));
    }

    [Fact]
    public void ConfirmBuyers_IsAllowed_WithExactlyMaxBuyers()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.Verified);

        Confirm(listing, [.. BuyerDetailsBuilder.Many(Listing.MaxBuyers)]);

        Assert.Equal(Enumerable.Range(1, Listing.MaxBuyers), listing.Buyers.Select(b => b.Order));
    }

    /// <summary>
    /// Every refusal leaves the buyers saved before as they were. The last case matters most: the name is normalised
    /// (and may be refused) only after duplicates and owners were checked.
    /// </summary>
    [Theory]
    [InlineData("none", "请至少添加一位购房人。")]
    [InlineData("too-many", "购房人最多10位。")]
    [InlineData("same-buyer-twice", "第2位购房人与前面的购房人证件号码重复。")]
    [InlineData("the-selling-owner", "第1位购房人是该房屋的产权人，产权人不能购买自己的房屋。")]
    [InlineData("a-co-owner", "第2位购房人是该房屋的产权人，产权人不能购买自己的房屋。")]
    [InlineData("a-blank-name", "姓名不能为空")]
    public void ConfirmBuyers_IsRefused_LeavingTheSavedBuyersAsTheyWere(string buyers, string message)
    {
        var home = new PropertyFactsBuilder()
            .OwnedBy(TestData.SellerName, TestData.SellerIdNumber)
            .OwnedBy(TestData.CoOwnerName, TestData.CoOwnerIdNumber);
        var (draft, listing) = new ContractBuilder(new ListingBuilder().WithHome(home)).BuildDraft();
        var before = ListingState.Of(listing);

        var ex = Assert.Throws<DomainException>(() => listing.ConfirmBuyers(Refused(buyers), draft, listing.SellerPersonId, _later));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, ListingState.Of(listing));
    }

    private static IReadOnlyList<BuyerDetails> Refused(string buyers) => buyers switch
    {
        "none" => [],
        "too-many" => BuyerDetailsBuilder.Many(Listing.MaxBuyers + 1),
        "same-buyer-twice" => [BuyerDetailsBuilder.Buyer("赵六", TestData.BuyerIdNumbers[5]), BuyerDetailsBuilder.Buyer("赵六", TestData.BuyerIdNumbers[5])],
        "the-selling-owner" => [BuyerDetailsBuilder.Buyer(TestData.SellerName, TestData.SellerIdNumber)],
        "a-co-owner" => [BuyerDetailsBuilder.Buyer("赵六", TestData.BuyerIdNumbers[5]), BuyerDetailsBuilder.Buyer(TestData.CoOwnerName, TestData.CoOwnerIdNumber)],
        "a-blank-name" => [BuyerDetailsBuilder.Buyer("赵六", TestData.BuyerIdNumbers[5]), BuyerDetailsBuilder.Buyer("   ", TestData.BuyerIdNumbers[6])],
        _ => throw new ArgumentOutOfRangeException(nameof(buyers), buyers, "No such set of buyers."),
    };

    private static void Confirm(Listing listing, params BuyerDetails[] buyers) =>
        listing.ConfirmBuyers(buyers, null, listing.SellerPersonId, _later);
}
