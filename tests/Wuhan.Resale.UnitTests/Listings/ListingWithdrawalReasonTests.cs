using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Listings;

/// <summary>A withdrawal reason of exactly 200 characters (the most the form allows) is kept whole.</summary>
public class ListingWithdrawalReasonTests
{
    [Fact]
    public void AReasonOf200Characters_IsAccepted_AndKept()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.Verified);
        var reason = new string('因', Listing.MaxWithdrawalReasonLength);

        listing.Withdraw(reason, null, TestData.Now.AddHours(1));

        Assert.Equal((ListingStatus.Withdrawn, reason), (listing.Status, listing.WithdrawalReason));
    }
}
