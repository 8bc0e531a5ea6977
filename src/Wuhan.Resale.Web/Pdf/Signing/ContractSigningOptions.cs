namespace Wuhan.Resale.Web.Pdf.Signing;

/// <summary>
/// Configuration section "ContractSigning": which certificate signs the contract PDFs. Production names a PFX file
/// (<see cref="CertificatePath"/> and <see cref="CertificatePassword"/>, the password through the environment) or a
/// certificate in the operating system's store (<see cref="StoreThumbprint"/>). Nothing configured outside Production:
/// a demo certificate is created once in the data folder's <c>keys</c> folder.
/// </summary>
public sealed class ContractSigningOptions
{
    public const string SectionName = "ContractSigning";

    /// <summary>A PKCS#12 (.pfx/.p12) file holding the bureau's certificate and its private key.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PFX password; set it as the environment variable <c>ContractSigning__CertificatePassword</c>.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The SHA-1 thumbprint of a certificate in the "My" store (used when no PFX path is set).</summary>
    public string? StoreThumbprint { get; set; }

    /// <summary><c>CurrentUser</c> or <c>LocalMachine</c>.</summary>
    public string StoreLocation { get; set; } = "CurrentUser";

    /// <summary>An RFC 3161 time-stamp authority; unset means no time stamp is requested.</summary>
    public Uri? TimestampAuthorityUrl { get; set; }

    /// <summary>Written into the signature as its reason.</summary>
    public string Reason { get; set; } = "存量房买卖合同网签备案";

    /// <summary>Written into the signature as its place.</summary>
    public string Location { get; set; } = "武汉市";

    /// <summary>合同验真 refuses uploads larger than this.</summary>
    public int MaxUploadBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>
    /// The memory the signed PDFs of downloaded contracts may take (about 180 KB each), so that downloading an unchanged
    /// contract again neither renders nor signs it; the least recently used go first.
    /// </summary>
    public int SignedPdfCacheMegabytes { get; set; } = 64;

    /// <summary>合同验真 uploads per minute per client address.</summary>
    public int UploadsPerMinute { get; set; } = 20;
}
