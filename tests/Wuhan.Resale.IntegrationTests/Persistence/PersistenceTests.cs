using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Districts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Testing;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.IntegrationTests.Persistence;

/// <summary>Encryption at rest, keyed-hash look-ups, concurrency tokens and unique indexes, on SQLite.</summary>
public sealed class PersistenceTests(PersistenceTests.Fixture fixture) : PersistenceContract(fixture.Factory), IClassFixture<PersistenceTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public PortalFactory Factory { get; } = PersistenceContract.CreateStarted(DatabaseProvider.Sqlite);

        public void Dispose() => Factory.Dispose();
    }
}

/// <summary>The same on PostgreSQL, the portal signed in as the role that may change rows only.</summary>
public sealed class PersistenceOnPostgreSqlTests(PersistenceOnPostgreSqlTests.Fixture fixture) : PersistenceContract(fixture.Factory), IClassFixture<PersistenceOnPostgreSqlTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public PortalFactory Factory { get; } = PersistenceContract.CreateStarted(DatabaseProvider.PostgreSql);

        public void Dispose() => Factory.Dispose();
    }
}

/// <summary>What every provider must keep: the tests of <see cref="PersistenceTests"/> and <see cref="PersistenceOnPostgreSqlTests"/>.</summary>
public abstract class PersistenceContract(PortalFactory factory)
{
    internal static PortalFactory CreateStarted(DatabaseProvider provider)
    {
        var started = new PortalFactory { Provider = provider };
        _ = started.Services; // starts the host: migrates (SQLite) and seeds
        return started;
    }

    private PortalFactory Factory => factory;

