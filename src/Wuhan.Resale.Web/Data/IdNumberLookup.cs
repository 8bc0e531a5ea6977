using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.People;

namespace Wuhan.Resale.Web.Data;

/// <summary>
/// Finding rows by ID number without decrypting anything: every encrypted ID number has a keyed hash beside it
/// (<see cref="HashColumn"/>), and these helpers compare that column with the hash of the number asked for.
/// </summary>
public static class IdNumberLookup
{
    /// <summary>The shadow column that holds the keyed hash of an entity's IdNumber.</summary>
    public const string HashColumn = nameof(Person.IdNumber) + "Hash";

    /// <summary>The rows of <paramref name="rows"/> whose ID number is <paramref name="idNumber"/>.</summary>
    public static IQueryable<T> WithIdNumber<T>(this IQueryable<T> rows, ResaleDbContext db, string idNumber) where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        return rows.Where(HasIdNumberHash<T>(db.PersonalDataHashes(idNumber)));
    }

    /// <summary>
    /// The same test for a collection inside a larger query, e.g.
    /// <c>c.Parties.AsQueryable().Any(IdNumberLookup.HasIdNumberHash&lt;ContractParty&gt;(hashes))</c>; any of the hashes
    /// (one per key pair in use, see <see cref="ResaleDbContext.PersonalDataHashes"/>) matches.
    /// </summary>
    public static Expression<Func<T, bool>> HasIdNumberHash<T>(IReadOnlyList<string> hashes)
    {
        string[] any = [.. hashes];
        return row => any.Contains(EF.Property<string>(row!, HashColumn));
    }
}
