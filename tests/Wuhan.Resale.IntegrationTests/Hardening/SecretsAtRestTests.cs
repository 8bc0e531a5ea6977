using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.IntegrationTests.Hardening;

/// <summary>A copy of the database alone yields no SMS code and cannot forge cookies.</summary>
public sealed class SecretsAtRestTests
{
    private const string Text = "【武汉房产网签】验证码482913（5分钟内有效），成交价850000元。查看合同：https://portal.test/sign/Ab3_kQ9-zz81LmNoPq 。";

    [Fact]
    public async Task SmsTexts_AreStoredWithTheCodeAndLinkMasked_WhileTheDevelopmentInboxShowsThem()
    {
        using var factory = new PortalFactory();
        await SendAsync(factory, "14000000021", Text);
        using var client = factory.CreateClient();

        var stored = await factory.WithDbAsync(db => db.SmsMessages.Select(m => m.Text).SingleAsync());
        var inbox = await client.GetStringAsync(new Uri("/dev/sms?format=json&phone=14000000021", UriKind.Relative));

        Assert.DoesNotContain("482913", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Ab3_kQ9-zz81LmNoPq", stored, StringComparison.Ordinal);
        Assert.Contains("验证码******", stored, StringComparison.Ordinal);
        Assert.Contains("成交价850000元", stored, StringComparison.Ordinal);
        Assert.Contains("482913", inbox, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_KeepsNoReadableCodeAnywhere()
    {
        using var factory = new PortalFactory(environment: "Production");
        factory.Settings["Integrations:Sms:Mode"] = "Embedded";
        factory.Settings["Integrations:Sms:BaseUrl"] = "";
        // Embedded SMS is refused in Production, so this only shows that the refusal names it.
        var ex = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("Integrations:Sms:Mode", ex.ToString(), StringComparison.Ordinal);

        using var staging = new PortalFactory(environment: "Staging");
        staging.Settings["Captcha:FixedAnswer"] = "";
        await SendAsync(staging, "14000000022", Text);
        var outbox = staging.Services.GetRequiredService<Web.Messaging.DevSmsOutbox>().Newest();
        var stored = await staging.WithDbAsync(db => db.SmsMessages.Select(m => m.Text).SingleAsync());

        Assert.Empty(outbox);
        Assert.DoesNotContain("482913", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataProtectionKeys_AreEncrypted_WithACertificateGeneratedOutsideTheDatabase()
    {
        using var factory = new PortalFactory();
        factory.Settings["DataProtection:Certificate"] = "";
        using var client = factory.CreateClient();

        using var page = await client.GetAsync(new Uri("/staff/login", UriKind.Relative));
        var keys = await factory.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "keys", "data-protection.pfx")));
    }

    [Fact]
    public async Task ACopiedDatabase_WithoutTheCertificate_CannotReadTheSessionCookie()
    {
        var folder = PortalFactory.NewDataDirectory();
        var jar = new System.Net.CookieContainer();
        using (var first = new PortalFactory(folder))
        {
            using var client = await StaffLogin.SignInAsync(first, "admin", jar);
            using var home = await client.GetAsync(new Uri("/staff", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }

        using var stranger = new PortalFactory(folder);
        stranger.Settings["DataProtection:Certificate"] = Convert.ToBase64String(Web.Infrastructure.Hardening.DataProtectionSetup.CreateSelfSigned());
        using var replay = CookieJars.Replay(stranger, CookieJars.Copy(jar));

        using var response = await replay.GetAsync(new Uri("/staff", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task SendAsync(PortalFactory factory, string phone, string text)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISmsGateway>().SendAsync(PhoneNumber.Parse(phone), text, "Test", CancellationToken.None);
    }
}
