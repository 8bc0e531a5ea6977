using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Features.Staff;

/// <summary>
/// Which homes a staff member may see and act on: an administrator the whole city; a counter clerk the homes of their
/// own district office, plus homes whose district the registry did not give (those are decided at whichever counter
/// the seller visits). Read from the account on each request, so a changed district applies at once.
/// </summary>
public static class StaffScope
{
    /// <summary>The whole city for an administrator; else the district the clerk serves (a clerk without one serves none).</summary>
    public static async Task<Scope> OfAsync(UserManager<ApplicationUser> users, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(Roles.Administrator))
        {
            return new Scope(CityWide: true, null);
        }

        var account = await users.GetUserAsync(user);
        return new Scope(CityWide: false, account?.DistrictCode ?? string.Empty);
    }

    public sealed record Scope(bool CityWide, string? DistrictCode)
    {
        public bool Covers(Listing listing)
        {
            ArgumentNullException.ThrowIfNull(listing);
            return Covers(listing.DistrictCode);
        }

        public bool Covers(string? listingDistrictCode) => CityWide || listingDistrictCode is null || listingDistrictCode == DistrictCode;

        /// <summary>The listings this scope covers, for queries.</summary>
        public IQueryable<Listing> Filter(IQueryable<Listing> listings)
        {
            ArgumentNullException.ThrowIfNull(listings);
            var code = DistrictCode;
            return CityWide ? listings : listings.Where(l => l.DistrictCode == null || l.DistrictCode == code);
        }
    }
}
