using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Wuhan.Resale.Web.Pdf.Signing;

/// <summary>The bureau's signing certificate with its private key, loaded once at start-up.</summary>
public sealed class BureauCertificate
{
    /// <summary>The organisational unit every demo certificate carries; Production refuses a certificate naming it.</summary>
    public const string DemoMarker = "演示证书";

    public const string DemoCommonName = "武汉市住房保障和房屋管理局（演示）";

    private const string DemoFileName = "contract-signing-demo.pfx";

    public BureauCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"The contract signing certificate {certificate.Subject} has no private key.");
        }

        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>The certificate's common name, e.g. 武汉市住房保障和房屋管理局.</summary>
    public string CommonName => Certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

    public bool IsDemo => IsDemoCertificate(Certificate);

    public static bool IsDemoCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.SubjectName.Name.Contains("演示", StringComparison.Ordinal);
    }

    /// <summary>True when <paramref name="other"/> is this very certificate (same bytes, so the same key and subject).</summary>
    public bool IsSameAs(X509Certificate2? other) => other is not null && other.RawDataMemory.Span.SequenceEqual(Certificate.RawDataMemory.Span);

    /// <summary>
    /// A configured PFX or store certificate wins. Without one, Production refuses to start; elsewhere a demo certificate
    /// (ECDSA P-256, self-signed) is created once in <c>keys/</c> of the data folder and reused on every start.
    /// </summary>
    public static BureauCertificate Load(ContractSigningOptions options, string dataDirectory, bool isProduction, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        var configured = Configured(options);
        if (configured is not null)
        {
            if (isProduction && IsDemoCertificate(configured))
            {
                throw new InvalidOperationException(
                    $"ContractSigning: the configured certificate \"{configured.Subject}\" is a demo certificate; Production needs the bureau's own.");
            }

            return new BureauCertificate(configured);
        }

        if (isProduction)
        {
            throw new InvalidOperationException(
                "ContractSigning:CertificatePath (with ContractSigning__CertificatePassword in the environment) or " +
                "ContractSigning:StoreThumbprint must be configured in Production; the demo certificate is refused there.");
        }

        return new BureauCertificate(DemoCertificate(Path.Combine(dataDirectory, "keys", DemoFileName), clock));
    }

    private static X509Certificate2? Configured(ContractSigningOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(
                options.CertificatePath, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
        }

        if (string.IsNullOrWhiteSpace(options.StoreThumbprint))
        {
            return null;
        }

        var location = Enum.Parse<StoreLocation>(options.StoreLocation, ignoreCase: true);
        using var store = new X509Store(StoreName.My, location);
        store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
        var found = store.Certificates.Find(X509FindType.FindByThumbprint, options.StoreThumbprint.Replace(" ", string.Empty, StringComparison.Ordinal), validOnly: false);
        return found.Count == 1
            ? found[0]
            : throw new InvalidOperationException($"ContractSigning:StoreThumbprint {options.StoreThumbprint} is not in the {location} My store.");
    }

    private static X509Certificate2 DemoCertificate(string path, TimeProvider clock)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temp, CreateDemo(clock.GetUtcNow()));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            // Two instances starting together on a fresh folder: the first rename wins and both read the winner.
            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temp);
            }
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, password: null, X509KeyStorageFlags.EphemeralKeySet);
    }

    /// <summary>A self-signed demo certificate as PFX bytes without a password (the file is readable by its owner only).</summary>
    public static byte[] CreateDemo(DateTimeOffset now) => CreateSelfSigned(DemoCommonName, DemoMarker, now);

    /// <summary>A self-signed ECDSA P-256 signing certificate as PFX bytes (no password), valid from a month before <paramref name="now"/>.</summary>
    public static byte[] CreateSelfSigned(string commonName, string organisationalUnit, DateTimeOffset now)
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("CN");
        name.AddOrganizationName("武汉市存量房自行交易合同网签");
        name.AddOrganizationalUnitName(organisationalUnit);
        name.AddCommonName(commonName);

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var certificate = request.CreateSelfSigned(now.AddDays(-30), now.AddYears(10));
        return certificate.Export(X509ContentType.Pkcs12);
    }
}
