using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Integrations.Embedded;

/// <summary>Answers from the demo homes, after a configurable delay that imitates the real registry.</summary>
public sealed class EmbeddedPropertyRegistry(ResaleDbContext db, IOptions<IntegrationOptions> options, TimeProvider clock)
    : IPropertyRegistry
{
    public async Task<IReadOnlyList<PropertyFacts>> FindHomesOfAsync(IdNumber owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var delay = options.Value.PropertyRegistry.EmbeddedQueryDelay;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, clock, cancellationToken);
        }

        string[] hashes = [.. db.PersonalDataHashes(owner.Value)];
        var homes = await db.EmbeddedProperties.AsNoTracking()
            .Where(p => !p.HiddenFromQuery && p.Owners.Any(o => hashes.Contains(EF.Property<string>(o, IdNumberLookup.HashColumn))))
            .OrderBy(p => p.CertificateNumber)
            .ToListAsync(cancellationToken);
        return [.. homes.Where(h => h.Owners.Exists(o => o.IdType == owner.Type)).Select(h => h.ToFacts())];
    }

    public async Task<PropertyFacts?> FindByCertificateAsync(string certificateNumber, CancellationToken cancellationToken)
    {
        var normalized = (certificateNumber ?? string.Empty).Trim();
        if (normalized.Length == 0)
        {
            return null;
        }

        var home = await db.EmbeddedProperties.AsNoTracking()
            .FirstOrDefaultAsync(p => p.CertificateNumber == normalized, cancellationToken);
        return home?.ToFacts();
    }
}
