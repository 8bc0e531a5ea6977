using Wuhan.Resale.Domain.Districts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.Properties;

namespace Wuhan.Resale.UnitTests.Builders;

/// <summary>
/// Builds a listing and walks it through the real transitions to the wanted status, so every listing a test
/// starts from is one production could have produced.
/// </summary>
public sealed class ListingBuilder
{
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
        return Listing.Verify(
            Guid.NewGuid(),
            "FY202611260001",
            seller,
            _home.BuildRecord(),
            new NoticeConsent(_consentPersonId ?? seller.Id, "2026-01", _now),
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
                _home.InDistrict(null);
                var offline = Build();
                offline.CloseOffline(_now);
                return offline;
        }

        var listing = Build();
        listing.ReplaceBuyers(BuyerDetailsBuilder.Many(1), _now);
        if (status == ListingStatus.BuyersConfirmed)
        {
            return listing;
        }

        listing.MarkFiled(_now);
        switch (status)
        {
            case ListingStatus.Filed:
                break;
            case ListingStatus.Released:
                listing.Release(_now);
                break;
            case ListingStatus.Completed:
                listing.Complete(_now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown listing status.");
        }

        return listing;
    }
}