    [Fact]
    public async Task Person_RoundTripsPlainValues_WhileTheColumnsHoldCiphertext()
    {
        var person = await Factory.WithDbAsync(db => Scenario.SavePersonAsync(db, "buyer-1"));
        var citizen = DemoData.Citizen("buyer-1");

        var loaded = await Factory.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id));
        var raw = await ReadRawAsync("SELECT \"IdNumber\", \"Phone\", \"IdNumberHash\" FROM \"People\" WHERE \"Id\" = @id", person.Id);

        Assert.Equal(citizen.IdNumber, loaded.IdNumber);
        Assert.Equal(citizen.Phone, loaded.Phone);
        Assert.StartsWith("v2:1:", raw[0], StringComparison.Ordinal);
        Assert.StartsWith("v2:1:", raw[1], StringComparison.Ordinal);
        Assert.DoesNotContain(citizen.IdNumber, raw[0], StringComparison.Ordinal);
        Assert.Equal(64, raw[2].Length);
    }

    [Fact]
    public async Task Person_CanBeFoundByIdNumber_ThroughTheKeyedHash()
    {
        var person = await Factory.WithDbAsync(db => Scenario.SavePersonAsync(db, "buyer-2"));
        var idNumber = DemoData.Citizen("buyer-2").IdNumber;

        var found = await Factory.WithDbAsync(db =>
        {
            var hash = db.LookupHash(idNumber.ToLowerInvariant());
            return db.People.Where(p => EF.Property<string>(p, "IdNumberHash") == hash).Select(p => p.Id).ToListAsync();
        });

        Assert.Equal([person.Id], found);
    }

    [Fact]
    public async Task TwoSavesOfTheSameListing_FromStaleCopies_CannotBothWin()
    {
        var listing = await CreateListingAsync("seller-undetermined", "home-district-unknown");

        await using var scopeA = Factory.Services.CreateAsyncScope();
        await using var scopeB = Factory.Services.CreateAsyncScope();
        var dbA = scopeA.ServiceProvider.GetRequiredService<ResaleDbContext>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<ResaleDbContext>();
        var copyA = await dbA.Listings.Include(l => l.Home).SingleAsync(l => l.Id == listing.Id);
        var copyB = await dbB.Listings.Include(l => l.Home).SingleAsync(l => l.Id == listing.Id);
        var policies = await dbA.RestrictionPolicies.AsNoTracking().ToListAsync();
        var districts = await dbA.Districts.AsNoTracking().Select(d => d.Code).ToListAsync();

        copyA.ChangeDistrict("420102", districts, policies, Scenario.Now(dbA));
        await dbA.SaveChangesAsync();
        copyB.ChangeDistrict("420113", districts, policies, Scenario.Now(dbB));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => dbB.SaveChangesAsync());
        var saved = await Factory.WithDbAsync(db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == listing.Id));
        Assert.Equal("420102", saved.DistrictCode);
        Assert.Equal(RestrictionClass.Restricted, saved.RestrictionClass);
    }

    [Fact]
    public async Task ASecondLiveListingOfTheSameHome_IsRejectedByTheDatabase()
    {
        var first = await CreateListingAsync("seller-optics-valley", "home-optics-valley");

        var second = await Assert.ThrowsAsync<DbUpdateException>(() => CreateListingAsync("seller-optics-valley", "home-optics-valley"));

        if (Factory.Provider == DatabaseProvider.PostgreSql)
        {
            Assert.Equal(Npgsql.PostgresErrorCodes.UniqueViolation, Assert.IsType<Npgsql.PostgresException>(second.InnerException).SqlState);
        }
        else
        {
            Assert.IsType<SqliteException>(second.InnerException);
        }

        var live = await Factory.WithDbAsync(db => db.Listings.CountAsync(l => l.LiveCertificateNumber == first.CertificateNumber));
        Assert.Equal(1, live);
    }

    [Fact]
    public async Task AReleasedHome_CanBeListedAgain()
    {
        var first = await CreateListingAsync("seller-two-homes", "home-dxh-clean");
        await Factory.WithDbAsync(async db =>
        {
            var listing = await db.Listings.Include(l => l.Home).SingleAsync(l => l.Id == first.Id);
            var buyer = DemoData.Citizen("buyer-3");
            var seller = await db.People.SingleAsync(p => p.Id == listing.SellerPersonId);
            var now = Scenario.Now(db);
            var contract = listing.ConfirmBuyers(
                [new BuyerDetails(buyer.Name, IdNumber.Parse(buyer.IdType, buyer.IdNumber), PhoneNumber.Parse(buyer.Phone))], null, seller.Id, now);
            contract.UpdateTerms(ContractSamples.CompleteTerms(), ContractSamples.CompleteSchedule(), now);
            ContractPartyDetails[] parties =
            [
                new(PartyRole.Seller, seller.Name, seller.IdType, seller.IdNumber, seller.Phone, "100%"),
                new(PartyRole.Buyer, buyer.Name, buyer.IdType, buyer.IdNumber, buyer.Phone, null),
            ];
            contract.File(listing, ContractNumber.Create(2026, 1), parties, ContractContent.Hash(contract, listing, parties), now);
            contract.Revoke(listing, "买方柯**", now);
            db.Contracts.Add(contract);
            return await db.SaveChangesAsync();
        });

        var again = await CreateListingAsync("seller-two-homes", "home-dxh-clean");

        Assert.Equal(ListingStatus.Verified, again.Status);
        Assert.NotEqual(first.Id, again.Id);
    }

    [Fact]
    public async Task Buyers_AreStoredEncrypted_AndReloadInOrder()
    {
        var listing = await CreateListingAsync("seller-clean", "home-clean");
        var buyers = new[] { "buyer-3", "buyer-1" }.Select(DemoData.Citizen).ToList();
        await Factory.WithDbAsync(async db =>
        {
            var tracked = await db.Listings.Include(l => l.Home).SingleAsync(l => l.Id == listing.Id);
            db.Contracts.Add(tracked.ConfirmBuyers(
                [.. buyers.Select(b => new BuyerDetails(b.Name, IdNumber.Parse(b.IdType, b.IdNumber), PhoneNumber.Parse(b.Phone)))], null, tracked.SellerPersonId, Scenario.Now(db)));
            return await db.SaveChangesAsync();
        });

        var loaded = await Factory.WithDbAsync(db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == listing.Id));
        var rawIds = await ReadRawAsync("SELECT \"IdNumber\" FROM \"ListingBuyers\" WHERE \"ListingId\" = @id ORDER BY \"Order\"", listing.Id);

        Assert.Equal(ListingStatus.BuyersConfirmed, loaded.Status);
        Assert.Equal(buyers.Select(b => b.IdNumber), loaded.Buyers.OrderBy(b => b.Order).Select(b => b.IdNumber));
        Assert.All(rawIds, raw => Assert.StartsWith("v2:1:", raw, StringComparison.Ordinal));
    }

    private async Task<Listing> CreateListingAsync(string sellerKey, string homeKey)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResaleDbContext>();
        var registry = scope.ServiceProvider.GetRequiredService<IPropertyRegistry>();
        var sellerId = DemoData.Citizen(sellerKey).IdNumber;
        var hash = db.LookupHash(sellerId);
        var person = await db.People.SingleOrDefaultAsync(p => EF.Property<string>(p, "IdNumberHash") == hash)
            ?? await Scenario.SavePersonAsync(db, sellerKey);
        var query = await Scenario.SaveCompletedQueryAsync(db, registry, person);
        return await Scenario.VerifyAsync(db, person, query, DemoData.Property(homeKey).CertificateNumber);
    }

    /// <summary>Reads columns as stored, past the portal's converters (SQLite keeps GUIDs as upper-case text).</summary>
    private async Task<List<string>> ReadRawAsync(string sql, Guid id)
    {
        await using var connection = Factory.Provider == DatabaseProvider.PostgreSql
            ? (System.Data.Common.DbConnection)await PostgreSqlServer.OpenAsync(PostgreSqlServer.ConnectionString(PostgreSqlServer.OwnerConnectionString, Factory.PostgreSqlDatabase!))
            : new SqliteConnection($"Data Source={Path.Combine(Factory.DataDirectory, "resale.db")}");
        await connection.OpenIfClosedAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = Factory.Provider == DatabaseProvider.PostgreSql ? id : id.ToString().ToUpperInvariant();
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values.Add(reader.GetString(i));
            }
        }

        return values;
    }
}

internal static class DbConnectionOpening
{
    public static async Task OpenIfClosedAsync(this System.Data.Common.DbConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }
    }
}
