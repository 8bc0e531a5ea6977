using System.Security.Claims;

namespace Wuhan.Resale.Web.Infrastructure;

public static class CurrentUser
{
    /// <summary>The verified person behind a citizen session (the Citizen policy guarantees the claim).</summary>
    public static Guid PersonId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Guid.Parse(user.FindFirstValue(PortalClaims.PersonId)
            ?? throw new InvalidOperationException("The signed-in user is not a verified citizen."));
    }
}
