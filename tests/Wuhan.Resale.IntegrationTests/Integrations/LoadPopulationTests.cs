using System.Net;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data.Seed;
using Wuhan.Resale.Web.Infrastructure.Hardening;

namespace Wuhan.Resale.IntegrationTests.Integrations;

/// <summary>
/// The load run's own population (<c>seed-load-population</c>): synthetic people and homes in the embedded registries
/// that the real journey accepts, never in Production, and the same rows however often the command runs.
/// </summary>
public sealed class LoadPopulationTests
{
    [Fact]
    public async Task SeedingTheLoadPopulation_IsRefusedInProduction_AndAddsNobody()
    {
        using var factory = new PortalFactory(environment: "Production");
        using var output = new StringWriter();

        var exitCode = await PortalCommands.RunAsync(factory.Services, [PortalCommands.SeedLoadPopulation, "10"], output);

        Assert.Equal(2, exitCode);
        Assert.Contains("Production", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.EmbeddedCitizens.CountAsync(c => c.Key.StartsWith(LoadPopulation.KeyPrefix))));
        Assert.Equal(0, await factory.WithDbAsync(db => db.EmbeddedProperties.CountAsync(p => p.Key.StartsWith(LoadPopulation.KeyPrefix))));
    }

    [Fact]
    public async Task ASeededSeller_SignsIn_VerifiesTheSeededHome_AndFilesWithTheSeededBuyer()
    {
        using var factory = new PortalFactory();
        var exitCode = await PortalCommands.RunAsync(factory.Services, [PortalCommands.SeedLoadPopulation, "3"], TextWriter.Null);
        var (seller, buyer, home) = (Citizen(LoadPopulation.Seller(2)), Citizen(LoadPopulation.Buyer(2)), LoadPopulation.Home(2));

        var journey = new SellerJourney(factory, await new CitizenLogin(factory).SignInAsync(seller), seller);
        var homes = await journey.ConsentAsync(await journey.QueryHomesAsync());
        using var verified = await journey.VerifyAsync(homes, home.CertificateNumber);
        var listingId = Guid.Parse(verified.Headers.Location!.OriginalString.Split('/')[^1]);
        using var buyersSaved = await FilingJourney.SaveBuyersAsync(journey.Client, listingId, buyer);
        await FilingJourney.CompleteTheContractAsync(factory, listingId);
        var contractId = await factory.WithDbAsync(db => db.Contracts.Where(c => c.ListingId == listingId).Select(c => c.Id).SingleAsync());
        var filingPage = await FilingJourney.SendCodesAsync(journey.Client, contractId);
        using var filed = await FilingJourney.ConfirmAsync(journey.Client, filingPage,
        [
            await CitizenLogin.LatestCodeAsync(factory, buyer.Phone, "Filing"),
            await CitizenLogin.LatestCodeAsync(factory, seller.Phone, "Filing"),
        ]);

        Assert.Equal(0, exitCode);
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, buyersSaved.StatusCode);
        Assert.Equal("/contracts?message=filed", filed.Headers.Location?.OriginalString);
        var contract = await factory.WithDbAsync(db => db.Contracts.AsNoTracking().SingleAsync(c => c.Id == contractId));
        Assert.Equal(ContractStatus.Filed, contract.Status);
        Assert.Equal([buyer.Name, seller.Name], contract.Parties.OrderBy(p => p.Role == PartyRole.Seller).Select(p => p.Name));
    }

    [Fact]
    public async Task SeedingAgain_AddsOnlyWhatIsMissing()
    {
        using var factory = new PortalFactory();
        using var first = new StringWriter();
        using var second = new StringWriter();
        using var third = new StringWriter();

        await PortalCommands.RunAsync(factory.Services, [PortalCommands.SeedLoadPopulation, "3"], first);
        await PortalCommands.RunAsync(factory.Services, [PortalCommands.SeedLoadPopulation, "5"], second);
        var exitCode = await PortalCommands.RunAsync(factory.Services, [PortalCommands.SeedLoadPopulation, "5"], third);

        Assert.Equal(0, exitCode);
        Assert.Contains("本次新增 6 人、3 套房屋", first.ToString(), StringComparison.Ordinal);
        Assert.Contains("本次新增 4 人、2 套房屋", second.ToString(), StringComparison.Ordinal);
        Assert.Contains("本次新增 0 人、0 套房屋", third.ToString(), StringComparison.Ordinal);
        Assert.Equal(10, await factory.WithDbAsync(db => db.EmbeddedCitizens.CountAsync(c => c.Key.StartsWith(LoadPopulation.KeyPrefix))));
        Assert.Equal(5, await factory.WithDbAsync(db => db.EmbeddedProperties.CountAsync(p => p.Key.StartsWith(LoadPopulation.KeyPrefix))));
    }

    [Fact]
    public void ThePopulation_HasValidAndDistinctIdNumbersAndPhones_ForThousandsOfJourneys()
    {
        var people = Enumerable.Range(0, 5000).SelectMany(j => new[] { LoadPopulation.Seller(j), LoadPopulation.Buyer(j) }).ToList();
        var demoPhones = DemoData.Set.Citizens.Select(c => c.Phone).ToHashSet();

        Assert.All(people, p => Assert.True(IdNumber.TryParse(IdType.ResidentIdCard, p.IdNumber, out _, out var error), error));
        Assert.All(people, p => Assert.True(PhoneNumber.TryParse(p.Phone, out _, out var error), error));
        Assert.Equal(people.Count, people.Select(p => p.IdNumber).Distinct().Count());
        Assert.Equal(people.Count, people.Select(p => p.Phone).Distinct().Count());
        Assert.DoesNotContain(people, p => demoPhones.Contains(p.Phone));
        Assert.Equal(5000, Enumerable.Range(0, 5000).Select(j => LoadPopulation.Home(j).CertificateNumber).Distinct().Count());
    }

    private static DemoCitizen Citizen(LoadPerson person) => new()
    {
        Key = person.Key,
        Name = person.Name,
        IdType = IdType.ResidentIdCard,
        IdNumber = person.IdNumber,
        Phone = person.Phone,
    };
}
