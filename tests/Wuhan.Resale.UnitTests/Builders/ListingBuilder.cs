using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Districts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.People;

namespace Wuhan.Resale.UnitTests.Builders;

/// <summary>
/// Builds a listing and walks it through the real transitions to the wanted status, so every listing a test
/// starts from is one production could have produced: buyers are confirmed with <see cref="Listing.ConfirmBuyers"/>,
/// and a listing is filed, released or completed by its contract (<see cref="ContractBuilder"/>).
/// </summary>
public sealed class ListingBuilder
{
    public static ListingCode Code { get; } = ListingCode.Create(TestData.Today, 1);

    private Person? _seller;
    private PropertyFactsBuilder _home = new();
    private IReadOnlyList<RestrictionPolicy> _policies = PolicyBuilder.Default();
    private bool _homeHasLiveListing;
    private Guid? _consentPersonId;
    private DateTimeOffset _now = TestData.Now;

    public ListingBuilder WithSeller(Person seller)
    {
        _seller = seller;
        return this;
    }

    public ListingBuilder WithHome(PropertyFactsBuilder home)
    {
        _home = home;
        return this;
    }

    public ListingBuilder WithPolicies(params RestrictionPolicy[] policies)
    {
        _policies = policies;
        return this;
    }

    /// <summary>
    /// The registry still gives a code the district table no longer has (<see cref="TestData.RetiredDistrict"/>), one the
    /// policies classify as restricted: the home verifies, and its seller may choose a district (更新房屋所属区).
    /// </summary>
    public ListingBuilder WithRetiredRegistryDistrict()
    {
        _home.InDistrict(TestData.RetiredDistrict);
        _policies = [.. _policies, PolicyBuilder.Restricted(TestData.RetiredDistrict)];
        return this;
    }

    public ListingBuilder WithLiveListingForHome()
    {
        _homeHasLiveListing = true;
        return this;
    }

    public ListingBuilder WithConsentBy(Guid personId)
    {
        _consentPersonId = personId;
        return this;
    }

    public ListingBuilder At(DateTimeOffset now)
    {
        _now = now;
        return this;
    }

    /// <summary>Runs 房源核验 with the configured home; the result is Verified or PendingOffline.</summary>
    public Listing Build()
    {
        var seller = _seller ?? new PersonBuilder().Build();
        var home = _home.BuildRecord();
        return Listing.Verify(
            Guid.NewGuid(),
            Code,
            seller,
            home,
            new NoticeConsent(Guid.NewGuid(), _consentPersonId ?? seller.Id, home.QueryId, UserNotice.Version, _now, "127.0.0.1"),
            _homeHasLiveListing,
            _policies,
            _now);
    }

    public Listing BuildIn(ListingStatus status)
    {
        switch (status)
        {
            case ListingStatus.Verified:
                return Build();
            case ListingStatus.PendingOffline:
                _home.InDistrict(null);
                return Build();
            case ListingStatus.ClosedOffline:
                var offline = BuildIn(ListingStatus.PendingOffline);
                offline.CloseOffline(_now);
                return offline;
            case ListingStatus.BuyersConfirmed:
                return new ContractBuilder(this).BuildDraft().Listing;
            case ListingStatus.Filed:
                return new ContractBuilder(this).BuildIn(ContractStatus.Filed).Listing;
            case ListingStatus.Released:
                return new ContractBuilder(this).BuildIn(ContractStatus.Revoked).Listing;
            case ListingStatus.Completed:
                return new ContractBuilder(this).BuildIn(ContractStatus.Registered).Listing;
            case ListingStatus.Withdrawn:
                return new ContractBuilder(this).BuildIn(ContractStatus.Discarded).Listing;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown listing status.");
        }
    }
}
