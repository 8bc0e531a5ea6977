using Microsoft.AspNetCore.Authorization;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Infrastructure;

public static class AuthorizationPolicies
{
    /// <summary>A signed-in citizen: an account linked to a verified person.</summary>
    public const string Citizen = "Citizen";

    /// <summary>Bureau staff of either role.</summary>
    public const string Staff = "Staff";

    /// <summary>管理员 only.</summary>
    public const string Administrator = "Administrator";

    public static void AddPortalPolicies(this AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Citizen, p => p.RequireAuthenticatedUser().RequireClaim(PortalClaims.PersonId));
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(Roles.CounterClerk, Roles.Administrator));
        options.AddPolicy(Administrator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator));
    }
}
