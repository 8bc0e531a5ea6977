using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Districts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Listings;

/// <summary>
/// SPEC §3 for the listing. The two tables hold every (status, step) pair once;
/// <see cref="TheTables_HoldEveryStatusAndStepOnce"/> checks that they still do. In production the listing is filed,
/// released and completed only by its contract (<see cref="Wuhan.Resale.Domain.Contracts.Contract"/>); here those
/// internal steps are driven one by one.
/// </summary>
public class ListingTransitionTests
{
    private static readonly DateTimeOffset _later = TestData.Now.AddHours(1);

    public enum ListingStep
    {
        ConfirmBuyers,

        /// <summary>To 武昌区, which the default policies classify (not restricted); the registry's district is retired.</summary>
        ChangeDistrict,
        RecordDetermination,
        CloseOffline,
        MarkFiled,
        Release,
        Complete,

        /// <summary>撤回房源, with the listing's draft contract when the buyers were saved.</summary>
        Withdraw,
    }

    [Theory]
    [InlineData(ListingStatus.Verified, ListingStep.ConfirmBuyers, ListingStatus.BuyersConfirmed)]
    [InlineData(ListingStatus.BuyersConfirmed, ListingStep.ConfirmBuyers, ListingStatus.BuyersConfirmed)]
    [InlineData(ListingStatus.Verified, ListingStep.ChangeDistrict, ListingStatus.Verified)]
    [InlineData(ListingStatus.PendingOffline, ListingStep.ChangeDistrict, ListingStatus.Verified)]
    [InlineData(ListingStatus.BuyersConfirmed, ListingStep.ChangeDistrict, ListingStatus.BuyersConfirmed)]
    [InlineData(ListingStatus.PendingOffline, ListingStep.RecordDetermination, ListingStatus.Verified)]
    [InlineData(ListingStatus.PendingOffline, ListingStep.CloseOffline, ListingStatus.ClosedOffline)]
    [InlineData(ListingStatus.BuyersConfirmed, ListingStep.MarkFiled, ListingStatus.Filed)]
    [InlineData(ListingStatus.Filed, ListingStep.Release, ListingStatus.Released)]
    [InlineData(ListingStatus.Filed, ListingStep.Complete, ListingStatus.Completed)]
    [InlineData(ListingStatus.Verified, ListingStep.Withdraw, ListingStatus.Withdrawn)]
    [InlineData(ListingStatus.PendingOffline, ListingStep.Withdraw, ListingStatus.Withdrawn)]
    [InlineData(ListingStatus.BuyersConfirmed, ListingStep.Withdraw, ListingStatus.Withdrawn)]
    public void Step_MovesTheListing(ListingStatus from, ListingStep step, ListingStatus to)
    {
        var listing = ListingWhoseDistrictTheSellerChooses(from);

        Take(step, listing);

        Assert.Equal(to, listing.Status);
        Assert.Equal(_later, listing.UpdatedAt);
        Assert.Equal(to.IsLive() ? TestData.CertificateNumber : null, listing.LiveCertificateNumber);
        Assert.Equal(TestData.CertificateNumber, listing.CertificateNumber);
    }

