using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Pdf.Signing;

namespace Wuhan.Resale.IntegrationTests.Pdf;

/// <summary>Which certificate signs the contracts: a demo one made once outside Production, never the demo one in Production.</summary>
public sealed class SigningCertificateTests
{
    [Fact]
    public void OutsideProduction_ADemoCertificateIsCreatedOnce_InTheKeysFolder_AndKeptAcrossRestarts()
    {
        var folder = PortalFactory.NewDataDirectory();
        try
        {
            string first;
            using (var factory = new PortalFactory(folder))
            {
                var certificate = factory.Services.GetRequiredService<BureauCertificate>();
                first = certificate.Certificate.Thumbprint;
                Assert.True(certificate.IsDemo);
                Assert.Equal(BureauCertificate.DemoCommonName, certificate.CommonName);
            }

            using var restarted = new PortalFactory(folder);
            var again = restarted.Services.GetRequiredService<BureauCertificate>();

            Assert.Equal(first, again.Certificate.Thumbprint);
            Assert.True(File.Exists(Path.Combine(folder, "keys", "contract-signing-demo.pfx")));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "keys", "contract-signing-demo.pfx")));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Production_SignsWithTheConfiguredPfx()
    {
        using var factory = new PortalFactory(environment: "Production");

        var certificate = factory.Services.GetRequiredService<BureauCertificate>();

        Assert.False(certificate.IsDemo);
        Assert.Equal("武汉市住房保障和房屋管理局（测试）", certificate.CommonName);
    }

    [Fact]
    public void Production_SignsWithACertificateFromTheOperatingSystemStore()
    {
        var pfx = BureauCertificate.CreateSelfSigned("武汉市住房保障和房屋管理局（证书库测试）", "测试证书", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var stored = X509CertificateLoader.LoadPkcs12(pfx, password: null, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.PersistKeySet);
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        store.Add(stored);
        try
        {
            using var factory = new PortalFactory(environment: "Production");
            factory.Settings["ContractSigning:CertificatePath"] = "";
            factory.Settings["ContractSigning:StoreThumbprint"] = stored.Thumbprint.ToLowerInvariant();
            factory.Settings["ContractSigning:StoreLocation"] = "CurrentUser";

            var certificate = factory.Services.GetRequiredService<BureauCertificate>();

            Assert.Equal(stored.Thumbprint, certificate.Certificate.Thumbprint);
            Assert.True(certificate.Certificate.HasPrivateKey);
        }
        finally
        {
            store.Remove(stored);
        }
    }

    [Fact]
    public void Production_RefusesToStart_WithoutACertificate()
    {
        using var factory = new PortalFactory(environment: "Production");
        factory.Settings["ContractSigning:CertificatePath"] = "";

        var ex = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("ContractSigning:CertificatePath", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Production_RefusesToStart_WithTheDemoCertificate()
    {
        using var factory = new PortalFactory(environment: "Production");
        var demo = Path.Combine(factory.DataDirectory, "demo.pfx");
        File.WriteAllBytes(demo, BureauCertificate.CreateDemo(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)));
        factory.Settings["ContractSigning:CertificatePath"] = demo;

        var ex = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("demo certificate", ex.ToString(), StringComparison.Ordinal);
    }
}
