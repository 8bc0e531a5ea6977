using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.Pages;

public sealed class ProductionSeedingTests
{
    [Fact]
    public async Task Production_NeverCreatesTheDemoStaffAccounts_ButBootstrapsAConfiguredAdministrator()
    {
        using var factory = new PortalFactory(environment: "Production");
        factory.Settings["Bootstrap:AdminUserName"] = "city-admin";
        factory.Settings["Bootstrap:AdminPassword"] = "A-long-bootstrap-passw0rd";

        var names = await factory.WithDbAsync(db => db.Users.Select(u => u.UserName).ToListAsync());

        Assert.Equal(["city-admin"], names);
        Assert.DoesNotContain(DemoData.Set.Staff[0].UserName, names);
    }
}
