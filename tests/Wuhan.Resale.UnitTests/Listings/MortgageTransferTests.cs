using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.Testing;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Listings;

/// <summary>带押过户: a mortgaged home sold with its mortgage when the seller chooses it and the mortgagee bank agrees.</summary>
public class MortgageTransferTests
{
    private const string BankCode = "DEMO-CTB";
    private const string BankName = "楚天银行（演示）";
    private const decimal Loan = 600_000m;

    private static PropertyFactsBuilder MortgagedHome(string? bankCode = BankCode) =>
        new PropertyFactsBuilder().InDistrict(TestData.JianganDistrict)
            .WithEncumbrances(Encumbrances.None with { Mortgaged = true })
            .With(f => f with { MortgageeCode = bankCode, MortgageeName = bankCode is null ? null : BankName });

    private static Listing Verify(PropertyFactsBuilder home, bool withMortgage)
    {
        var seller = new PersonBuilder().Build();
        var record = home.BuildRecord();
        return Listing.Verify(Guid.NewGuid(), ListingBuilder.Code, seller, record,
            new NoticeConsent(Guid.NewGuid(), seller.Id, record.QueryId, UserNotice.Version, TestData.Now, "127.0.0.1"),
            false, PolicyBuilder.Default(), TestData.Now, withMortgage);
    }

    private static Contract Draft(Listing listing, Func<ContractTerms, ContractTerms>? change = null)
    {
        var draft = listing.ConfirmBuyers([BuyerDetailsBuilder.Buyer(ContractBuilder.BuyerName, TestData.BuyerIdNumbers[0], ContractBuilder.BuyerPhone)],
            null, listing.SellerPersonId, TestData.Now);
        var terms = ContractSamples.CompleteTerms();
        draft.UpdateTerms(change is null ? terms : change(terms), ContractSamples.CompleteSchedule(), TestData.Now);
        return draft;
    }

    [Fact]
    public void AMortgagedHome_IsRefused_UnlessTheSellerChoosesMortgageTransfer_AndTheRegistryNamesTheBank()
    {
        Assert.Equal(ListingRefusal.Mortgaged, Assert.Throws<ListingRefusedException>(() => Verify(MortgagedHome(), withMortgage: false)).Reason);
        Assert.Equal(ListingRefusal.Mortgaged, Assert.Throws<ListingRefusedException>(() => Verify(MortgagedHome(bankCode: null), withMortgage: true)).Reason);
        Assert.Contains("带押过户", ListingRefusal.Mortgaged.Message(), StringComparison.Ordinal);
    }

    [Fact]
    public void ChosenWithMortgage_TheListingWaitsForTheBank_AndBuyersCannotBeNamedYet()
    {
        var listing = Verify(MortgagedHome(), withMortgage: true);

        Assert.Equal((true, BankCode, BankName, MortgageConsentStatus.Pending), (listing.MortgageTransfer, listing.MortgageeCode, listing.MortgageeName, listing.MortgageConsent));
        Assert.Equal(ListingStatus.Verified, listing.Status);
        var refused = Assert.Throws<DomainException>(() => Draft(listing));
        Assert.Contains("须等待抵押权人（楚天银行（演示））", refused.Message, StringComparison.Ordinal);
        Assert.Empty(listing.Buyers);
    }

    [Fact]
    public void ACleanHome_IgnoresTheMortgageChoice()
    {
        var listing = Verify(new PropertyFactsBuilder().InDistrict(TestData.JianganDistrict), withMortgage: true);

        Assert.False(listing.MortgageTransfer);
        Assert.Null(listing.MortgageConsent);
    }

    [Fact]
    public void OnceTheBankAgrees_BuyersAreNamed_AndTheDraftCarriesTheLoan()
    {
        var listing = Verify(MortgagedHome(), withMortgage: true);

        Assert.True(listing.RecordMortgageConsent(BankCode, true, Loan, null, TestData.Now));
        var draft = Draft(listing);

        Assert.Equal((MortgageConsentStatus.Agreed, Loan, TestData.Now), (listing.MortgageConsent, listing.OutstandingLoan, listing.MortgageAnsweredAt));
        Assert.Equal(ListingStatus.BuyersConfirmed, listing.Status);
        Assert.Equal((BankName, Loan), (draft.MortgageeName, draft.OutstandingLoan));
    }

