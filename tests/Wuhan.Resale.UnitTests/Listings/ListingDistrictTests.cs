using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Districts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Listings;

/// <summary>
/// 更新房屋所属区 only fills a gap the registry left: no district, or one that is no longer among the city's districts.
/// A district the registry records, and a 限购 class staff decided, are corrected at the counter, never online.
/// </summary>
public class ListingDistrictTests
{
    private const string RegistryRecordsIt =
        "不动产登记信息中已记载该房屋的所属区，不能在网上修改。如登记的所属区有误，请携带不动产权证书到房屋所在区的不动产登记或房管窗口申请更正。";

    private const string StaffDecided =
        "该房屋的限购类型已由房管部门工作人员认定，所属区不能再在网上修改。如所属区有误，请携带不动产权证书到房屋所在区的不动产登记或房管窗口办理。";

    private static readonly DateTimeOffset _later = TestData.Now.AddHours(1);

    // The registry gave no district

    [Theory]
    [InlineData(TestData.JianganDistrict, ListingStatus.Verified, RestrictionClass.Restricted)]
    [InlineData(TestData.WuchangDistrict, ListingStatus.Verified, RestrictionClass.NotRestricted)]
    [InlineData(TestData.HongshanDistrict, ListingStatus.PendingOffline, RestrictionClass.Undetermined)]
    public void ChangeDistrict_FillsInAMissingDistrict_AndClassifiesTheHome(string district, ListingStatus status, RestrictionClass restrictionClass)
    {
        var listing = new ListingBuilder().WithHome(new PropertyFactsBuilder().InDistrict(null)).Build();
        Assert.Null(listing.FindDistrictChangeRefusal(TestData.CityDistricts));

        listing.ChangeDistrict(district, TestData.CityDistricts, PolicyBuilder.Default(), _later);

        Assert.Equal((district, status, restrictionClass), (listing.DistrictCode, listing.Status, listing.RestrictionClass));
        Assert.Null(listing.DeterminationNote);
        Assert.Equal(_later, listing.UpdatedAt);
        Assert.Equal(TestData.CertificateNumber, listing.LiveCertificateNumber);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ChangeDistrict_TreatsABlankRegistryDistrict_AsMissing(string registryDistrict)
    {
        var listing = new ListingBuilder().WithHome(new PropertyFactsBuilder().InDistrict(registryDistrict)).Build();

        listing.ChangeDistrict(TestData.WuchangDistrict, TestData.CityDistricts, PolicyBuilder.Default(), _later);

        Assert.Equal((TestData.WuchangDistrict, RestrictionClass.NotRestricted), (listing.DistrictCode, listing.RestrictionClass));
    }

    [Fact]
    public void ChangeDistrict_MayCorrectTheSellersOwnEarlierChoice_WhileTheRegistryStillGivesNone()
    {
        var listing = new ListingBuilder().WithHome(new PropertyFactsBuilder().InDistrict(null)).Build();
        listing.ChangeDistrict(TestData.HongshanDistrict, TestData.CityDistricts, PolicyBuilder.Default(), _later);

        listing.ChangeDistrict(TestData.JianganDistrict, TestData.CityDistricts, PolicyBuilder.Default(), _later);

        Assert.Equal((TestData.JianganDistrict, ListingStatus.Verified, RestrictionClass.Restricted), (listing.DistrictCode, listing.Status, listing.RestrictionClass));
    }

    // The registry gave a district that is not the city's

    [Fact]
    public void ChangeDistrict_ReplacesARegistryDistrictOutsideTheCityList()
    {
        var listing = new ListingBuilder().WithHome(new PropertyFactsBuilder().InDistrict(TestData.RetiredDistrict)).Build();
        Assert.Equal(ListingStatus.PendingOffline, listing.Status);
        Assert.Null(listing.FindDistrictChangeRefusal(TestData.CityDistricts));

        listing.ChangeDistrict(TestData.WuchangDistrict, TestData.CityDistricts, PolicyBuilder.Default(), _later);

        Assert.Equal((TestData.WuchangDistrict, ListingStatus.Verified, RestrictionClass.NotRestricted), (listing.DistrictCode, listing.Status, listing.RestrictionClass));
    }

    [Fact]
    public void ChangeDistrict_KeepsTheBuyers_WhenTheNewDistrictSendsTheHomeOffline()
    {
        var listing = new ListingBuilder()
            .WithRetiredRegistryDistrict()
            .BuildIn(ListingStatus.BuyersConfirmed);

        listing.ChangeDistrict(TestData.HongshanDistrict, TestData.CityDistricts, PolicyBuilder.Default(), _later);

        Assert.Equal((ListingStatus.PendingOffline, RestrictionClass.Undetermined), (listing.Status, listing.RestrictionClass));
        Assert.Single(listing.Buyers);
    }

    // The registry records one of the city's districts

    [Theory]
    [InlineData(ListingStatus.Verified)]
    [InlineData(ListingStatus.BuyersConfirmed)]
    public void ChangeDistrict_IsRefused_WhenTheRegistryRecordsACityDistrict_AndNothingChanges(ListingStatus status)
    {
        var listing = new ListingBuilder().WithHome(new PropertyFactsBuilder().InDistrict(TestData.JianganDistrict)).BuildIn(status);
        var before = ListingState.Of(listing);

        var ex = Assert.Throws<DomainException>(() => listing.ChangeDistrict(TestData.WuchangDistrict, TestData.CityDistricts, PolicyBuilder.Default(), _later));

        Assert.Equal(RegistryRecordsIt, ex.Message);
        Assert.Equal(RegistryRecordsIt, listing.FindDistrictChangeRefusal(TestData.CityDistricts));
        Assert.Equal(before, ListingState.Of(listing));
        Assert.Equal((TestData.JianganDistrict, RestrictionClass.Restricted), (listing.DistrictCode, listing.RestrictionClass));
    }

    [Fact]
    public void ChangeDistrict_IsRefused_ForAnOfflineHomeWhoseRecordedDistrictHasNoPolicy()
    {
        // e.g. 东湖生态旅游风景区: the district is right, the policy table has no rule; staff decide, not the seller.
        var listing = new ListingBuilder().WithHome(new PropertyFactsBuilder().InDistrict(TestData.HongshanDistrict)).Build();
        Assert.Equal(ListingStatus.PendingOffline, listing.Status);
        var before = ListingState.Of(listing);

        var ex = Assert.Throws<DomainException>(() => listing.ChangeDistrict(TestData.WuchangDistrict, TestData.CityDistricts, PolicyBuilder.Default(), _later));

        Assert.Equal(RegistryRecordsIt, ex.Message);
        Assert.Equal(before, ListingState.Of(listing));
    }

    [Fact]
    public void ChangeDistrict_IsRefused_WhenTheRecordedDistrictHasSurroundingSpaces()
    {
        var listing = new ListingBuilder().WithHome(new PropertyFactsBuilder().InDistrict(" " + TestData.JianganDistrict + " ")).Build();

        var ex = Assert.Throws<DomainException>(() => listing.ChangeDistrict(TestData.WuchangDistrict, TestData.CityDistricts, PolicyBuilder.Default(), _later));

        Assert.Equal(RegistryRecordsIt, ex.Message);
    }

    [Fact]
    public void ChangeDistrict_IsRefused_AfterStaffDecided_KeepingTheirClassAndNote()
    {
        var listing = new ListingBuilder().WithHome(new PropertyFactsBuilder().InDistrict(null)).Build();
        listing.RecordDetermination(RestrictionClass.NotRestricted, "经核实属武昌区，非限购", _later);
        var before = ListingState.Of(listing);

        var ex = Assert.Throws<DomainException>(() => listing.ChangeDistrict(TestData.JianganDistrict, TestData.CityDistricts, PolicyBuilder.Default(), _later));

        Assert.Equal(StaffDecided, ex.Message);
        Assert.Equal(StaffDecided, listing.FindDistrictChangeRefusal(TestData.CityDistricts));
        Assert.True(listing.DeterminedByStaff);
        Assert.Equal(before, ListingState.Of(listing));
        Assert.Equal(("经核实属武昌区，非限购", RestrictionClass.NotRestricted, ListingStatus.Verified), (listing.DeterminationNote, listing.RestrictionClass, listing.Status));
    }

    [Fact]
    public void ChangeDistrict_IsRefused_AfterStaffDecided_EvenWithBuyersSaved()
    {
        var listing = new ListingBuilder()
            .WithRetiredRegistryDistrict()
            .BuildIn(ListingStatus.BuyersConfirmed);
        listing.ChangeDistrict(TestData.HongshanDistrict, TestData.CityDistricts, PolicyBuilder.Default(), _later);
        listing.RecordDetermination(RestrictionClass.Restricted, "经核实为住宅，属限购区域", _later);
        var before = ListingState.Of(listing);

        var ex = Assert.Throws<DomainException>(() => listing.ChangeDistrict(TestData.WuchangDistrict, TestData.CityDistricts, PolicyBuilder.Default(), _later));

        Assert.Equal(StaffDecided, ex.Message);
        Assert.Equal(before, ListingState.Of(listing));
        Assert.Equal((ListingStatus.BuyersConfirmed, RestrictionClass.Restricted), (listing.Status, listing.RestrictionClass));
    }

    [Fact]
    public void DeterminedByStaff_IsFalse_UntilStaffRecordADetermination()
    {
        var listing = new ListingBuilder().WithHome(new PropertyFactsBuilder().InDistrict(null)).Build();

        Assert.False(listing.DeterminedByStaff);
    }

    // Wrong status, wrong choice

    [Theory]
    [InlineData(ListingStatus.Filed, "房源已网签，不能再修改所属区。")]
    [InlineData(ListingStatus.Released, "房源已释放，不能再修改所属区。")]
    [InlineData(ListingStatus.Completed, "房源已办结，不能再修改所属区。")]
    [InlineData(ListingStatus.ClosedOffline, "房源已线下办结，不能再修改所属区。")]
    public void ChangeDistrict_IsRefused_OnceTheListingIsNoLongerOpen(ListingStatus status, string message)
    {
        // A registry district outside the city's list, so only the status can be what refuses.
        var listing = new ListingBuilder()
            .WithRetiredRegistryDistrict()
            .BuildIn(status);
        var before = ListingState.Of(listing);

        var ex = Assert.Throws<DomainException>(() => listing.ChangeDistrict(TestData.WuchangDistrict, TestData.CityDistricts, PolicyBuilder.Default(), _later));

        Assert.Equal(message, ex.Message);
        Assert.Equal(message, listing.FindDistrictChangeRefusal(TestData.CityDistricts));
        Assert.Equal(before, ListingState.Of(listing));
    }

    [Theory]
    [InlineData(null, "请选择房屋所属区。")]
    [InlineData("", "请选择房屋所属区。")]
    [InlineData("   ", "请选择房屋所属区。")]
    [InlineData("999999", "请从列表中选择房屋所属区。")]
    [InlineData(TestData.RetiredDistrict, "请从列表中选择房屋所属区。")]
    public void ChangeDistrict_IsRefused_WhenTheChoiceIsNotACityDistrict(string? districtCode, string message)
    {
        var listing = new ListingBuilder().WithHome(new PropertyFactsBuilder().InDistrict(null)).Build();
        var before = ListingState.Of(listing);

        var ex = Assert.Throws<DomainException>(() => listing.ChangeDistrict(districtCode, TestData.CityDistricts, PolicyBuilder.Default(), _later));

        Assert.Equal(message, ex.Message);
        Assert.Equal(before, ListingState.Of(listing));
    }

    [Fact]
    public void ChangeDistrict_IgnoresSurroundingSpacesInTheChoice()
    {
        var listing = new ListingBuilder().WithHome(new PropertyFactsBuilder().InDistrict(null)).Build();

        listing.ChangeDistrict(" " + TestData.JianganDistrict + " ", TestData.CityDistricts, PolicyBuilder.Default(), _later);

        Assert.Equal((TestData.JianganDistrict, RestrictionClass.Restricted), (listing.DistrictCode, listing.RestrictionClass));
    }
}
