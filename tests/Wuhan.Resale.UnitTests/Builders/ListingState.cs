using Wuhan.Resale.Domain.Districts;
using Wuhan.Resale.Domain.Listings;

namespace Wuhan.Resale.UnitTests.Builders;

/// <summary>What an operation on a listing may change, comparable with <c>Assert.Equal</c>.</summary>
public sealed record ListingState(
    ListingStatus Status,
    RestrictionClass RestrictionClass,
    string? DistrictCode,
    string? DeterminationNote,
    string? LiveCertificateNumber,
    string Buyers,
    string? WithdrawalReason,
    DateTimeOffset UpdatedAt)
{
    public static ListingState Of(Listing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return new(listing.Status, listing.RestrictionClass, listing.DistrictCode, listing.DeterminationNote, listing.LiveCertificateNumber,
            string.Join(",", listing.Buyers.Select(b => b.IdNumber)), listing.WithdrawalReason, listing.UpdatedAt);
    }
}