    [Fact]
    public void ARefusal_KeepsBuyersOut_WithTheBanksReason()
    {
        var listing = Verify(MortgagedHome(), withMortgage: true);

        listing.RecordMortgageConsent(BankCode, false, null, "借款人有逾期记录", TestData.Now);

        var refused = Assert.Throws<DomainException>(() => Draft(listing));
        Assert.Contains("不同意带押过户：借款人有逾期记录", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameAnswerAgain_ChangesNothing_AndAnotherAnswer_IsAConflict()
    {
        var listing = Verify(MortgagedHome(), withMortgage: true);
        listing.RecordMortgageConsent(BankCode, true, Loan, null, TestData.Now);

        Assert.False(listing.RecordMortgageConsent(BankCode, true, Loan, null, TestData.Now.AddHours(1)));
        Assert.Equal(TestData.Now, listing.MortgageAnsweredAt);
        Assert.Throws<MortgageConsentConflictException>(() => listing.RecordMortgageConsent(BankCode, false, null, "改变主意", TestData.Now));
        Assert.Throws<MortgageConsentConflictException>(() => listing.RecordMortgageConsent(BankCode, true, Loan + 1, null, TestData.Now));
        Assert.Equal((MortgageConsentStatus.Agreed, Loan), (listing.MortgageConsent, listing.OutstandingLoan));
    }

    [Theory]
    [InlineData(true, null, null)]
    [InlineData(true, "0", null)]
    [InlineData(true, "100.001", null)]
    [InlineData(false, null, " ")]
    public void AnAnswerWithoutItsAmountOrReason_IsRefused(bool agreed, string? loan, string? reason)
    {
        var listing = Verify(MortgagedHome(), withMortgage: true);

        Assert.Throws<DomainException>(() => listing.RecordMortgageConsent(BankCode, agreed, loan is null ? null : decimal.Parse(loan, System.Globalization.CultureInfo.InvariantCulture), reason, TestData.Now));
        Assert.Equal(MortgageConsentStatus.Pending, listing.MortgageConsent);
    }

    [Fact]
    public void AnotherBank_CannotAnswer()
    {
        var listing = Verify(MortgagedHome(), withMortgage: true);

        Assert.Throws<InvalidOperationException>(() => listing.RecordMortgageConsent("DEMO-JCB", true, Loan, null, TestData.Now));
        Assert.Equal(MortgageConsentStatus.Pending, listing.MortgageConsent);
    }

    [Fact]
    public void Filing_IsRefused_WhileThePriceIsBelowTheLoan_OrWithoutEscrow()
    {
        var listing = Verify(MortgagedHome(), withMortgage: true);
        listing.RecordMortgageConsent(BankCode, true, ContractSamples.Price + 1, null, TestData.Now);
        var draft = Draft(listing, t => t with { FundsThroughEscrow = false, Copies = 3 });

        var problems = draft.FindFilingProblems(listing, ContractBuilder.DefaultParties);

        Assert.Contains(problems, p => p.Field == ContractField.Price && p.Message.Contains("低于抵押贷款未还金额", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == ContractField.FundsThroughEscrow && p.Message.Contains("必须存入资金监管账户", StringComparison.Ordinal));
        Assert.Throws<ContractIncompleteException>(() => draft.File(listing, ContractBuilder.Number, ContractBuilder.DefaultParties,
            ContractContent.Hash(draft, listing, ContractBuilder.DefaultParties), TestData.Now));
        Assert.Equal(ContractStatus.Draft, draft.Status);
    }

    [Fact]
    public void APriceCoveringTheLoan_WithEscrow_Files_AndTheLoanIsPartOfWhatThePartiesConfirm()
    {
        var listing = Verify(MortgagedHome(), withMortgage: true);
        listing.RecordMortgageConsent(BankCode, true, Loan, null, TestData.Now);
        var draft = Draft(listing);
        var hash = ContractContent.Hash(draft, listing, ContractBuilder.DefaultParties);
        var other = Verify(MortgagedHome(), withMortgage: true);
        other.RecordMortgageConsent(BankCode, true, Loan + 1, null, TestData.Now);

        Assert.NotEqual(hash, ContractContent.Hash(draft, other, ContractBuilder.DefaultParties));
        Assert.Empty(draft.FindFilingProblems(listing, ContractBuilder.DefaultParties));
        draft.File(listing, ContractBuilder.Number, ContractBuilder.DefaultParties, hash, TestData.Now);

        Assert.Equal(ContractStatus.Filed, draft.Status);
    }
}
