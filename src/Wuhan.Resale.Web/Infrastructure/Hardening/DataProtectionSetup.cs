using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Infrastructure.Hardening;

/// <summary>
/// The framework's data-protection keys (cookies, antiforgery, revocation tickets) stay in the database so that
/// instances share them, but each key is encrypted with a certificate kept elsewhere: a copy of the database alone
/// forges nothing. Production must configure the certificate (<see cref="CertificatePathKey"/> with
/// <see cref="CertificatePasswordKey"/>, or <see cref="CertificateKey"/> as base64 PKCS#12 from a secret store);
/// elsewhere one is generated once beside the personal-data key file.
/// </summary>
public static class DataProtectionSetup
{
    public const string CertificatePathKey = "DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";
    public const string CertificateKey = "DataProtection:Certificate";

    public static IServiceCollection AddPortalDataProtection(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var certificate = LoadCertificate(configuration, environment, dataDirectory);
        services.AddDataProtection()
            .SetApplicationName("Wuhan.Resale")
            .PersistKeysToDbContext<ResaleDbContext>()
            .ProtectKeysWithCertificate(certificate)
            .UnprotectKeysWithAnyCertificate(certificate);
        return services;
    }

    public static bool IsConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[CertificatePathKey]) || !string.IsNullOrWhiteSpace(configuration[CertificateKey]);
    }

    public static X509Certificate2 LoadCertificate(IConfiguration configuration, IHostEnvironment environment, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var password = configuration[CertificatePasswordKey];
        if (configuration[CertificateKey] is { Length: > 0 } encoded)
        {
            return Load(Convert.FromBase64String(encoded), password);
        }

        if (configuration[CertificatePathKey] is { Length: > 0 } path)
        {
            return Load(File.ReadAllBytes(path), password);
        }

        if (environment.IsProduction())
        {
            throw new InvalidOperationException(
                $"{CertificatePathKey} (with {CertificatePasswordKey}) or {CertificateKey} must be configured in Production: " +
                "the certificate that encrypts the data-protection keys stored in the database.");
        }

        return Load(GeneratedCertificate(Path.Combine(dataDirectory, "keys", "data-protection.pfx")), null);
    }

    /// <summary>A self-signed RSA certificate, created once with owner-only permissions and reused on every start.</summary>
    public static byte[] GeneratedCertificate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path))
        {
            return File.ReadAllBytes(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = CreateSelfSigned();
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temp, bytes);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }

        return File.ReadAllBytes(path);
    }

    /// <summary>PKCS#12 bytes (no password) of a new self-signed certificate for key encryption.</summary>
    public static byte[] CreateSelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Wuhan.Resale data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(20));
        return certificate.Export(X509ContentType.Pkcs12);
    }

    private static X509Certificate2 Load(byte[] pkcs12, string? password)
    {
        var certificate = X509CertificateLoader.LoadPkcs12(pkcs12, password, X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"The data-protection certificate ({CertificatePathKey} / {CertificateKey}) has no private key.");
        }

        return certificate;
    }
}