    [Theory]
    [InlineData(ListingStatus.PendingOffline, ListingStep.ConfirmBuyers, "该房源需要到房管部门线下办理，不能在线添加购房人。")]
    [InlineData(ListingStatus.Filed, ListingStep.ConfirmBuyers, "房源已网签，购房人信息已不能修改。")]
    [InlineData(ListingStatus.Released, ListingStep.ConfirmBuyers, "房源已释放，购房人信息已不能修改。")]
    [InlineData(ListingStatus.Completed, ListingStep.ConfirmBuyers, "房源已办结，购房人信息已不能修改。")]
    [InlineData(ListingStatus.ClosedOffline, ListingStep.ConfirmBuyers, "房源已线下办结，购房人信息已不能修改。")]
    [InlineData(ListingStatus.Filed, ListingStep.ChangeDistrict, "房源已网签，不能再修改所属区。")]
    [InlineData(ListingStatus.Released, ListingStep.ChangeDistrict, "房源已释放，不能再修改所属区。")]
    [InlineData(ListingStatus.Completed, ListingStep.ChangeDistrict, "房源已办结，不能再修改所属区。")]
    [InlineData(ListingStatus.ClosedOffline, ListingStep.ChangeDistrict, "房源已线下办结，不能再修改所属区。")]
    [InlineData(ListingStatus.Verified, ListingStep.RecordDetermination, "只有待线下办理的房源才需要人工认定限购类型。")]
    [InlineData(ListingStatus.BuyersConfirmed, ListingStep.RecordDetermination, "只有待线下办理的房源才需要人工认定限购类型。")]
    [InlineData(ListingStatus.Filed, ListingStep.RecordDetermination, "只有待线下办理的房源才需要人工认定限购类型。")]
    [InlineData(ListingStatus.Released, ListingStep.RecordDetermination, "只有待线下办理的房源才需要人工认定限购类型。")]
    [InlineData(ListingStatus.Completed, ListingStep.RecordDetermination, "只有待线下办理的房源才需要人工认定限购类型。")]
    [InlineData(ListingStatus.ClosedOffline, ListingStep.RecordDetermination, "只有待线下办理的房源才需要人工认定限购类型。")]
    [InlineData(ListingStatus.Verified, ListingStep.CloseOffline, "只有待线下办理的房源才能按线下办结关闭。")]
    [InlineData(ListingStatus.BuyersConfirmed, ListingStep.CloseOffline, "只有待线下办理的房源才能按线下办结关闭。")]
    [InlineData(ListingStatus.Filed, ListingStep.CloseOffline, "只有待线下办理的房源才能按线下办结关闭。")]
    [InlineData(ListingStatus.Released, ListingStep.CloseOffline, "只有待线下办理的房源才能按线下办结关闭。")]
    [InlineData(ListingStatus.Completed, ListingStep.CloseOffline, "只有待线下办理的房源才能按线下办结关闭。")]
    [InlineData(ListingStatus.ClosedOffline, ListingStep.CloseOffline, "只有待线下办理的房源才能按线下办结关闭。")]
    [InlineData(ListingStatus.Verified, ListingStep.MarkFiled, "请先确认购房人信息，再申报网签。")]
    [InlineData(ListingStatus.PendingOffline, ListingStep.MarkFiled, "请先确认购房人信息，再申报网签。")]
    [InlineData(ListingStatus.Filed, ListingStep.MarkFiled, "请先确认购房人信息，再申报网签。")]
    [InlineData(ListingStatus.Released, ListingStep.MarkFiled, "请先确认购房人信息，再申报网签。")]
    [InlineData(ListingStatus.Completed, ListingStep.MarkFiled, "请先确认购房人信息，再申报网签。")]
    [InlineData(ListingStatus.ClosedOffline, ListingStep.MarkFiled, "请先确认购房人信息，再申报网签。")]
    [InlineData(ListingStatus.Verified, ListingStep.Release, "该房源没有已申报的网签合同，无需释放。")]
    [InlineData(ListingStatus.PendingOffline, ListingStep.Release, "该房源没有已申报的网签合同，无需释放。")]
    [InlineData(ListingStatus.BuyersConfirmed, ListingStep.Release, "该房源没有已申报的网签合同，无需释放。")]
    [InlineData(ListingStatus.Released, ListingStep.Release, "该房源没有已申报的网签合同，无需释放。")]
    [InlineData(ListingStatus.Completed, ListingStep.Release, "该房源没有已申报的网签合同，无需释放。")]
    [InlineData(ListingStatus.ClosedOffline, ListingStep.Release, "该房源没有已申报的网签合同，无需释放。")]
    [InlineData(ListingStatus.Verified, ListingStep.Complete, "该房源没有已申报的网签合同，不能办结。")]
    [InlineData(ListingStatus.PendingOffline, ListingStep.Complete, "该房源没有已申报的网签合同，不能办结。")]
    [InlineData(ListingStatus.BuyersConfirmed, ListingStep.Complete, "该房源没有已申报的网签合同，不能办结。")]
    [InlineData(ListingStatus.Released, ListingStep.Complete, "该房源没有已申报的网签合同，不能办结。")]
    [InlineData(ListingStatus.Completed, ListingStep.Complete, "该房源没有已申报的网签合同，不能办结。")]
    [InlineData(ListingStatus.ClosedOffline, ListingStep.Complete, "该房源没有已申报的网签合同，不能办结。")]
    [InlineData(ListingStatus.Withdrawn, ListingStep.ConfirmBuyers, "房源已撤回，购房人信息已不能修改。")]
    [InlineData(ListingStatus.Withdrawn, ListingStep.ChangeDistrict, "房源已撤回，不能再修改所属区。")]
    [InlineData(ListingStatus.Withdrawn, ListingStep.RecordDetermination, "只有待线下办理的房源才需要人工认定限购类型。")]
    [InlineData(ListingStatus.Withdrawn, ListingStep.CloseOffline, "只有待线下办理的房源才能按线下办结关闭。")]
    [InlineData(ListingStatus.Withdrawn, ListingStep.MarkFiled, "请先确认购房人信息，再申报网签。")]
    [InlineData(ListingStatus.Withdrawn, ListingStep.Release, "该房源没有已申报的网签合同，无需释放。")]
    [InlineData(ListingStatus.Withdrawn, ListingStep.Complete, "该房源没有已申报的网签合同，不能办结。")]
    [InlineData(ListingStatus.Filed, ListingStep.Withdraw, "该房源已生成网签合同，不能撤回。如双方不再交易，请先办理合同网签撤销，撤销后房屋即不再占用。")]
    [InlineData(ListingStatus.Completed, ListingStep.Withdraw, "该房源的合同已备案，不能撤回。")]
    [InlineData(ListingStatus.Released, ListingStep.Withdraw, "该房源的网签已撤销，房屋已不再占用，无需撤回。")]
    [InlineData(ListingStatus.ClosedOffline, ListingStep.Withdraw, "房源已线下办结，不能撤回。")]
    [InlineData(ListingStatus.Withdrawn, ListingStep.Withdraw, "该房源已经撤回，无需重复操作。")]
    public void Step_IsRefusedWithItsMessage_LeavingTheListingAsItWas(ListingStatus from, ListingStep step, string message)
    {
        var listing = ListingWhoseDistrictTheSellerChooses(from);
        var before = ListingState.Of(listing);

        var ex = Assert.Throws<DomainException>(() => Take(step, listing));

        Assert.Equal(message, ex.Message);
        Assert.Equal(before, ListingState.Of(listing));
    }

