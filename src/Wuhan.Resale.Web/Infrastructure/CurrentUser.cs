using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Web.Data;

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

    /// <summary>The signed-in citizen's own record, read-only.</summary>
    public static Task<Person> CurrentPersonAsync(this ResaleDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var personId = user.PersonId();
        return db.People.AsNoTracking().SingleAsync(p => p.Id == personId, cancellationToken);
    }
}
