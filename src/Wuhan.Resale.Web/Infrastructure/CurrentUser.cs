using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.ValueObjects;
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

    /// <summary>
    /// Who the signed-in citizen is, for the access rules (<see cref="ListingAccess"/>, <see cref="ContractAccess"/>):
    /// from the session's claims when they hold the one hash look-ups search by; otherwise (a session started before the
    /// claims existed, or while personal-data keys rotate) the hashes are made from the person's stored ID number.
    /// </summary>
    public static async Task<PersonKey> CurrentPersonKeyAsync(this ResaleDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var personId = user.PersonId();
        if (Enum.TryParse<IdType>(user.FindFirstValue(PortalClaims.IdType), out var idType)
            && user.FindFirstValue(PortalClaims.IdNumberHash) is { Length: > 0 } hash
            && db.Protector.LookupKeyCount == 1
            && (user.FindFirstValue(PortalClaims.IdNumberHashKey) ?? Data.PersonalData.PersonalDataKeys.OriginalKeyId) == db.Protector.CurrentKeyId)
        {
            return new PersonKey(personId, idType, [hash]);
        }

        var stored = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.IdType, p.IdNumber })
            .SingleAsync(cancellationToken);
        return new PersonKey(personId, stored.IdType, db.PersonalDataHashes(stored.IdNumber));
    }

    /// <summary>The signed-in citizen's own record, read-only.</summary>
    public static Task<Person> CurrentPersonAsync(this ResaleDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var personId = user.PersonId();
        return db.People.AsNoTracking().SingleAsync(p => p.Id == personId, cancellationToken);
    }
}

/// <summary>A person as the access rules see them: id, ID type and the keyed hashes of the ID number (one per key pair in use).</summary>
public sealed record PersonKey(Guid Id, IdType IdType, IReadOnlyList<string> IdNumberHashes);
