using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Integrations.Embedded;

/// <summary>Answers from the demo citizens in the portal's own database.</summary>
public sealed class EmbeddedCitizenRegistry(ResaleDbContext db) : ICitizenRegistry
{
    public async Task<CitizenCheck> CheckAsync(string name, IdNumber idNumber, PhoneNumber phone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        ArgumentNullException.ThrowIfNull(phone);
        string[] hashes = [.. db.PersonalDataHashes(idNumber.Value)];
        var citizens = await db.EmbeddedCitizens.AsNoTracking()
            .Where(c => hashes.Contains(EF.Property<string>(c, IdNumberLookup.HashColumn)) && c.IdType == idNumber.Type)
            .ToListAsync(cancellationToken);
        if (citizens.Count == 0)
        {
            return CitizenCheck.NotFound;
        }

        var named = citizens.FindAll(c => string.Equals(c.Name, name?.Trim(), StringComparison.Ordinal));
        if (named.Count == 0)
        {
            return CitizenCheck.NameMismatch;
        }

        return named.Exists(c => c.Phone == phone.Value) ? CitizenCheck.Match : CitizenCheck.PhoneMismatch;
    }
}