    [Fact]
    public void TheTables_HoldEveryStatusAndStepOnce()
    {
        var covered = TheoryTable.Rows<ListingTransitionTests>(nameof(Step_MovesTheListing))
            .Concat(TheoryTable.Rows<ListingTransitionTests>(nameof(Step_IsRefusedWithItsMessage_LeavingTheListingAsItWas)))
            .Select(row => ((ListingStatus)row[0], (ListingStep)row[1]))
            .ToList();

        var every = Enum.GetValues<ListingStatus>().SelectMany(s => Enum.GetValues<ListingStep>().Select(step => (s, step)));
        Assert.Equal(every.Order(), covered.Order());
    }

    [Theory]
    [InlineData(ListingStatus.Verified, true)]
    [InlineData(ListingStatus.PendingOffline, true)]
    [InlineData(ListingStatus.BuyersConfirmed, true)]
    [InlineData(ListingStatus.Filed, true)]
    [InlineData(ListingStatus.Released, false)]
    [InlineData(ListingStatus.Completed, false)]
    [InlineData(ListingStatus.ClosedOffline, false)]
    [InlineData(ListingStatus.Withdrawn, false)]
    public void LiveCertificateNumber_HoldsTheCertificate_OnlyWhileTheListingIsLive(ListingStatus status, bool live)
    {
        var listing = new ListingBuilder().BuildIn(status);

        Assert.Equal(status, listing.Status);
        Assert.Equal(live ? TestData.CertificateNumber : null, listing.LiveCertificateNumber);
        Assert.Equal(TestData.CertificateNumber, listing.CertificateNumber);
    }

    // ChangeDistrict: when the seller may use it at all is in ListingDistrictTests

    [Theory]
    [InlineData(ListingStatus.PendingOffline, TestData.JianganDistrict, ListingStatus.Verified, RestrictionClass.Restricted)]
    [InlineData(ListingStatus.Verified, TestData.WuchangDistrict, ListingStatus.Verified, RestrictionClass.NotRestricted)]
    [InlineData(ListingStatus.Verified, TestData.HongshanDistrict, ListingStatus.PendingOffline, RestrictionClass.Undetermined)]
    [InlineData(ListingStatus.BuyersConfirmed, TestData.WuchangDistrict, ListingStatus.BuyersConfirmed, RestrictionClass.NotRestricted)]
    [InlineData(ListingStatus.BuyersConfirmed, TestData.HongshanDistrict, ListingStatus.PendingOffline, RestrictionClass.Undetermined)]
    public void ChangeDistrict_ClassifiesTheHomeAgain_KeepingItsBuyers(ListingStatus from, string district, ListingStatus to, RestrictionClass restrictionClass)
    {
        var listing = ListingWhoseDistrictTheSellerChooses(from);
        var buyers = listing.Buyers.Count;

        listing.ChangeDistrict(district, TestData.CityDistricts, PolicyBuilder.Default(), _later);

        Assert.Equal((to, restrictionClass, district), (listing.Status, listing.RestrictionClass, listing.DistrictCode));
        Assert.Equal(buyers, listing.Buyers.Count);
        Assert.Equal(TestData.CertificateNumber, listing.LiveCertificateNumber);
        Assert.Equal(_later, listing.UpdatedAt);
    }

