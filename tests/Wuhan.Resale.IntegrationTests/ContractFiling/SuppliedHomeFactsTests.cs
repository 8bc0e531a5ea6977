using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.IntegrationTests.Pdf;
using static Wuhan.Resale.IntegrationTests.ContractFiling.DraftContract;

namespace Wuhan.Resale.IntegrationTests.ContractFiling;

/// <summary>
/// 卖方填报: when the registry lacks a fact of 第一条 the seller states it on the form, and it is marked as the seller's
/// on the form, the preview and the filed PDF; a fact the registry has stays read-only, whatever is posted.
/// </summary>
public sealed class SuppliedHomeFactsTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public SuppliedHomeFactsTests() => _factory = new PortalFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AFactTheRegistryLacks_IsAskedFor_MarkedAsTheSellers_AndRequiredBeforeFiling()
    {
        var (seller, id) = await OpenAsync(_factory, _clock.GetUtcNow());
        await ForgetHomeFactsAsync(_factory, id);
        var page = await PageAsync(seller, id, "home");

        var facts = page.GetElementById("home-facts")!;
        Assert.NotNull(facts.QuerySelector("input#SuppliedStructure"));
        Assert.NotNull(facts.QuerySelector("input#SuppliedLandArea"));
        Assert.NotNull(facts.QuerySelector("input#SuppliedCertificateIssuedOn"));
        Assert.Equal(3, facts.QuerySelectorAll(".cf-supplied").Count(m => m.TextContent == "卖方填报"));
        Assert.Null(facts.QuerySelector("input#SuppliedFloor"));
        using var check = await SubmitAsync(seller, page, CompleteForm(), ("Intent", Check));
        var checkedPage = await Forms.ParseAsync(check);

        Assert.Equal("第一条：不动产登记记录中没有房屋结构，请按房产证填写（卖方填报）。", Forms.FieldError(checkedPage, "SuppliedStructure"));
        Assert.StartsWith("第一条：不动产登记记录中没有分摊土地面积", Forms.FieldError(checkedPage, "SuppliedLandArea"), StringComparison.Ordinal);
        Assert.StartsWith("第一条：不动产登记记录中没有证书填发日期", Forms.FieldError(checkedPage, "SuppliedCertificateIssuedOn"), StringComparison.Ordinal);
        Assert.True(checkedPage.GetElementById("section-home")!.HasAttribute("open"));
    }

    [Fact]
    public async Task SuppliedFacts_AreSaved_AndPrintedMarkedOnThePreview()
    {
        var (seller, id) = await OpenAsync(_factory, _clock.GetUtcNow());
        await ForgetHomeFactsAsync(_factory, id);
        var page = await PageAsync(seller, id, "home");

        using var saved = await SubmitAsync(seller, page, CompleteFormWith(
            ("SuppliedStructure", "混合结构"), ("SuppliedLandArea", "10.5"), ("SuppliedCertificateIssuedOn", "2004-03-18")), ("Intent", Save));
        var reloaded = await PageAsync(seller, id, "home");
        using var preview = await seller.GetAsync(new Uri($"/contracts/{id}/preview", UriKind.Relative));
        var text = PdfText.BodyText(await preview.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var supplied = (await LoadAsync(_factory, id)).Terms.Supplied;
        Assert.Equal(("混合结构", 10.5m, new DateOnly(2004, 3, 18)), (supplied.Structure, supplied.LandArea, supplied.CertificateIssuedOn));
        Assert.Equal("混合结构", Value(reloaded, "SuppliedStructure"));
        Assert.Equal("2004-03-18", Value(reloaded, "SuppliedCertificateIssuedOn"));
        Assert.Contains("房屋结构为混合结构（卖方填报），建筑面积89.56平方米，分摊土地面积10.50平方米（卖方填报）", text, StringComparison.Ordinal);
        Assert.Contains("证书填发日期为2004年3月18日（卖方填报）。", text, StringComparison.Ordinal);
        Assert.Contains("上述事项中注明“卖方填报”的，不动产登记记录中没有该项", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidSuppliedFact_IsRefused_NextToItsField()
    {
        var (seller, id) = await OpenAsync(_factory, _clock.GetUtcNow());
        await ForgetHomeFactsAsync(_factory, id);
        var page = await PageAsync(seller, id, "home");

        using var unreadable = await SubmitAsync(seller, page, new() { ["SuppliedLandArea"] = "十平方", ["SuppliedCertificateIssuedOn"] = "去年" }, ("Intent", Save));
        var refused = await Forms.ParseAsync(unreadable);
        using var impossible = await SubmitAsync(seller, page, CompleteFormWith(
            ("SuppliedStructure", "混合"), ("SuppliedLandArea", "-3"), ("SuppliedCertificateIssuedOn", "1900-01-01")), ("Intent", Check));
        var checkedPage = await Forms.ParseAsync(impossible);

        Assert.Equal(HttpStatusCode.OK, unreadable.StatusCode);
        Assert.Contains("请填写数字", Forms.FieldError(refused, "SuppliedLandArea"), StringComparison.Ordinal);
        Assert.Contains("年-月-日", Forms.FieldError(refused, "SuppliedCertificateIssuedOn"), StringComparison.Ordinal);
        Assert.Equal("十平方", Value(refused, "SuppliedLandArea"));
        Assert.Equal("第一条：分摊土地面积应大于0，最多保留两位小数（单位平方米）。", Forms.FieldError(checkedPage, "SuppliedLandArea"));
        Assert.Equal("第一条：证书填发日期不早于1949年10月1日，请按房产证核对。", Forms.FieldError(checkedPage, "SuppliedCertificateIssuedOn"));
        Assert.Null((await LoadAsync(_factory, id)).Terms.Supplied.LandArea);
    }

    [Fact]
    public async Task AFactTheRegistryHas_CannotBeSupplied_EvenByAPost()
    {
        var (seller, id) = await OpenAsync(_factory, _clock.GetUtcNow());
        var page = await PageAsync(seller, id, "home");

        using var saved = await SubmitAsync(seller, page, new()
        {
            ["SuppliedStructure"] = "伪造结构",
            ["SuppliedLandArea"] = "999",
            ["SuppliedFloor"] = "1",
            ["SuppliedCertificateIssuedOn"] = "2000-01-01",
        }, ("Intent", Save));
        var reloaded = await PageAsync(seller, id, "home");
        using var preview = await seller.GetAsync(new Uri($"/contracts/{id}/preview", UriKind.Relative));
        var text = PdfText.BodyText(await preview.Content.ReadAsByteArrayAsync());

        Assert.Empty(page.QuerySelectorAll("#home-facts input"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var supplied = (await LoadAsync(_factory, id)).Terms.Supplied;
        Assert.True(supplied.IsEmpty);
        Assert.DoesNotContain("伪造结构", reloaded.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("卖方填报）", text, StringComparison.Ordinal);
        Assert.Contains("房屋结构为钢筋混凝土，", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFiledContract_PrintsTheSuppliedFactsMarked()
    {
        var (seller, listingId, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        await ForgetHomeFactsAsync(_factory, contractId);
        await _factory.WithDbAsync(async db =>
        {
            var contract = await db.Contracts.SingleAsync(c => c.Id == contractId);
            contract.UpdateTerms(contract.Terms with
            {
                Supplied = new Domain.Contracts.SuppliedHomeFacts { Structure = "砖混", LandArea = 8.25m, CertificateIssuedOn = new DateOnly(1998, 7, 1) },
            }, [.. contract.Schedule], _clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        var page = await FilingJourney.SendCodesAsync(seller.Client, contractId);
        using var filed = await FilingJourney.ConfirmAsync(seller.Client, page, await FilingJourney.CodesForAsync(_factory, "buyer-1", "seller-clean"));

        using var pdf = await seller.Client.GetAsync(new Uri($"/contracts/{contractId}/pdf", UriKind.Relative));
        var text = PdfText.BodyText(await pdf.Content.ReadAsByteArrayAsync());
        var readOnly = await PageAsync(seller.Client, contractId);

        Assert.Equal("/contracts?message=filed", filed.Headers.Location?.OriginalString);
        Assert.Contains("房屋结构为砖混（卖方填报）", text, StringComparison.Ordinal);
        Assert.Contains("分摊土地面积8.25平方米（卖方填报）", text, StringComparison.Ordinal);
        Assert.Contains("证书填发日期为1998年7月1日（卖方填报）", text, StringComparison.Ordinal);
        Assert.Contains("砖混（卖方填报）", PdfText.Flatten(readOnly.GetElementById("home-facts")!.TextContent), StringComparison.Ordinal);
        Assert.NotEqual(Guid.Empty, listingId);
    }
}
