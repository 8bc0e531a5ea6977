using System.Globalization;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Signatures;
using Wuhan.Resale.Domain.Common;

namespace Wuhan.Resale.Web.Pdf.Signing;

/// <summary>
/// Signs a contract PDF with the bureau's certificate through PDFsharp's own digital-signature support: a detached
/// CMS signature (SHA-256) over the whole file except the signature itself, shown as a red seal on the page with the
/// parties' signatures (the last page, unless an annex follows).
/// The contract's number and content fingerprint go into the document information, inside the signed bytes.
/// </summary>
public sealed class ContractSigner(BureauCertificate certificate, IOptions<ContractSigningOptions> options, TimeProvider clock)
{
    /// <summary>Document information keys 合同验真 reads back from a file whose signature is ours.</summary>
    public const string NumberKey = "/WuhanContractNumber";

    public const string FingerprintKey = "/WuhanContentFingerprint";

    private const double SealRight = 56.7;
    private const double SealBottom = 40;

    public BureauCertificate Certificate => certificate;

    /// <summary>Prepares <paramref name="pdf"/> so that saving it signs it; call after the last page is drawn.</summary>
    /// <param name="sealPage">The page the seal is drawn on; the signature covers the whole file whichever it is.</param>
    internal void Attach(PdfDocument pdf, ContractDocument document, int sealPage)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(document);
        if (document.IsDraft)
        {
            throw new InvalidOperationException("A draft is never signed.");
        }

        pdf.Info.Elements.SetString(NumberKey, document.ContractNumber!);
        pdf.Info.Elements.SetString(FingerprintKey, ContractFingerprint.Of(document));

        var settings = options.Value;
        var signedAt = ShanghaiTime.ToShanghai(clock.GetUtcNow());
        ArgumentOutOfRangeException.ThrowIfNegative(sealPage);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sealPage, pdf.PageCount);
        var page = pdf.Pages[sealPage];
        var signer = new PdfSharpDefaultSigner(certificate.Certificate, PdfMessageDigestType.SHA256, settings.TimestampAuthorityUrl);
        DigitalSignatureHandler.ForDocument(pdf, signer, new DigitalSignatureOptions
        {
            PageIndex = sealPage,

            // PDF user space: the origin is the page's lower left corner.
            Rectangle = new XRect(page.Width.Point - SealRight - SealAppearance.Width, SealBottom, SealAppearance.Width, SealAppearance.Height),
            AppearanceHandler = new SealAppearance(
                certificate.CommonName,
                "签章时间：" + signedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
            Reason = settings.Reason,
            Location = settings.Location,
            ContactInfo = certificate.CommonName,
            AppName = "Wuhan.Resale",
        });
    }
}
