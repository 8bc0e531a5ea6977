using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Districts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Listings;

public class ListingTransitionTests
{
    private static readonly DateTimeOffset _later = TestData.Now.AddHours(1);

    // LiveCertificateNumber

    [Theory]
    [InlineData(ListingStatus.Verified)]
    [InlineData(ListingStatus.PendingOffline)]
    [InlineData(ListingStatus.BuyersConfirmed)]
    [InlineData(ListingStatus.Filed)]
    public void LiveCertificateNumber_IsTheCertificateNumber_WhileTheListingIsLive(ListingStatus status)
    {
        var listing = new ListingBuilder().BuildIn(status);

        Assert.Equal(status, listing.Status);
        Assert.Equal(TestData.CertificateNumber, listing.LiveCertificateNumber);
    }

    [Theory]
    [InlineData(ListingStatus.Released)]
    [InlineData(ListingStatus.Completed)]
    [InlineData(ListingStatus.ClosedOffline)]
    public void LiveCertificateNumber_IsCleared_OnceTheListingIsFinished(ListingStatus status)
    {
        var listing = new ListingBuilder().BuildIn(status);

        Assert.Equal(status, listing.Status);
        Assert.Null(listing.LiveCertificateNumber);
        Assert.Equal(TestData.CertificateNumber, listing.CertificateNumber);
    }

    // ChangeDistrict

