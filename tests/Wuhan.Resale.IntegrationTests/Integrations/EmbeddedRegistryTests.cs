using Microsoft.Extensions.DependencyInjection;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.IntegrationTests.Integrations;

public sealed class EmbeddedRegistryTests(EmbeddedRegistryTests.Fixture fixture) : IClassFixture<EmbeddedRegistryTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public PortalFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    [Theory]
    [InlineData("seller-clean", new[] { "home-clean" })]
    [InlineData("seller-two-homes", new[] { "home-dxh-clean", "home-mortgaged" })]
    [InlineData("co-owner-a", new[] { "home-co-owned" })]
    [InlineData("co-owner-b", new[] { "home-co-owned" })]
    [InlineData("seller-hidden", new[] { "home-hidden-visible" })]
    [InlineData("buyer-1", new string[0])]
    public async Task HomesQuery_ReturnsTheHomesRegisteredToThePerson(string citizenKey, string[] expectedHomes)
    {
        var homes = await UseAsync<IPropertyRegistry, IReadOnlyList<Domain.Properties.PropertyFacts>>(r => r.FindHomesOfAsync(IdOf(citizenKey), CancellationToken.None));

        Assert.Equal(
            expectedHomes.Select(k => DemoData.Property(k).CertificateNumber).Order(StringComparer.Ordinal),
            homes.Select(h => h.CertificateNumber).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task HomesQuery_CarriesEncumbrancesAndOwners()
    {
        var homes = await UseAsync<IPropertyRegistry, IReadOnlyList<Domain.Properties.PropertyFacts>>(r => r.FindHomesOfAsync(IdOf("seller-two-homes"), CancellationToken.None));

        var mortgaged = homes.Single(h => h.CertificateNumber == DemoData.Property("home-mortgaged").CertificateNumber);
        Assert.True(mortgaged.Encumbrances.Mortgaged);
        Assert.False(mortgaged.Encumbrances.Seized);
        var owner = Assert.Single(mortgaged.Owners);
        Assert.Equal(DemoData.Citizen("seller-two-homes").IdNumber, owner.IdNumber);
    }

    [Fact]
    public async Task CertificateLookup_FindsAHomeTheQueryLeavesOut()
    {
        var certificate = DemoData.Property("home-hidden").CertificateNumber;

        var home = await UseAsync<IPropertyRegistry, Domain.Properties.PropertyFacts?>(r => r.FindByCertificateAsync(" " + certificate + " ", CancellationToken.None));

        Assert.NotNull(home);
        Assert.Equal(DemoData.Citizen("seller-hidden").IdNumber, Assert.Single(home.Owners).IdNumber);
    }

    [Fact]
    public async Task CertificateLookup_ReturnsNothing_ForAnUnknownCertificate()
    {
        var home = await UseAsync<IPropertyRegistry, Domain.Properties.PropertyFacts?>(r => r.FindByCertificateAsync("鄂(2020)武汉市江岸不动产权第9999999号", CancellationToken.None));

        Assert.Null(home);
    }

    [Theory]
    [InlineData("seller-clean", null, null, CitizenCheck.Match)]
    [InlineData("seller-clean", "王某某", null, CitizenCheck.NameMismatch)]
    [InlineData("seller-clean", null, "13912345678", CitizenCheck.PhoneMismatch)]
    public async Task CitizenRegistry_ChecksNameIdAndPhoneTogether(string citizenKey, string? otherName, string? otherPhone, CitizenCheck expected)
    {
        var citizen = DemoData.Citizen(citizenKey);

        var result = await UseAsync<ICitizenRegistry, CitizenCheck>(r => r.CheckAsync(
            otherName ?? citizen.Name, IdOf(citizenKey), PhoneNumber.Parse(otherPhone ?? citizen.Phone), CancellationToken.None));

        Assert.Equal(expected, result);
    }

    [Fact]
    public async Task CitizenRegistry_DoesNotKnowAnIdNumberOutsideTheDemoSet()
    {
        var unknown = IdNumber.Parse(IdType.ResidentIdCard, "11010119491001001X");

        var result = await UseAsync<ICitizenRegistry, CitizenCheck>(r => r.CheckAsync("张三", unknown, PhoneNumber.Parse("14000000001"), CancellationToken.None));

        Assert.Equal(CitizenCheck.NotFound, result);
    }

    private static IdNumber IdOf(string citizenKey)
    {
        var c = DemoData.Citizen(citizenKey);
        return IdNumber.Parse(c.IdType, c.IdNumber);
    }

    private async Task<TResult> UseAsync<TService, TResult>(Func<TService, Task<TResult>> call)
        where TService : notnull
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