    [Fact]
    public void ChangeDistrict_ReturnsAnOfflineListingWithBuyers_ToBuyersConfirmed()
    {
        var listing = ListingWhoseDistrictTheSellerChooses(ListingStatus.BuyersConfirmed);
        listing.ChangeDistrict(TestData.HongshanDistrict, TestData.CityDistricts, PolicyBuilder.Default(), _later);

        listing.ChangeDistrict(TestData.WuchangDistrict, TestData.CityDistricts, PolicyBuilder.Default(), _later);

        Assert.Equal((ListingStatus.BuyersConfirmed, RestrictionClass.NotRestricted), (listing.Status, listing.RestrictionClass));
        Assert.Single(listing.Buyers);
    }

    // RecordDetermination

    [Theory]
    [InlineData(RestrictionClass.Restricted)]
    [InlineData(RestrictionClass.NotRestricted)]
    public void RecordDetermination_RecordsTheClassAndTheTrimmedReason(RestrictionClass restrictionClass)
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.PendingOffline);

        listing.RecordDetermination(restrictionClass, "  经核实为住宅  ", _later);

        Assert.Equal(ListingStatus.Verified, listing.Status);
        Assert.Equal(restrictionClass, listing.RestrictionClass);
        Assert.Equal("经核实为住宅", listing.DeterminationNote);
    }

    [Fact]
    public void RecordDetermination_MovesPendingOfflineToBuyersConfirmed_WhenBuyersWereAlreadySaved()
    {
        var listing = ListingWhoseDistrictTheSellerChooses(ListingStatus.BuyersConfirmed);
        listing.ChangeDistrict(TestData.HongshanDistrict, TestData.CityDistricts, PolicyBuilder.Default(), _later);

        listing.RecordDetermination(RestrictionClass.Restricted, "经核实为住宅", _later);

        Assert.Equal(ListingStatus.BuyersConfirmed, listing.Status);
    }

    [Theory]
    [InlineData(RestrictionClass.Undetermined, "理由", "请认定为限购或非限购。")]
    [InlineData(RestrictionClass.Restricted, "", "请填写认定理由。")]
    [InlineData(RestrictionClass.Restricted, "  ", "请填写认定理由。")]
    public void RecordDetermination_IsRefused_WithoutAClassAndAReason(RestrictionClass restrictionClass, string reason, string message)
    {
        var listing = new ListingBuilder().BuildIn(ListingStatus.PendingOffline);
        var before = ListingState.Of(listing);

        var ex = Assert.Throws<DomainException>(() => listing.RecordDetermination(restrictionClass, reason, _later));

        Assert.Equal(message, ex.Message);
        Assert.Equal(before, ListingState.Of(listing));
    }

    /// <summary>A listing in <paramref name="status"/> whose seller may choose the district: the registry's code is retired.</summary>
    private static Listing ListingWhoseDistrictTheSellerChooses(ListingStatus status) =>
        new ListingBuilder().WithRetiredRegistryDistrict().BuildIn(status);

    private static void Take(ListingStep step, Listing listing)
    {
        switch (step)
        {
            case ListingStep.ConfirmBuyers:
                listing.ConfirmBuyers(BuyerDetailsBuilder.Many(2, firstIndex: 5), null, listing.SellerPersonId, _later);
                break;
            case ListingStep.ChangeDistrict:
                listing.ChangeDistrict(TestData.WuchangDistrict, TestData.CityDistricts, PolicyBuilder.Default(), _later);
                break;
            case ListingStep.RecordDetermination:
                listing.RecordDetermination(RestrictionClass.NotRestricted, "经核实为非限购区域", _later);
                break;
            case ListingStep.CloseOffline:
                listing.CloseOffline(_later);
                break;
            case ListingStep.MarkFiled:
                listing.MarkFiled(_later);
                break;
            case ListingStep.Release:
                listing.Release(_later);
                break;
            case ListingStep.Complete:
                listing.Complete(_later);
                break;
            case ListingStep.Withdraw:
                listing.Withdraw(ContractBuilder.WithdrawalReason, null, _later);
                break;
        }
    }
}