    [Fact]
    public void ChangeDistrict_MovesPendingOfflineToVerified_WhenTheNewDistrictCanBeClassified()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.PendingOffline);

        listing.ChangeDistrict(TestData.JianganDistrict, PolicyBuilder.Default(), _later);

        Assert.Equal(ListingStatus.Verified, listing.Status);
        Assert.Equal(RestrictionClass.Restricted, listing.RestrictionClass);
        Assert.Equal(TestData.JianganDistrict, listing.DistrictCode);
        Assert.Equal(_later, listing.UpdatedAt);
    }

    [Fact]
    public void ChangeDistrict_IgnoresSurroundingSpaces()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.PendingOffline);

        listing.ChangeDistrict(" " + TestData.JianganDistrict + " ", PolicyBuilder.Default(), _later);

        Assert.Equal(TestData.JianganDistrict, listing.DistrictCode);
        Assert.Equal(RestrictionClass.Restricted, listing.RestrictionClass);
    }

    [Fact]
    public void ChangeDistrict_MovesVerifiedToPendingOffline_WhenTheNewDistrictHasNoPolicy()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.Verified);

        listing.ChangeDistrict(TestData.HongshanDistrict, PolicyBuilder.Default(), _later);

        Assert.Equal(ListingStatus.PendingOffline, listing.Status);
        Assert.Equal(RestrictionClass.Undetermined, listing.RestrictionClass);
        Assert.Equal(TestData.HongshanDistrict, listing.DistrictCode);
        Assert.Equal(TestData.CertificateNumber, listing.LiveCertificateNumber);
    }

    [Fact]
    public void ChangeDistrict_ReclassifiesAVerifiedListing_WhenTheNewDistrictHasAnotherPolicy()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.Verified);
        Assert.Equal(RestrictionClass.Restricted, listing.RestrictionClass);

        listing.ChangeDistrict(TestData.WuchangDistrict, PolicyBuilder.Default(), _later);

        Assert.Equal(ListingStatus.Verified, listing.Status);
        Assert.Equal(RestrictionClass.NotRestricted, listing.RestrictionClass);
    }

    [Fact]
    public void ChangeDistrict_KeepsBuyersConfirmed_WhenTheNewDistrictCanBeClassified()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.BuyersConfirmed);

        listing.ChangeDistrict(TestData.WuchangDistrict, PolicyBuilder.Default(), _later);

        Assert.Equal(ListingStatus.BuyersConfirmed, listing.Status);
        Assert.Equal(RestrictionClass.NotRestricted, listing.RestrictionClass);
        Assert.Single(listing.Buyers);
    }

    [Fact]
    public void ChangeDistrict_MovesBuyersConfirmedToPendingOffline_WhenTheNewDistrictHasNoPolicy()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.BuyersConfirmed);

        listing.ChangeDistrict(TestData.HongshanDistrict, PolicyBuilder.Default(), _later);

        Assert.Equal(ListingStatus.PendingOffline, listing.Status);
        Assert.Equal(RestrictionClass.Undetermined, listing.RestrictionClass);
        Assert.Single(listing.Buyers);
    }

    [Fact]
    public void ChangeDistrict_ClearsAStaffDetermination()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.PendingOffline);
        listing.RecordDetermination(RestrictionClass.NotRestricted, "经核实为非限购区域", _later);

        listing.ChangeDistrict(TestData.JianganDistrict, PolicyBuilder.Default(), _later);

        Assert.Null(listing.DeterminationNote);
        Assert.Equal(RestrictionClass.Restricted, listing.RestrictionClass);
    }

    [Theory]
    [InlineData(ListingStatus.Filed, "已网签")]
    [InlineData(ListingStatus.Released, "已释放")]
    [InlineData(ListingStatus.Completed, "已办结")]
    [InlineData(ListingStatus.ClosedOffline, "已线下办结")]
    public void ChangeDistrict_IsRefused_WhenTheListingIsNoLongerOpen(ListingStatus status, string displayName)
    {
        var listing = new ListingBuilder().BuildIn(status);
        var districtBefore = listing.DistrictCode;

        var ex = Assert.Throws<DomainException>(
            () => listing.ChangeDistrict(TestData.WuchangDistrict, PolicyBuilder.Default(), _later));

        Assert.Contains(displayName, ex.Message, StringComparison.Ordinal);
        Assert.Contains("不能再修改所属区", ex.Message, StringComparison.Ordinal);
        Assert.Equal(status, listing.Status);
        Assert.Equal(districtBefore, listing.DistrictCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ChangeDistrict_IsRefused_WhenTheDistrictIsEmpty(string districtCode)
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.Verified);

        var ex = Assert.Throws<DomainException>(
            () => listing.ChangeDistrict(districtCode, PolicyBuilder.Default(), _later));

        Assert.Contains("请选择房屋所属区", ex.Message, StringComparison.Ordinal);
        Assert.Equal(TestData.JianganDistrict, listing.DistrictCode);
        Assert.Equal(ListingStatus.Verified, listing.Status);
    }

    // RecordDetermination

    [Theory]
    [InlineData(RestrictionClass.Restricted)]
    [InlineData(RestrictionClass.NotRestricted)]
    public void RecordDetermination_MovesPendingOfflineToVerified_WithTheClassAndTrimmedReason(RestrictionClass restrictionClass)
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.PendingOffline);

        listing.RecordDetermination(restrictionClass, "  经核实为住宅  ", _later);

        Assert.Equal(ListingStatus.Verified, listing.Status);
        Assert.Equal(restrictionClass, listing.RestrictionClass);
        Assert.Equal("经核实为住宅", listing.DeterminationNote);
        Assert.Equal(_later, listing.UpdatedAt);
    }

    [Fact]
    public void RecordDetermination_MovesPendingOfflineToBuyersConfirmed_WhenBuyersWereAlreadySaved()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.BuyersConfirmed);
        listing.ChangeDistrict(TestData.HongshanDistrict, PolicyBuilder.Default(), _later);
        Assert.Equal(ListingStatus.PendingOffline, listing.Status);

        listing.RecordDetermination(RestrictionClass.Restricted, "经核实为住宅", _later);

        Assert.Equal(ListingStatus.BuyersConfirmed, listing.Status);
    }

    [Theory]
    [InlineData(ListingStatus.Verified)]
    [InlineData(ListingStatus.BuyersConfirmed)]
    [InlineData(ListingStatus.Filed)]
    [InlineData(ListingStatus.Released)]
    [InlineData(ListingStatus.Completed)]
    [InlineData(ListingStatus.ClosedOffline)]
    public void RecordDetermination_IsRefused_WhenTheListingIsNotPendingOffline(ListingStatus status)
    {
        var listing = new ListingBuilder().BuildIn(status);
        var classBefore = listing.RestrictionClass;

        var ex = Assert.Throws<DomainException>(
            () => listing.RecordDetermination(RestrictionClass.NotRestricted, "理由", _later));

        Assert.Contains("只有待线下办理的房源", ex.Message, StringComparison.Ordinal);
        Assert.Equal(status, listing.Status);
        Assert.Equal(classBefore, listing.RestrictionClass);
        Assert.Null(listing.DeterminationNote);
    }

    [Fact]
    public void RecordDetermination_IsRefused_WhenTheClassIsUndetermined()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.PendingOffline);

        var ex = Assert.Throws<DomainException>(
            () => listing.RecordDetermination(RestrictionClass.Undetermined, "理由", _later));

        Assert.Contains("限购或非限购", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ListingStatus.PendingOffline, listing.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void RecordDetermination_IsRefused_WhenTheReasonIsEmpty(string reason)
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.PendingOffline);

        var ex = Assert.Throws<DomainException>(
            () => listing.RecordDetermination(RestrictionClass.Restricted, reason, _later));

        Assert.Contains("认定理由", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ListingStatus.PendingOffline, listing.Status);
        Assert.Equal(RestrictionClass.Undetermined, listing.RestrictionClass);
    }

    // CloseOffline

    [Fact]
    public void CloseOffline_ClosesAPendingOfflineListingAndReleasesTheHome()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.PendingOffline);

        listing.CloseOffline(_later);

        Assert.Equal(ListingStatus.ClosedOffline, listing.Status);
        Assert.Null(listing.LiveCertificateNumber);
        Assert.Equal(_later, listing.UpdatedAt);
    }

    [Theory]
    [InlineData(ListingStatus.Verified)]
    [InlineData(ListingStatus.BuyersConfirmed)]
    [InlineData(ListingStatus.Filed)]
    [InlineData(ListingStatus.Released)]
    [InlineData(ListingStatus.Completed)]
    [InlineData(ListingStatus.ClosedOffline)]
    public void CloseOffline_IsRefused_WhenTheListingIsNotPendingOffline(ListingStatus status)
    {
        var listing = new ListingBuilder().BuildIn(status);
        var liveBefore = listing.LiveCertificateNumber;

        var ex = Assert.Throws<DomainException>(() => listing.CloseOffline(_later));

        Assert.Contains("线下办结", ex.Message, StringComparison.Ordinal);
        Assert.Equal(status, listing.Status);
        Assert.Equal(liveBefore, listing.LiveCertificateNumber);
    }

    // MarkFiled

    [Fact]
    public void MarkFiled_MovesBuyersConfirmedToFiled()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.BuyersConfirmed);

        listing.MarkFiled(_later);

        Assert.Equal(ListingStatus.Filed, listing.Status);
        Assert.Equal(TestData.CertificateNumber, listing.LiveCertificateNumber);
        Assert.Equal(_later, listing.UpdatedAt);
    }

    [Theory]
    [InlineData(ListingStatus.Verified)]
    [InlineData(ListingStatus.PendingOffline)]
    [InlineData(ListingStatus.Filed)]
    [InlineData(ListingStatus.Released)]
    [InlineData(ListingStatus.Completed)]
    [InlineData(ListingStatus.ClosedOffline)]
    public void MarkFiled_IsRefused_WhenBuyersAreNotConfirmed(ListingStatus status)
    {
        var listing = new ListingBuilder().BuildIn(status);

        var ex = Assert.Throws<DomainException>(() => listing.MarkFiled(_later));

        Assert.Contains("请先确认购房人信息", ex.Message, StringComparison.Ordinal);
        Assert.Equal(status, listing.Status);
    }

    // Release

    [Fact]
    public void Release_MovesFiledToReleasedAndFreesTheHome()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.Filed);

        listing.Release(_later);

        Assert.Equal(ListingStatus.Released, listing.Status);
        Assert.Null(listing.LiveCertificateNumber);
        Assert.Equal(_later, listing.UpdatedAt);
    }

    [Theory]
    [InlineData(ListingStatus.Verified)]
    [InlineData(ListingStatus.PendingOffline)]
    [InlineData(ListingStatus.BuyersConfirmed)]
    [InlineData(ListingStatus.Released)]
    [InlineData(ListingStatus.Completed)]
    [InlineData(ListingStatus.ClosedOffline)]
    public void Release_IsRefused_WhenTheListingIsNotFiled(ListingStatus status)
    {
        var listing = new ListingBuilder().BuildIn(status);
        var liveBefore = listing.LiveCertificateNumber;

        var ex = Assert.Throws<DomainException>(() => listing.Release(_later));

        Assert.Contains("无需释放", ex.Message, StringComparison.Ordinal);
        Assert.Equal(status, listing.Status);
        Assert.Equal(liveBefore, listing.LiveCertificateNumber);
    }

    // Complete

    [Fact]
    public void Complete_MovesFiledToCompletedAndFreesTheHome()
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.Filed);

        listing.Complete(_later);

        Assert.Equal(ListingStatus.Completed, listing.Status);
        Assert.Null(listing.LiveCertificateNumber);
        Assert.Equal(_later, listing.UpdatedAt);
    }

    [Theory]
    [InlineData(ListingStatus.Verified)]
    [InlineData(ListingStatus.PendingOffline)]
    [InlineData(ListingStatus.BuyersConfirmed)]
    [InlineData(ListingStatus.Released)]
    [InlineData(ListingStatus.Completed)]
    [InlineData(ListingStatus.ClosedOffline)]
    public void Complete_IsRefused_WhenTheListingIsNotFiled(ListingStatus status)
    {
        var listing = new ListingBuilder().BuildIn(status);

        var ex = Assert.Throws<DomainException>(() => listing.Complete(_later));

        Assert.Contains("不能办结", ex.Message, StringComparison.Ordinal);
        Assert.Equal(status, listing.Status);
    }
}
