using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Contracts;

/// <summary>
/// 已受理转移登记 (the registration centre accepted the application: online revocation stops, registration still follows)
/// and 窗口办理 (a clerk files at the counter under the same rules as online filing).
/// </summary>
public class TransferApplicationAndCounterFilingTests
{
    private static readonly DateTimeOffset _later = TestData.Now.AddDays(5);

    [Fact]
    public void RecordTransferApplied_OnAFiledContract_StopsRevocation_AndLeavesTheListingFiled()
    {
        var (contract, listing) = new ContractBuilder().BuildIn(ContractStatus.Filed);
        var listingBefore = ListingState.Of(listing);

        var changed = contract.RecordTransferApplied(_later);

        Assert.True(changed);
        Assert.Equal((ContractStatus.Filed, _later, _later), (contract.Status, contract.TransferAppliedAt, contract.UpdatedAt));
        Assert.Equal("已受理转移登记", contract.StatusName);
        Assert.Equal(Contract.TransferAppliedRevocationRefusal, contract.RevocationRefusal);
        Assert.Contains("不动产登记中心", contract.RevocationRefusal, StringComparison.Ordinal);
        Assert.Null(contract.RegistrationRefusal);
        Assert.Equal(listingBefore, ListingState.Of(listing));
    }

    [Fact]
    public void Revoke_IsRefused_OnceTheTransferApplicationWasAccepted_LeavingBothAsTheyWere()
    {
        var built = new ContractBuilder().BuildIn(ContractStatus.Filed);
        built.Contract.RecordTransferApplied(_later);
        var before = built.State;

        var ex = Assert.Throws<DomainException>(() => built.Contract.Revoke(built.Listing, "买方 王*", _later.AddHours(1)));

        Assert.Equal(Contract.TransferAppliedRevocationRefusal, ex.Message);
        Assert.Equal(before, built.State);
    }

    [Fact]
    public void Register_StillFollows_TheTransferApplication()
    {
        var (contract, listing) = new ContractBuilder().BuildIn(ContractStatus.Filed);
        contract.RecordTransferApplied(_later);

        Assert.True(contract.Register(listing, _later.AddDays(1)));

        Assert.Equal((ContractStatus.Registered, ListingStatus.Completed), (contract.Status, listing.Status));
        Assert.Equal("已备案", contract.StatusName);
        Assert.Equal(_later, contract.TransferAppliedAt);
    }

    [Theory]
    [InlineData(ContractStatus.Filed, true)]
    [InlineData(ContractStatus.Registered, false)]
    public void RecordTransferApplied_Repeated_OrAfterRegistration_ChangesNothing(ContractStatus status, bool appliedFirst)
    {
        var built = new ContractBuilder().BuildIn(status);
        if (appliedFirst)
        {
            built.Contract.RecordTransferApplied(_later);
        }

        var before = built.State;

        Assert.False(built.Contract.RecordTransferApplied(_later.AddHours(3)));
        Assert.Equal(before, built.State);
    }

    [Theory]
    [InlineData(ContractStatus.Draft, "该合同尚未申报网签，不能受理转移登记。")]
    [InlineData(ContractStatus.Revoked, "该合同已撤销，不能受理转移登记。")]
    [InlineData(ContractStatus.Discarded, "该合同草稿已作废，不能受理转移登记。")]
    public void RecordTransferApplied_IsRefused_UnlessTheContractIsFiled(ContractStatus status, string message)
    {
        var built = new ContractBuilder().BuildIn(status);
        var before = built.State;

        var ex = Assert.Throws<DomainException>(() => built.Contract.RecordTransferApplied(_later));

        Assert.Equal(message, ex.Message);
        Assert.Equal(message, built.Contract.TransferApplicationRefusal);
        Assert.Equal(before, built.State);
    }

    [Fact]
    public void FileAtCounter_FilesLikeOnline_AndMarksTheClerk()
    {
        var (contract, listing) = new ContractBuilder().BuildDraft();
        var parties = ContractBuilder.DefaultParties;

        contract.FileAtCounter(listing, ContractBuilder.Number, parties, ContractContent.Hash(contract, listing, parties), " 窗口工作人员（staff） ", _later);

        Assert.Equal((ContractStatus.Filed, ListingStatus.Filed), (contract.Status, listing.Status));
        Assert.Equal(ContractBuilder.Number.Value, contract.ContractNumber);
        Assert.True(contract.FiledAtCounter);
        Assert.Equal("窗口工作人员（staff）", contract.CounterClerkName);
        Assert.Equal(parties.Count, contract.Parties.Count);
    }

    [Fact]
    public void FileAtCounter_RefusesWhatOnlineFilingRefuses_LeavingBothAsTheyWere()
    {
        var built = new ContractBuilder().BuildDraft();
        var parties = ContractBuilder.DefaultParties;
        var staleHash = ContractContent.Hash(built.Contract, built.Listing, parties);
        built.Contract.UpdateTerms(built.Contract.Terms with { OtherTerms = "柜台上又改了一句" }, [.. built.Contract.Schedule], TestData.Now);
        var before = built.State;

        var ex = Assert.Throws<DomainException>(() =>
            built.Contract.FileAtCounter(built.Listing, ContractBuilder.Number, parties, staleHash, "窗口工作人员（staff）", _later));

        Assert.Equal(Contract.ChangedSinceCodesMessage, ex.Message);
        Assert.Equal(before, built.State);
        Assert.False(built.Contract.FiledAtCounter);
    }

    [Fact]
    public void AContractFiledOnline_IsNotMarkedAsFiledAtTheCounter()
    {
        var (contract, _) = new ContractBuilder().BuildIn(ContractStatus.Filed);

        Assert.False(contract.FiledAtCounter);
        Assert.Null(contract.CounterClerkName);
    }
}
