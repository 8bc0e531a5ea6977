using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.IntegrationTests.Pdf;
using Wuhan.Resale.Testing;
using Wuhan.Resale.Web.Pdf;
using Wuhan.Resale.Web.Pdf.Signing;

namespace Wuhan.Resale.IntegrationTests.Verification;

/// <summary>合同验真 by file: a bank or the other party uploads the PDF they were handed.</summary>
public sealed class VerifyUploadTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    private readonly PortalFactory _factory = new() { Clock = new FakeTimeProvider(Start) };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TheDownloadedContract_IsSignedByTheBureau_AndVerifiesAsGenuine_WithItsCurrentFacts()
    {
        var (seller, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        var pdf = await DownloadAsync(seller.Client, contractId);
        var again = await DownloadAsync(seller.Client, contractId);
        var report = PdfText.Signatures(pdf);
        var auditBefore = await _factory.WithDbAsync(db => db.AuditEvents.CountAsync());

        var (status, page) = await UploadAsync("合同.pdf", pdf);

        Assert.Contains("Signature Validation: Signature is Valid.", report, StringComparison.Ordinal);
        Assert.Contains("Signer Certificate Common Name: " + BureauCertificate.DemoCommonName, report, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("签章有效", Text(page, "#verify-verdict"));
        Assert.Equal(number, Text(page, "#contract-number"));
        Assert.Equal("有效", Text(page, "#contract-status"));
        Assert.Equal("1,280,000.00 元", Text(page, "#contract-price"));
        Assert.Contains("周**", Text(page, "#verified-parties"), StringComparison.Ordinal);
        Assert.DoesNotContain("周文涛", page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoData.Citizen("buyer-1").IdNumber, page.Body.InnerHtml, StringComparison.Ordinal);
        Assert.Equal("文件内容与网签系统中该合同的记录一致。", Text(page, "#content-match"));
        Assert.Equal(auditBefore, await _factory.WithDbAsync(db => db.AuditEvents.CountAsync()));

        // ECDSA signatures differ on every signing: the same bytes twice means the signed file was kept, not made again.
        Assert.Equal(pdf, again);
    }

    [Fact]
    public async Task AGenuineFile_WhoseContractRecordChangedSince_IsGenuineButSaysTheContentNoLongerMatches()
    {
        var (seller, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        var pdf = await DownloadAsync(seller.Client, contractId);
        await _factory.WithDbAsync(db => db.Districts.ExecuteUpdateAsync(s => s.SetProperty(d => d.Name, d => d.Name + "（已调整）")));

        var (_, page) = await UploadAsync("合同.pdf", pdf);

        Assert.Equal("签章有效", Text(page, "#verify-verdict"));
        Assert.Equal(number, Text(page, "#contract-number"));
        Assert.Contains("不一致", Text(page, "#content-match"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneChangedByte_MakesPdfsigAndTheUploadSayTheFileWasAltered()
    {
        var (seller, _, contractId, _) = await FiledContract.CreateAsync(_factory, "seller-two-homes", "home-dxh-clean", "buyer-2");
        var pdf = await DownloadAsync(seller.Client, contractId);

        // The price's last digit in the text would be the forger's choice; any byte inside the signed range will do.
        var altered = (byte[])pdf.Clone();
        altered[pdf.AsSpan(3000).IndexOf("stream\n"u8) + 3000 + 50] ^= 0x20;
        var (status, page) = await UploadAsync("合同.pdf", altered);

        Assert.Matches(@"Signature Validation: (Signature is Invalid|Digest Mismatch)\.", PdfText.Signatures(altered));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("文件已被修改", Text(page, "#verify-verdict"));
        Assert.Null(page.QuerySelector("#contract-number"));
    }

    [Fact]
    public async Task APdfSignedWithAnotherSelfMadeCertificate_IsNotOurs()
    {
        var pfx = BureauCertificate.CreateSelfSigned(BureauCertificate.DemoCommonName, BureauCertificate.DemoMarker, Start);
        var impostor = new BureauCertificate(X509CertificateLoader.LoadPkcs12(pfx, password: null, X509KeyStorageFlags.EphemeralKeySet));
        var signer = new ContractSigner(impostor, Options.Create(new ContractSigningOptions()), new FakeTimeProvider(Start));
        var forged = await _factory.Services.GetRequiredService<ContractPdfRenderer>()
            .RenderSignedAsync(ContractDocumentSamples.Typical(), revokedWatermark: false, signer);

        var (status, page) = await UploadAsync("合同.pdf", forged);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("不是本平台签发的合同", Text(page, "#verify-verdict"));
        Assert.Null(page.QuerySelector("#contract-number"));
    }

    [Fact]
    public async Task ARevokedContractsPdf_BeforeAndAfterTheRevocation_IsGenuine_AndShowsRevoked()
    {
        var (seller, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-wedz", "home-wedz", "buyer-3");
        var before = await DownloadAsync(seller.Client, contractId);
        await _factory.WithDbAsync(async db =>
        {
            var contract = await db.Contracts.SingleAsync(c => c.Id == contractId);
            contract.Revoke(await db.Listings.SingleAsync(l => l.Id == contract.ListingId), "买方柯**", Start.AddHours(1));
            return await db.SaveChangesAsync();
        });
        var after = await DownloadAsync(seller.Client, contractId);

        var (_, oldCopy) = await UploadAsync("合同.pdf", before);
        var (_, revokedCopy) = await UploadAsync("合同.pdf", after);

        Assert.Contains("Signature is Valid.", PdfText.Signatures(after), StringComparison.Ordinal);
        Assert.NotEqual(before, after);
        foreach (var page in new[] { oldCopy, revokedCopy })
        {
            Assert.Equal("签章有效", Text(page, "#verify-verdict"));
            Assert.Equal(number, Text(page, "#contract-number"));
            Assert.Equal("已撤销", Text(page, "#contract-status"));
        }
    }

    [Fact]
    public async Task ADraftPreview_IsNeverSigned_AndIsNotTakenForAContract()
    {
        var (seller, _, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        using var response = await seller.Client.GetAsync(new Uri($"/contracts/{contractId}/preview", UriKind.Relative));
        var draft = await response.Content.ReadAsByteArrayAsync();

        var (_, page) = await UploadAsync("草稿.pdf", draft);

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("does not contain any signatures", PdfText.Signatures(draft), StringComparison.Ordinal);
        Assert.Equal("不是本平台签发的合同", Text(page, "#verify-verdict"));
        Assert.Contains("没有电子签章", Text(page, "#verify-explanation"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOversizedAnEmptyOrANonPdfUpload_GetsAClearMessage_NeverAServerError()
    {
        var oversized = new byte[(5 * 1024 * 1024) + 1];
        "%PDF-1.7\n"u8.CopyTo(oversized);

        var (bigStatus, big) = await UploadAsync("大文件.pdf", oversized);
        var (textStatus, text) = await UploadAsync("合同.docx", Encoding.UTF8.GetBytes("这是一份文字文件，不是PDF"));
        var (emptyStatus, empty) = await UploadAsync("空.pdf", []);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, bigStatus);
        Assert.Contains("文件超过 5 MB", Forms.FieldError(big, "File"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, textStatus);
        Assert.Contains("不是PDF文件", Forms.FieldError(text, "File"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, emptyStatus);
        Assert.Equal("请选择要核验的合同PDF文件。", Forms.FieldError(empty, "File"));
        Assert.All(new[] { big, text, empty }, page => Assert.Null(page.QuerySelector("#verify-verdict")));
    }

    [Fact]
    public async Task AnUploadWithoutTheFormsToken_IsRefusedWithAMessage()
    {
        using var client = _factory.CreateClient();
        using var content = new MultipartFormDataContent { { new ByteArrayContent(ContractPdf()), "File", "合同.pdf" } };

        using var response = await client.PostAsync(new Uri("/verify", UriKind.Relative), content);
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("页面已过期", Forms.FieldError(page, "File"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uploads_AreRateLimitedPerAddress()
    {
        using var limited = new PortalFactory { Clock = new FakeTimeProvider(Start) };
        limited.Settings["ContractSigning:UploadsPerMinute"] = "2";
        using var client = limited.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var (status, _) = await UploadAsync(client, "合同.pdf", ContractPdf());
            statuses.Add(status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    private static byte[] ContractPdf() => new ContractPdfRenderer().Render(ContractDocumentSamples.Typical());

    private static async Task<byte[]> DownloadAsync(HttpClient client, Guid contractId)
    {
        using var response = await client.GetAsync(new Uri($"/contracts/{contractId}/pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<(HttpStatusCode Status, IHtmlDocument Page)> UploadAsync(string fileName, byte[] bytes)
    {
        using var client = _factory.CreateClient();
        return await UploadAsync(client, fileName, bytes);
    }

    /// <summary>Opens /verify as a visitor would and posts its form with the file, antiforgery token included.</summary>
    private static async Task<(HttpStatusCode Status, IHtmlDocument Page)> UploadAsync(HttpClient client, string fileName, byte[] bytes)
    {
        var form = await Forms.GetDocumentAsync(client, "/verify");
        var token = form.QuerySelector("form[action='/verify'] input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The upload form has no antiforgery token.");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "application/octet-stream");
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "File", fileName } };
        using var response = await client.PostAsync(new Uri("/verify", UriKind.Relative), content);
        Assert.True((int)response.StatusCode < 500, $"server error {response.StatusCode}");
        return (response.StatusCode, await Forms.ParseAsync(response));
    }

    private static string? Text(IHtmlDocument page, string selector) => page.QuerySelector(selector)?.TextContent.Trim();
}
