using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Testing;
using Wuhan.Resale.Web.Pdf;
using Wuhan.Resale.Web.Pdf.Signing;

namespace Wuhan.Resale.Web.UnitTests.Pdf;

/// <summary>The signed contract PDF as poppler's pdfsig (an independent reader) and our own 合同验真 check see it.</summary>
[Collection(TimedRendering.Name)]
public sealed class ContractSigningTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    private readonly ContractPdfRenderer _renderer = new();

    [Fact]
    public async Task ASignedContract_IsValidForPdfsig_WithTheBureauAsSigner_AndGenuineForTheVerifier()
    {
        var bureau = Certificate(BureauCertificate.CreateDemo(Now));
        var document = ContractDocumentSamples.Typical();

        var pdf = await _renderer.RenderSignedAsync(document, revokedWatermark: false, Signer(bureau));
        var report = PdfText.Signatures(pdf);
        var check = new ContractSignatureVerifier(bureau).Check(pdf);

        Assert.Contains("Signature Validation: Signature is Valid.", report, StringComparison.Ordinal);
        Assert.Contains("Signer Certificate Common Name: " + BureauCertificate.DemoCommonName, report, StringComparison.Ordinal);
        Assert.Contains("Signing Hash Algorithm: SHA-256", report, StringComparison.Ordinal);
        Assert.Contains("Total document signed", report, StringComparison.Ordinal);
        Assert.Equal(SignatureVerdict.Genuine, check.Verdict);
        Assert.Equal(ContractDocumentSamples.ContractNumber, check.ContractNumber);
        Assert.Equal(ContractFingerprint.Of(document), check.Fingerprint);
    }

    [Fact]
    public async Task TheSeal_IsDrawnOnTheLastPage_WithTheBureauNameAndSigningTimeInShanghai()
    {
        var bureau = Certificate(BureauCertificate.CreateDemo(Now));

        var pdf = await _renderer.RenderSignedAsync(ContractDocumentSamples.Typical(), revokedWatermark: false, Signer(bureau));
        var pages = PdfText.Pages(pdf);

        Assert.Contains("网签专用章", pages[^1], StringComparison.Ordinal);
        Assert.Contains("签章时间：2026-11-26 10:00", pages[^1], StringComparison.Ordinal);
        Assert.All(pages.SkipLast(1), page => Assert.DoesNotContain("网签专用章", page, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OneChangedByteInsideTheSignedRange_IsReportedAsAltered_ByPdfsigAndTheVerifier()
    {
        var bureau = Certificate(BureauCertificate.CreateDemo(Now));
        var pdf = await _renderer.RenderSignedAsync(ContractDocumentSamples.Typical(), revokedWatermark: false, Signer(bureau));

        var altered = (byte[])pdf.Clone();
        var inStream = IndexOf(altered, "stream\n", 2000) + 40;
        altered[inStream] ^= 0x01;
        var report = PdfText.Signatures(altered);

        Assert.DoesNotContain("Signature is Valid", report, StringComparison.Ordinal);
        // Poppler 22 says "Signature is Invalid." for a changed byte; newer releases name the "Digest Mismatch.".
        Assert.Matches(@"Signature Validation: (Signature is Invalid|Digest Mismatch)\.", report);
        Assert.Equal(SignatureVerdict.Altered, new ContractSignatureVerifier(bureau).Check(altered).Verdict);
    }

    [Fact]
    public async Task BytesAppendedAfterSigning_AreReportedAsAltered()
    {
        var bureau = Certificate(BureauCertificate.CreateDemo(Now));
        var pdf = await _renderer.RenderSignedAsync(ContractDocumentSamples.Typical(), revokedWatermark: false, Signer(bureau));

        var appended = pdf.Concat(Encoding.ASCII.GetBytes("\n% an incremental update would go here\n%%EOF\n")).ToArray();

        Assert.Equal(SignatureVerdict.Altered, new ContractSignatureVerifier(bureau).Check(appended).Verdict);
    }

    [Fact]
    public async Task APdfSignedByAnotherSelfMadeCertificate_WithTheSameName_IsNotOurs()
    {
        var bureau = Certificate(BureauCertificate.CreateDemo(Now));
        var impostor = Certificate(BureauCertificate.CreateSelfSigned(BureauCertificate.DemoCommonName, BureauCertificate.DemoMarker, Now));

        var forged = await _renderer.RenderSignedAsync(ContractDocumentSamples.Typical(), revokedWatermark: false, Signer(impostor));

        Assert.Contains("Signature is Valid", PdfText.Signatures(forged), StringComparison.Ordinal);
        Assert.Equal(SignatureVerdict.NotOurs, new ContractSignatureVerifier(bureau).Check(forged).Verdict);
    }

    [Fact]
    public async Task AnUnsignedContract_AndAFileThatIsNoPdf_AreToldApart()
    {
        var bureau = Certificate(BureauCertificate.CreateDemo(Now));
        var verifier = new ContractSignatureVerifier(bureau);

        var unsigned = _renderer.Render(ContractDocumentSamples.Typical());
        var draft = _renderer.RenderDraft(ContractDocumentSamples.Draft());

        Assert.Equal(SignatureVerdict.NoSignature, verifier.Check(unsigned).Verdict);
        Assert.Equal(SignatureVerdict.NoSignature, verifier.Check(draft).Verdict);
        Assert.Contains("does not contain any signatures", PdfText.Signatures(draft), StringComparison.Ordinal);
        Assert.Equal(SignatureVerdict.NotPdf, verifier.Check(Encoding.UTF8.GetBytes("合同.docx 其实是一段文字")).Verdict);
        Assert.Equal(SignatureVerdict.NotPdf, verifier.Check(Array.Empty<byte>()).Verdict);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _renderer.RenderSignedAsync(ContractDocumentSamples.Draft(), revokedWatermark: false, Signer(bureau)));
    }

    [Fact]
    public async Task Signing_AddsLittleToRendering()
    {
        var bureau = Certificate(BureauCertificate.CreateDemo(Now));
        var document = ContractDocumentSamples.Typical();
        var signer = Signer(bureau);
        var unsignedSize = _renderer.Render(document).Length;
        var signedSize = (await _renderer.RenderSignedAsync(document, revokedWatermark: false, signer)).Length;

        var plain = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++)
        {
            _renderer.Render(document);
        }

        plain.Stop();
        var signed = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++)
        {
            await _renderer.RenderSignedAsync(document, revokedWatermark: false, signer);
        }

        signed.Stop();
        output.WriteLine($"10 renders: {plain.ElapsedMilliseconds} ms unsigned, {signed.ElapsedMilliseconds} ms rendered and signed ({unsignedSize / 1024} KB unsigned, {signedSize / 1024} KB signed)");

        // Generous bounds for a shared 2-core machine: signing must not turn a ~15 ms render into a slow one.
        Assert.True(signed.Elapsed < (plain.Elapsed * 2) + TimeSpan.FromMilliseconds(200), $"plain {plain.ElapsedMilliseconds} ms, signed {signed.ElapsedMilliseconds} ms for 10");
    }

    private static BureauCertificate Certificate(byte[] pfx) =>
        new(X509CertificateLoader.LoadPkcs12(pfx, password: null, X509KeyStorageFlags.EphemeralKeySet));

    private static ContractSigner Signer(BureauCertificate certificate) =>
        new(certificate, Options.Create(new ContractSigningOptions()), new FakeTimeProvider(Now));

    private static int IndexOf(byte[] bytes, string text, int from)
    {
        var found = bytes.AsSpan(from).IndexOf(Encoding.ASCII.GetBytes(text));
        Assert.True(found >= 0, $"'{text.Trim()}' not found");
        return from + found;
    }
}

/// <summary>
/// <see cref="ContractSigningTests.Signing_AddsLittleToRendering"/> compares two timings: it runs alone, not beside the
/// captcha and PDF tests that render on every core at once.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedRendering
{
    public const string Name = "timed rendering";
}

