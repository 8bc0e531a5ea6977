using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Infrastructure;

public static class AuthorizationPolicies
{
    /// <summary>A signed-in citizen: an account linked to a verified person.</summary>
    public const string Citizen = "Citizen";

    /// <summary>Bureau staff of either role.</summary>
    public const string Staff = "Staff";

    /// <summary>Staff of either role, also before they have enrolled a required second factor (the enrolment page).</summary>
    public const string StaffEnrolment = "StaffEnrolment";

    /// <summary>管理员 only.</summary>
    public const string Administrator = "Administrator";

    public static void AddPortalPolicies(this AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Citizen, p => p.RequireAuthenticatedUser().RequireClaim(PortalClaims.PersonId));
        options.AddPolicy(StaffEnrolment, p => p.RequireAuthenticatedUser().RequireRole(Roles.CounterClerk, Roles.Administrator));
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(Roles.CounterClerk, Roles.Administrator).RequireAssertion(Enrolled));
        options.AddPolicy(Administrator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator).RequireAssertion(Enrolled));
    }

    /// <summary>False until a staff member who must use a second factor has enrolled one (they are sent to enrolment).</summary>
    private static bool Enrolled(AuthorizationHandlerContext context) =>
        !MustEnrolTwoFactor(context.User);

    public static bool MustEnrolTwoFactor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasClaim(c => c.Type == PortalClaims.MustEnrolTwoFactor);
    }
}
