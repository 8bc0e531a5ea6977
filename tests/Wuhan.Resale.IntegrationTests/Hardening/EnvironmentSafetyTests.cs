using System.Net;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data.PersonalData;

namespace Wuhan.Resale.IntegrationTests.Hardening;

/// <summary>Production starts only with production settings; the demo conveniences live in Development and Demo only.</summary>
public sealed class EnvironmentSafetyTests
{
    [Theory]
    [InlineData("Integrations:CitizenRegistry:Mode", "Embedded", "Integrations:CitizenRegistry:Mode")]
    [InlineData("Integrations:PropertyRegistry:Mode", "Embedded", "Integrations:PropertyRegistry:Mode")]
    [InlineData("Integrations:Sms:Mode", "Embedded", "Integrations:Sms:Mode")]
    [InlineData("Database:SeedDemoData", "true", "Database:SeedDemoData")]
    [InlineData("Portal:PublicBaseUrl", "", "Portal:PublicBaseUrl")]
    [InlineData("Portal:PublicBaseUrl", "http://portal.example", "Portal:PublicBaseUrl")]
    [InlineData("AllowedHosts", "*", "AllowedHosts")]
    [InlineData("DataProtection:Certificate", "", "DataProtection:CertificatePath")]
    [InlineData("LogRetention:RetainedDays", "30", "LogRetention:RetainedDays")]
    [InlineData("DevSmsInbox:Enabled", "true", "DevSmsInbox:Enabled")]
    [InlineData("Captcha:FixedAnswer", "TEST", "Captcha:FixedAnswer")]
    public void Production_RefusesToStart_WithEachUnsafeSetting_NamingIt(string key, string value, string named)
    {
        using var factory = new PortalFactory(environment: "Production");
        factory.Settings[key] = value;

        var ex = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("refuses to start in Production", ex.ToString(), StringComparison.Ordinal);
        Assert.Contains(named, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Production_RefusesToStart_WithThePersonalDataKeyFileInsideTheDataFolder()
    {
        using var factory = new PortalFactory(environment: "Production");
        var keyFile = PersonalDataKeys.KeyFilePath(factory.DataDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        File.WriteAllText(keyFile, "{}");

        var ex = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("personal-data key file lies inside the data folder", ex.ToString(), StringComparison.Ordinal);
        Assert.Contains("PersonalData:EncryptionKey", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithEverythingSet_StartsAndServes()
    {
        using var factory = new PortalFactory(environment: "Production");
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/staff/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Staging_HasNoSmsInbox_NoDemoStaff_AndRefusesAFixedCaptcha()
    {
        using (var refused = new PortalFactory(environment: "Staging"))
        {
            var ex = Assert.ThrowsAny<Exception>(() => refused.Services);
            Assert.Contains("Captcha:FixedAnswer", ex.ToString(), StringComparison.Ordinal);
        }

        using var factory = new PortalFactory(environment: "Staging");
        factory.Settings["Captcha:FixedAnswer"] = "";
        using var client = factory.CreateClient();

        using var inbox = await client.GetAsync(new Uri("/dev/sms", UriKind.Relative));
        var users = await factory.WithDbAsync(db => db.Users.Select(u => u.UserName).ToListAsync());

        Assert.Equal(HttpStatusCode.NotFound, inbox.StatusCode);
        Assert.DoesNotContain(DemoData.Set.Staff[0].UserName, users);
        Assert.Empty(await factory.WithDbAsync(db => db.Partners.ToListAsync()));
    }

    [Fact]
    public async Task Demo_HasTheInbox_OnLoopback()
    {
        using var factory = new PortalFactory(environment: "Demo");
        using var client = factory.CreateClient();

        using var inbox = await client.GetAsync(new Uri("/dev/sms", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
    }

    [Fact]
    public void Demo_RefusesAPublicAddress_UnlessDeclaredADemoServer()
    {
        using (var refused = new PortalFactory(environment: "Demo"))
        {
            refused.Settings["urls"] = "http://0.0.0.0:8080";
            var ex = Assert.ThrowsAny<Exception>(() => refused.Services);
            Assert.Contains("Demo:PublicDemoServer", ex.ToString(), StringComparison.Ordinal);
        }

        using var declared = new PortalFactory(environment: "Demo");
        declared.Settings["urls"] = "http://0.0.0.0:8080";
        declared.Settings["Demo:PublicDemoServer"] = "true";
        Assert.NotNull(declared.Services);

        using var loopback = new PortalFactory(environment: "Demo");
        loopback.Settings["urls"] = "http://localhost:5047;http://127.0.0.1:5048";
        Assert.NotNull(loopback.Services);
    }
}
