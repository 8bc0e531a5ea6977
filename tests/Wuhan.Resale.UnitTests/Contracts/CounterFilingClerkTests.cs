using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Contracts;

/// <summary>A counter filing is always marked with the clerk who made it: without a name nothing is filed and the home stays free.</summary>
public class CounterFilingClerkTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ACounterFilingWithoutTheClerksName_FilesNothing(string clerk)
    {
        var built = new ContractBuilder().BuildDraft();
        var parties = ContractBuilder.DefaultParties;
        var hash = ContractContent.Hash(built.Contract, built.Listing, parties);

        Assert.Throws<ArgumentException>("clerkName", () =>
            built.Contract.FileAtCounter(built.Listing, ContractBuilder.Number, parties, hash, clerk, TestData.Now));

        Assert.Equal((ContractStatus.Draft, ListingStatus.BuyersConfirmed), (built.Contract.Status, built.Listing.Status));
        Assert.Null(built.Contract.ContractNumber);
    }
}
