using System.Globalization;
using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Listings;

/// <summary>
/// The mortgagee bank's answer to a 带押过户 listing as the bank's clerk reads it: the refusal of an incomplete answer in
/// its words, the reason's limit at 200 characters, a second different answer refused naming the first, no answer to a
/// withdrawn listing, and only what belongs to the answer kept (no loan with a refusal, no reason with a consent).
/// </summary>
public class MortgageConsentAnswerTests
{
    private const string BankCode = "DEMO-CTB";
    private const string BankName = "楚天银行（演示）";
    private const decimal Loan = 600_000m;

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("100.001")]
    public void AConsentWithoutAUsableLoan_IsRefused_InTheBanksWords(string? loan)
    {
        var listing = Pending();

        var refused = Assert.Throws<DomainException>(() => listing.RecordMortgageConsent(
            BankCode, true, loan is null ? null : decimal.Parse(loan, CultureInfo.InvariantCulture), null, TestData.Now));

        Assert.Equal("同意带押过户时，请填写大于零的贷款未还金额（元，最多两位小数）。", refused.Message);
        Assert.Equal(MortgageConsentStatus.Pending, listing.MortgageConsent);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("　 ")]
    public void ARefusalWithoutAReason_IsRefused(string? reason)
    {
        var listing = Pending();

        var refused = Assert.Throws<DomainException>(() => listing.RecordMortgageConsent(BankCode, false, null, reason, TestData.Now));

        Assert.Equal("不同意带押过户时，请说明理由。", refused.Message);
        Assert.Equal(MortgageConsentStatus.Pending, listing.MortgageConsent);
    }

    [Fact]
    public void ARefusalReason_Of200Characters_IsKept_AndOneMore_IsRefused()
    {
        var tooLong = Pending();
        var longest = Pending();
        var reason = new string('逾', Listing.MaxMortgageRefusalReasonLength);

        var refused = Assert.Throws<DomainException>(() => tooLong.RecordMortgageConsent(BankCode, false, null, reason + "期", TestData.Now));
        Assert.True(longest.RecordMortgageConsent(BankCode, false, null, " " + reason + " ", TestData.Now));

        Assert.Equal("理由请控制在200字以内。", refused.Message);
        Assert.Equal(MortgageConsentStatus.Pending, tooLong.MortgageConsent);
        Assert.Equal((MortgageConsentStatus.Refused, reason), (longest.MortgageConsent, longest.MortgageRefusalReason));
    }

    [Fact]
    public void ARefusal_KeepsNoLoan_EvenWhenTheBankSentOne()
    {
        var listing = Pending();

        listing.RecordMortgageConsent(BankCode, false, Loan, "借款人有逾期记录", TestData.Now);

        Assert.Equal((MortgageConsentStatus.Refused, (decimal?)null, "借款人有逾期记录"), (listing.MortgageConsent, listing.OutstandingLoan, listing.MortgageRefusalReason));
    }

    [Fact]
    public void AConsent_KeepsNoReason_EvenWhenTheBankSentOne()
    {
        var listing = Pending();

        listing.RecordMortgageConsent(BankCode, true, Loan, "同意", TestData.Now);

        Assert.Equal((MortgageConsentStatus.Agreed, (decimal?)Loan, (string?)null), (listing.MortgageConsent, listing.OutstandingLoan, listing.MortgageRefusalReason));
        Assert.Null(listing.MortgageConsentWait);
    }

    [Fact]
    public void TheSameRefusalAgain_ChangesNothing_AndARefusalWithAnotherReason_IsAConflictNamingTheFirstAnswer()
    {
        var listing = Pending();
        listing.RecordMortgageConsent(BankCode, false, null, "借款人有逾期记录", TestData.Now);

        Assert.False(listing.RecordMortgageConsent(BankCode, false, null, " 借款人有逾期记录 ", TestData.Now.AddHours(1)));
        var conflict = Assert.Throws<MortgageConsentConflictException>(() => listing.RecordMortgageConsent(BankCode, false, null, "抵押物已查封", TestData.Now.AddHours(2)));

        Assert.Equal("贵行已于此前答复“抵押权人不同意”，答复不能更改。如情况有变，请卖方撤回房源后重新核验。", conflict.Message);
        Assert.Equal(("借款人有逾期记录", TestData.Now), (listing.MortgageRefusalReason, listing.MortgageAnsweredAt));
        Assert.Equal("抵押权人（楚天银行（演示））不同意带押过户：借款人有逾期记录。请先还清贷款并办理抵押注销登记，或撤回房源。", listing.MortgageConsentWait);
    }

    [Fact]
    public void AConsentWithAnotherLoan_IsAConflictNamingTheConsent()
    {
        var listing = Pending();
        listing.RecordMortgageConsent(BankCode, true, Loan, null, TestData.Now);

        var conflict = Assert.Throws<MortgageConsentConflictException>(() => listing.RecordMortgageConsent(BankCode, true, Loan + 0.01m, null, TestData.Now));

        Assert.Equal("贵行已于此前答复“抵押权人已同意”，答复不能更改。如情况有变，请卖方撤回房源后重新核验。", conflict.Message);
        Assert.Equal(Loan, listing.OutstandingLoan);
    }

    [Fact]
    public void AWithdrawnListing_TakesNoAnswer()
    {
        var listing = Pending();
        listing.Withdraw("不再出售该房屋", null, TestData.Now);

        var conflict = Assert.Throws<MortgageConsentConflictException>(() => listing.RecordMortgageConsent(BankCode, true, Loan, null, TestData.Now.AddHours(1)));

        Assert.Equal("房源已撤回，不再需要抵押权人答复。", conflict.Message);
        Assert.Equal(MortgageConsentStatus.Pending, listing.MortgageConsent);
        Assert.Null(listing.MortgageAnsweredAt);
    }

    [Fact]
    public void WhileTheBankHasNotAnswered_TheSellerIsToldWhoTheyAreWaitingFor()
    {
        Assert.Equal("该房屋选择了带押过户，须等待抵押权人（楚天银行（演示））通过系统确认同意后，才能添加购房人。", Pending().MortgageConsentWait);
    }

    /// <summary>The bank's API answers with the state in words: what the bank's clerk reads back after each answer.</summary>
    [Fact]
    public void TheStateInWords_FollowsTheAnswer()
    {
        var agreed = Pending();
        var refused = Pending();

        Assert.Equal("待抵押权人同意", agreed.MortgageConsent!.Value.DisplayName());
        agreed.RecordMortgageConsent(BankCode, true, Loan, null, TestData.Now);
        refused.RecordMortgageConsent(BankCode, false, null, "借款人有逾期记录", TestData.Now);

        Assert.Equal("抵押权人已同意", agreed.MortgageConsent!.Value.DisplayName());
        Assert.Equal("抵押权人不同意", refused.MortgageConsent!.Value.DisplayName());
    }

    private static Listing Pending()
    {
        var home = new PropertyFactsBuilder().InDistrict(TestData.JianganDistrict)
            .WithEncumbrances(Encumbrances.None with { Mortgaged = true })
            .With(f => f with { MortgageeCode = BankCode, MortgageeName = BankName });
        var seller = new PersonBuilder().Build();
        var record = home.BuildRecord();
        return Listing.Verify(Guid.NewGuid(), ListingBuilder.Code, seller, record,
            new NoticeConsent(Guid.NewGuid(), seller.Id, record.QueryId, UserNotice.Version, TestData.Now, "127.0.0.1"),
            false, PolicyBuilder.Default(), TestData.Now, withMortgage: true);
    }
}
