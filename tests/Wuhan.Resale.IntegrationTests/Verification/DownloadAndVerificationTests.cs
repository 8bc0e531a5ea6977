using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.Verification;

public sealed class DownloadAndVerificationTests : IDisposable
{
    private readonly PortalFactory _factory = new() { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)) };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TheFiledContract_DownloadsAsAPdf_ForItsPartiesOnly()
    {
        var (seller, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        var list = await Forms.GetDocumentAsync(seller.Client, "/contracts");
        var link = list.QuerySelectorAll("a").First(a => a.TextContent == "下载合同").GetAttribute("href")!;

        using var response = await seller.Client.GetAsync(new Uri(link, UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = string.Join('\f', PdfText.Pages(bytes));
        var buyer = await new CitizenLogin(_factory).SignInAsync(DemoData.Citizen("buyer-1"));
        using var buyerCopy = await buyer.GetAsync(new Uri(link, UriKind.Relative));
        var stranger = await new CitizenLogin(_factory).SignInAsync(DemoData.Citizen("buyer-4"));
        using var strangerCopy = await stranger.GetAsync(new Uri(link, UriKind.Relative));

        Assert.Equal($"/contracts/{contractId}/pdf", link);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(number + ".pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(2, (await AuditLog.OfAsync(_factory, "contract.downloaded")).Count(e => e.EntityId == contractId.ToString() && e.ActorKind == Domain.Auditing.ActorKind.Citizen));
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains("周文涛", text, StringComparison.Ordinal);
        Assert.Contains("聂婉清", text, StringComparison.Ordinal);
        Assert.Contains("壹佰贰拾捌万元整", text, StringComparison.Ordinal);
        Assert.Contains("第 1 页 共", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, buyerCopy.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerCopy.StatusCode);
    }

    [Fact]
    public async Task TheVerificationPage_ShowsTheStatusWithMaskedParties_AndFollowsARevocation()
    {
        var (_, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-two-homes", "home-dxh-clean", "buyer-2");
        var token = await _factory.WithDbAsync(db => db.Contracts.Where(c => c.Id == contractId).Select(c => c.VerificationToken!).SingleAsync());
        using var anonymous = _factory.CreateClient();

        var valid = await Forms.GetDocumentAsync(anonymous, $"/verify/{token}");
        await _factory.WithDbAsync(async db =>
        {
            var contract = await db.Contracts.SingleAsync(c => c.Id == contractId);
            contract.Revoke(await db.Listings.SingleAsync(l => l.Id == contract.ListingId), "买方万**", _factory.Clock!.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        var revoked = await Forms.GetDocumentAsync(anonymous, $"/verify/{token}");
        using var byNumber = await anonymous.GetAsync(new Uri($"/verify/{Uri.EscapeDataString(number)}", UriKind.Relative));

        Assert.Equal("有效", valid.QuerySelector("#contract-status")?.TextContent.Trim());
        Assert.Equal(number, valid.QuerySelector("#contract-number")?.TextContent.Trim());
        Assert.Contains("胡**", valid.QuerySelector("#verified-parties")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoData.Citizen("seller-two-homes").IdNumber, valid.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("胡静怡", valid.Body.InnerHtml, StringComparison.Ordinal);
        Assert.Equal("已撤销", revoked.QuerySelector("#contract-status")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, byNumber.StatusCode);
        Assert.True(token.Length >= 24);
    }

    [Fact]
    public async Task ARevokedContract_DownloadsStampedRevokedOnEveryPage()
    {
        var (seller, _, contractId, _) = await FiledContract.CreateAsync(_factory, "seller-wedz", "home-wedz", "buyer-3");
        await _factory.WithDbAsync(async db =>
        {
            var contract = await db.Contracts.SingleAsync(c => c.Id == contractId);
            contract.Revoke(await db.Listings.SingleAsync(l => l.Id == contract.ListingId), "买方柯**", _factory.Clock!.GetUtcNow());
            return await db.SaveChangesAsync();
        });

        using var response = await seller.Client.GetAsync(new Uri($"/contracts/{contractId}/pdf", UriKind.Relative));
        var pages = PdfText.Pages(await response.Content.ReadAsByteArrayAsync()).Where(p => p.Trim().Length > 0).ToList();

        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.Contains("已撤销", page, StringComparison.Ordinal));
    }
}
