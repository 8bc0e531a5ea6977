using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Districts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Listings;

public class ListingVerifyTests
{
    [Fact]
    public void Verify_IsVerifiedAsRestricted_WhenDistrictPolicyIsRestricted()
    {
        var seller = new PersonBuilder().Build();
        var home = new PropertyFactsBuilder().InDistrict(TestData.JianganDistrict).BuildRecord();
        var consent = new NoticeConsent(Guid.NewGuid(), seller.Id, home.QueryId, "2026-01", TestData.Now.AddMinutes(-5), "127.0.0.1");

        var listing = Listing.Verify(
            Guid.NewGuid(), ListingCode.Create(TestData.Today, 42), seller, home, consent, false,
            [PolicyBuilder.Restricted(TestData.JianganDistrict)], TestData.Now);

        Assert.Equal(ListingStatus.Verified, listing.Status);
        Assert.Equal(RestrictionClass.Restricted, listing.RestrictionClass);
        Assert.Equal("FY20261126000042", listing.ListingCode);
        Assert.Equal(seller.Id, listing.SellerPersonId);
        Assert.Equal(home.Id, listing.PropertyRecordId);
        Assert.Equal(TestData.CertificateNumber, listing.CertificateNumber);
        Assert.Equal(TestData.CertificateNumber, listing.LiveCertificateNumber);
        Assert.Equal(TestData.JianganDistrict, listing.DistrictCode);
        Assert.Equal("2026-01", listing.NoticeVersion);
        Assert.Equal(TestData.Now.AddMinutes(-5), listing.NoticeConsentedAt);
        Assert.Equal(TestData.Now, listing.CreatedAt);
        Assert.Empty(listing.Buyers);
        Assert.Null(listing.DeterminationNote);
    }

    [Fact]
    public void Verify_IsVerifiedAsNotRestricted_WhenDistrictPolicyIsNotRestricted()
    {
        var listing = new ListingBuilder()
            .WithHome(new PropertyFactsBuilder().InDistrict(TestData.WuchangDistrict))
            .WithPolicies(PolicyBuilder.NotRestricted(TestData.WuchangDistrict))
            .Build();

        Assert.Equal(ListingStatus.Verified, listing.Status);
        Assert.Equal(RestrictionClass.NotRestricted, listing.RestrictionClass);
    }

    [Fact]
    public void Verify_IsPendingOffline_WhenRegistryDoesNotKnowTheDistrict()
    {
        var listing = new ListingBuilder().WithHome(new PropertyFactsBuilder().InDistrict(null)).Build();

        Assert.Equal(ListingStatus.PendingOffline, listing.Status);
        Assert.Equal(RestrictionClass.Undetermined, listing.RestrictionClass);
        Assert.Null(listing.DistrictCode);
        Assert.Equal(TestData.CertificateNumber, listing.LiveCertificateNumber);
    }

    [Fact]
    public void Verify_IsPendingOffline_WhenDesignPurposeIsMissing()
    {
        var listing = new ListingBuilder().WithHome(new PropertyFactsBuilder().WithDesignPurpose(null)).Build();

        Assert.Equal(ListingStatus.PendingOffline, listing.Status);
        Assert.Equal(RestrictionClass.Undetermined, listing.RestrictionClass);
    }

    [Fact]
    public void Verify_IsPendingOffline_WhenPolicyTableHasNoRowForTheDistrict()
    {
        var listing = new ListingBuilder()
            .WithHome(new PropertyFactsBuilder().InDistrict(TestData.HongshanDistrict))
            .Build();

        Assert.Equal(ListingStatus.PendingOffline, listing.Status);
        Assert.Equal(RestrictionClass.Undetermined, listing.RestrictionClass);
        Assert.Equal(TestData.HongshanDistrict, listing.DistrictCode);
    }

    [Fact]
    public void Verify_IsNotRestricted_WhenDesignPurposeIsCommercialEvenInARestrictedDistrict()
    {
        var listing = new ListingBuilder()
            .WithHome(new PropertyFactsBuilder().InDistrict(TestData.JianganDistrict).WithDesignPurpose("商业"))
            .WithPolicies(PolicyBuilder.Restricted(TestData.JianganDistrict))
            .Build();

        Assert.Equal(ListingStatus.Verified, listing.Status);
        Assert.Equal(RestrictionClass.NotRestricted, listing.RestrictionClass);
    }

    [Fact]
    public void Verify_AppliesTheLatestPolicyRow_WhenALaterRowOverridesAnEarlierOne()
    {
        var listing = new ListingBuilder()
            .WithPolicies(
                PolicyBuilder.Restricted(TestData.JianganDistrict, new DateOnly(2020, 1, 1)),
                PolicyBuilder.NotRestricted(TestData.JianganDistrict, new DateOnly(2025, 1, 1)))
            .Build();

        Assert.Equal(RestrictionClass.NotRestricted, listing.RestrictionClass);
    }

    [Fact]
    public void Verify_IgnoresAPolicyRow_ThatTakesEffectAfterToday()
    {
        var listing = new ListingBuilder()
            .WithPolicies(
                PolicyBuilder.Restricted(TestData.JianganDistrict, new DateOnly(2020, 1, 1)),
                PolicyBuilder.NotRestricted(TestData.JianganDistrict, TestData.Today.AddDays(1)))
            .Build();

        Assert.Equal(RestrictionClass.Restricted, listing.RestrictionClass);
    }

