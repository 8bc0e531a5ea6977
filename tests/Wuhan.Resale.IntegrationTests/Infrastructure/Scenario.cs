using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Wuhan.Resale.Domain.Districts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.Queries;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.IntegrationTests.Infrastructure;

/// <summary>
/// Builds saved domain state through the same calls the portal makes, starting from demo citizens. Every time it stamps is
/// the host's clock (<see cref="Now"/>): a test on a fake clock never gets rows from the real day.
/// </summary>
public static class Scenario
{
    /// <summary>The clock of the portal this context belongs to (the test's fake clock when the factory has one).</summary>
    public static DateTimeOffset Now(ResaleDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var services = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
            ?? throw new InvalidOperationException("The context was not made by a portal host: its clock is unknown.");
        return services.GetRequiredService<TimeProvider>().GetUtcNow();
    }

    public static async Task<Person> SavePersonAsync(ResaleDbContext db, string citizenKey)
    {
        ArgumentNullException.ThrowIfNull(db);
        var c = DemoData.Citizen(citizenKey);
        var person = new Person(Guid.CreateVersion7(), c.Name, IdNumber.Parse(c.IdType, c.IdNumber), PhoneNumber.Parse(c.Phone), Now(db));
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    /// <summary>A completed property query for the person, answered by the embedded registry.</summary>
    public static async Task<PropertyQuery> SaveCompletedQueryAsync(ResaleDbContext db, IPropertyRegistry registry, Person person)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(person);
        var now = Now(db);
        var query = new PropertyQuery(Guid.CreateVersion7(), "Q" + Guid.NewGuid().ToString("N")[..12], person.Id, person.Name, now);
        var homes = await registry.FindHomesOfAsync(IdNumber.Parse(person.IdType, person.IdNumber), CancellationToken.None);
        query.Complete(homes, now);
        db.PropertyQueries.Add(query);
        await db.SaveChangesAsync();
        return query;
    }

    public static async Task<Listing> VerifyAsync(ResaleDbContext db, Person person, PropertyQuery query, string certificateNumber)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(query);
        var now = Now(db);
        var home = query.Records.Single(r => r.CertificateNumber == certificateNumber);
        var policies = await db.RestrictionPolicies.AsNoTracking().ToListAsync();
        var listing = Listing.Verify(
            Guid.CreateVersion7(), ListingCode.New(now), person, home,
            new NoticeConsent(Guid.CreateVersion7(), person.Id, query.Id, UserNotice.Version, now, null), homeHasLiveListing: false, policies, now);
        db.Listings.Add(listing);
        await db.SaveChangesAsync();
        return listing;
    }

    public static IReadOnlyList<RestrictionPolicy> NoPolicies => [];
}