    [Fact]
    public void Verify_IsPendingOffline_WhenTheOnlyPolicyRowTakesEffectAfterToday()
    {
        var listing = new ListingBuilder()
            .WithPolicies(PolicyBuilder.Restricted(TestData.JianganDistrict, TestData.Today.AddDays(1)))
            .Build();

        Assert.Equal(ListingStatus.PendingOffline, listing.Status);
        Assert.Equal(RestrictionClass.Undetermined, listing.RestrictionClass);
    }

    [Fact]
    public void Verify_ChoosesThePolicyRow_ByTheShanghaiDateNotTheUtcDate()
    {
        // 2026-11-26T16:00:00Z is already 2026-11-27 00:00 in Shanghai.
        var listing = new ListingBuilder()
            .At(new DateTimeOffset(2026, 11, 26, 16, 0, 0, TimeSpan.Zero))
            .WithPolicies(
                PolicyBuilder.Restricted(TestData.JianganDistrict, new DateOnly(2020, 1, 1)),
                PolicyBuilder.NotRestricted(TestData.JianganDistrict, new DateOnly(2026, 11, 27)))
            .Build();

        Assert.Equal(RestrictionClass.NotRestricted, listing.RestrictionClass);
    }

    public static TheoryData<ListingRefusal> EveryRefusal { get; } = [.. Enum.GetValues<ListingRefusal>()];

    /// <summary>Each reason's words are checked in <see cref="ListingStatusTests"/>; here, that Verify gives them.</summary>
    [Theory]
    [MemberData(nameof(EveryRefusal))]
    public void Verify_IsRefusedWithTheReason_WhenTheHomeBreaksARule(ListingRefusal reason)
    {
        var ex = Assert.Throws<ListingRefusedException>(() => Breaking(reason).Build());

        Assert.Equal(reason, ex.Reason);
        Assert.Equal(reason.Message(), ex.Message);
    }

    [Fact]
    public void Verify_IsAllowed_WhenTheSellerIsOneOfSeveralCoOwners()
    {
        var home = new PropertyFactsBuilder()
            .OwnedBy(TestData.CoOwnerName, TestData.CoOwnerIdNumber)
            .OwnedBy(TestData.SellerName, TestData.SellerIdNumber);

        var listing = new ListingBuilder().WithHome(home).Build();

        Assert.Equal(ListingStatus.Verified, listing.Status);
    }

    [Fact]
    public void Verify_IsRefused_WhenTheNoticeConsentBelongsToAnotherPerson()
    {
        var ex = Assert.Throws<DomainException>(() => new ListingBuilder().WithConsentBy(Guid.NewGuid()).Build());

        Assert.Contains("用户须知", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ThrowsArgumentNullException_WhenSellerIsNull()
    {
        var home = new PropertyFactsBuilder().BuildRecord();
        var consent = new NoticeConsent(Guid.NewGuid(), Guid.NewGuid(), home.QueryId, UserNotice.Version, TestData.Now, null);

        Assert.Throws<ArgumentNullException>(() => Listing.Verify(
            Guid.NewGuid(), ListingBuilder.Code, null!, home, consent, false, PolicyBuilder.Default(), TestData.Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void NoticeConsent_IsRefused_WithoutTheNoticeVersion(string version)
    {
        Assert.Throws<ArgumentException>(
            () => new NoticeConsent(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), version, TestData.Now, null));
    }

    [Fact]
    public void FindRefusal_ReturnsNull_ForACleanHomeOfTheSeller()
    {
        var refusal = Listing.FindRefusal(new PersonBuilder().Build(), new PropertyFactsBuilder().BuildRecord(), false);

        Assert.Null(refusal);
    }

    [Fact]
    public void FindRefusal_ReportsTheFirstBrokenRule_WhenSeveralApply()
    {
        var home = new PropertyFactsBuilder()
            .WithEncumbrances(new Encumbrances(Seized: true, Mortgaged: true, UnderObjection: true, UnderAdvanceNotice: true))
            .BuildRecord();

        var refusal = Listing.FindRefusal(new PersonBuilder().Build(), home, homeHasLiveListing: true);

        Assert.Equal(ListingRefusal.Seized, refusal);
    }

    /// <summary>A listing builder whose home (or its live listing) breaks exactly the rule <paramref name="reason"/> names.</summary>
    private static ListingBuilder Breaking(ListingRefusal reason) => reason switch
    {
        ListingRefusal.NotOwner => new ListingBuilder().WithHome(new PropertyFactsBuilder().OwnedBy(TestData.CoOwnerName, TestData.CoOwnerIdNumber)),
        ListingRefusal.NotInWuhan => new ListingBuilder().WithHome(new PropertyFactsBuilder().OutsideWuhan()),
        ListingRefusal.Seized => WithEncumbrances(Encumbrances.None with { Seized = true }),
        ListingRefusal.Mortgaged => WithEncumbrances(Encumbrances.None with { Mortgaged = true }),
        ListingRefusal.UnderObjection => WithEncumbrances(Encumbrances.None with { UnderObjection = true }),
        ListingRefusal.UnderAdvanceNotice => WithEncumbrances(Encumbrances.None with { UnderAdvanceNotice = true }),
        ListingRefusal.AlreadyListed => new ListingBuilder().WithLiveListingForHome(),
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown refusal."),
    };

    private static ListingBuilder WithEncumbrances(Encumbrances encumbrances) =>
        new ListingBuilder().WithHome(new PropertyFactsBuilder().WithEncumbrances(encumbrances));
}
