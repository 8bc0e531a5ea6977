using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.IntegrationTests.Pdf;

namespace Wuhan.Resale.IntegrationTests.ContractFiling;

/// <summary>
/// 税费估算 on the contract form, the preview and the PDF, for seller-clean's home-clean (89.56 ㎡, registered 2019-04-28,
/// so held 7 full years on 26 November 2026 and free of 增值税) sold for 1,280,000 with taxes as the law provides.
/// </summary>
public sealed class TaxEstimateTests : IDisposable
{
    private const string Deed2024 = "财政部 税务总局 住房城乡建设部公告2024年第16号";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public TaxEstimateTests() => _factory = new PortalFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TheContractForm_ShowsTheEstimate_MarkedAsAnEstimate_WithEachFiguresSource()
    {
        var (seller, id) = await DraftContract.OpenAsync(_factory, _clock.GetUtcNow());
        await SaveAsync(seller, id, ("Price", "1280000"), ("TaxBearer", "EachAsLawProvides"));
        var unanswered = await DraftContract.PageAsync(seller, id, "delivery");
        await SaveAsync(seller, id, ("BuyerFirstHome", "true"));

        var page = await DraftContract.PageAsync(seller, id, "delivery");

        // The 契税 rate turns on the buyer's answer: until it is given, the estimate asks for it.
        Assert.Equal("无法估算", Cell(unanswered, "DeedTax", 1));
        Assert.Equal("请回答“买方是否首套住房”", Cell(unanswered, "DeedTax", 4));

        Assert.Contains("估算，以税务部门核定为准", page.GetElementById("tax-estimate-disclaimer")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(("12,800.00", "1%", "乙方（买方）"), Figure(page, "DeedTax"));
        Assert.StartsWith(Deed2024, Cell(page, "DeedTax", 4), StringComparison.Ordinal);
        Assert.Equal(("0.00", "免征", "甲方（卖方）"), Figure(page, "ValueAddedTax"));
        Assert.StartsWith("财税〔2016〕36号", Cell(page, "ValueAddedTax", 4), StringComparison.Ordinal);
        Assert.Equal(("80.00", "每件80元", "乙方（买方）"), Figure(page, "RegistrationFee"));
        Assert.StartsWith("发改价格规〔2016〕2559号", Cell(page, "RegistrationFee", 4), StringComparison.Ordinal);

        // Held 7 years: whether the 个人所得税 is due turns on the seller's answer, which is not given yet.
        Assert.Equal("无法估算", Cell(page, "IndividualIncomeTax", 1));
        Assert.Equal("请回答“卖方是否家庭唯一住房”", Cell(page, "IndividualIncomeTax", 4));
        Assert.Contains("持有年限：满7年", page.GetElementById("tax-estimate-facts")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTwoAnswers_AreSavedWithTheContract_AndChangeTheFigures()
    {
        var (seller, id) = await DraftContract.OpenAsync(_factory, _clock.GetUtcNow());

        await SaveAsync(seller, id, ("Price", "1280000"), ("TaxBearer", "EachAsLawProvides"), ("BuyerFirstHome", "true"), ("SellerOnlyHome", "false"));
        var notOnlyHome = await DraftContract.PageAsync(seller, id, "delivery");
        var savedFirst = await DraftContract.LoadAsync(_factory, id);
        await SaveAsync(seller, id, ("SellerOnlyHome", "true"));
        var onlyHome = await DraftContract.PageAsync(seller, id, "delivery");
        var savedSecond = await DraftContract.LoadAsync(_factory, id);

        Assert.Equal((true, false), (savedFirst.Terms.BuyerFirstHome, savedFirst.Terms.SellerOnlyHome));
        Assert.Equal("false", (notOnlyHome.GetElementById("SellerOnlyHome") as IHtmlSelectElement)?.Value);
        Assert.Equal(("12,800.00", "1%", "甲方（卖方）"), Figure(notOnlyHome, "IndividualIncomeTax"));
        Assert.StartsWith("国税发〔2006〕108号", Cell(notOnlyHome, "IndividualIncomeTax", 4), StringComparison.Ordinal);
        Assert.Contains("甲方（卖方）约承担 12,800.00 元", Text(notOnlyHome, "tax-estimate-totals"), StringComparison.Ordinal);

        Assert.True(savedSecond.Terms.SellerOnlyHome);
        Assert.Equal(("0.00", "免征", "甲方（卖方）"), Figure(onlyHome, "IndividualIncomeTax"));
        Assert.StartsWith("财税〔1999〕278号", Cell(onlyHome, "IndividualIncomeTax", 4), StringComparison.Ordinal);
        Assert.Contains("乙方（买方）约承担 12,880.00 元，甲方（卖方）约承担 0.00 元。", Text(onlyHome, "tax-estimate-totals"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerThatIsNeitherYesNorNo_IsRefusedNextToTheQuestion_AndNothingIsLost()
    {
        var (seller, id) = await DraftContract.OpenAsync(_factory, _clock.GetUtcNow());
        var page = await DraftContract.PageAsync(seller, id, "delivery");

        using var response = await DraftContract.SubmitAsync(seller, page, new() { ["Price"] = "1280000", ["SellerOnlyHome"] = "maybe" }, ("Intent", DraftContract.Save));
        var shown = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("税费估算：请选择卖方是否家庭唯一住房。", Forms.FieldError(shown, "SellerOnlyHome"));
        Assert.True(shown.QuerySelector("#section-delivery")?.HasAttribute("open"));
        Assert.Equal("1280000", DraftContract.Value(shown, "Price"));
        Assert.Null((await DraftContract.LoadAsync(_factory, id)).Terms.Price);
    }

    [Theory]
    [InlineData("price=abc&buyerFirstHome=maybe&sellerOnlyHome=&taxBearer=Nobody")]
    [InlineData("price=1e400&taxBearer=99")]
    [InlineData("price=-5&buyerFirstHome=true&buyerFirstHome=false")]
    [InlineData("price=99999999999999999999999999999999")]
    public async Task WhateverIsTypedHalfway_TheFiguresAnswer_WithoutAnErrorPage_AndNothingIsSaved(string query)
    {
        var (seller, id) = await DraftContract.OpenAsync(_factory, _clock.GetUtcNow());

        using var response = await seller.GetAsync(new Uri($"/contracts/{id}/tax-estimate?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((await DraftContract.LoadAsync(_factory, id)).Terms.Price);
    }

    [Fact]
    public async Task TheFigures_FollowWhatIsTyped_WithoutSaving_AndOnlyForTheContractsSellers()
    {
        var (seller, id) = await DraftContract.OpenAsync(_factory, _clock.GetUtcNow());
        var stranger = await new CitizenLogin(_factory).SignInAsync(DemoData.Citizen("buyer-4"));
        var url = $"/contracts/{id}/tax-estimate?price=2,000,000&buyerFirstHome=false&sellerOnlyHome=false&taxBearer=Buyer";

        using var response = await seller.GetAsync(new Uri(url, UriKind.Relative));
        var fragment = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        using var refused = await stranger.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("20,000.00", "1%", "乙方（买方）"), Figure(fragment, "DeedTax"));
        Assert.Equal(("20,000.00", "1%", "乙方（买方）"), Figure(fragment, "IndividualIncomeTax"));
        Assert.Contains("乙方（买方）约承担 40,080.00 元", Text(fragment, "tax-estimate-totals"), StringComparison.Ordinal);
        Assert.Null((await DraftContract.LoadAsync(_factory, id)).Terms.Price);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task ThePreview_EndsWithTheEstimateAnnex()
    {
        var (seller, id) = await DraftContract.OpenAsync(_factory, _clock.GetUtcNow());
        await SaveAsync(seller, id, ("Price", "1280000"), ("TaxBearer", "EachAsLawProvides"), ("BuyerFirstHome", "true"), ("SellerOnlyHome", "true"));

        using var response = await seller.GetAsync(new Uri($"/contracts/{id}/preview", UriKind.Relative));
        var pages = PdfText.Pages(await response.Content.ReadAsByteArrayAsync());
        var annex = Flatten(pages[^1]);

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("附件：税费估算（估算，以税务部门核定为准）", annex, StringComparison.Ordinal);
        Assert.DoesNotContain("附件：税费估算", Flatten(string.Concat(pages.Take(pages.Count - 1))), StringComparison.Ordinal);
        Assert.Contains("估算日期：2026年11月26日", annex, StringComparison.Ordinal);
        Assert.Contains("买方是否首套住房：是；卖方是否家庭唯一住房：是", annex, StringComparison.Ordinal);
        Assert.Contains("12,800.00", annex, StringComparison.Ordinal);
        Assert.Contains("住房城乡建设部公告", annex, StringComparison.Ordinal);
        Assert.Contains("财税〔1999〕278号", annex, StringComparison.Ordinal);
        Assert.Contains("发改价格规〔2016〕2559号", annex, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFiledContractPdf_EndsWithTheAnnex()
    {
        var (seller, _, contractId, _) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");

        using var response = await seller.Client.GetAsync(new Uri($"/contracts/{contractId}/pdf", UriKind.Relative));
        var pages = PdfText.Pages(await response.Content.ReadAsByteArrayAsync());
        var annex = Flatten(pages[^1]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("附件：税费估算（估算，以税务部门核定为准）", annex, StringComparison.Ordinal);
        Assert.Contains("估算日期：2026年11月26日", annex, StringComparison.Ordinal);
        Assert.Contains("买方是否首套住房：未回答", annex, StringComparison.Ordinal);
        Assert.Contains("发改价格规〔2016〕2559号", annex, StringComparison.Ordinal);

        // The bureau's seal is under the parties' signatures, not on the estimate, which is no term of the contract.
        Assert.DoesNotContain("网签专用章", annex, StringComparison.Ordinal);
        Assert.Contains("网签专用章", pages[^2], StringComparison.Ordinal);
        Assert.Single(pages, page => page.Contains("网签专用章", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutARegistrationDate_TheItemsThatNeedItSayTheyCannotBeEstimated_AndTheRestStillShows()
    {
        var (seller, id) = await DraftContract.OpenAsync(_factory, _clock.GetUtcNow());
        await ForgetRegistrationDateAsync(id);
        await SaveAsync(seller, id, ("Price", "1280000"), ("TaxBearer", "EachAsLawProvides"), ("BuyerFirstHome", "true"), ("SellerOnlyHome", "true"));

        var page = await DraftContract.PageAsync(seller, id, "delivery");
        using var preview = await seller.GetAsync(new Uri($"/contracts/{id}/preview", UriKind.Relative));
        var annex = Flatten(PdfText.Pages(await preview.Content.ReadAsByteArrayAsync())[^1]);

        Assert.Equal("无法估算", Cell(page, "ValueAddedTax", 1));
        Assert.Equal("不动产登记记录中没有登记时间，无法计算持有年限", Cell(page, "ValueAddedTax", 4));
        Assert.Equal("无法估算", Cell(page, "IndividualIncomeTax", 1));
        Assert.Equal("无法估算", Cell(page, "UrbanMaintenanceTax", 1));
        Assert.Equal("12,800.00", Cell(page, "DeedTax", 1));
        Assert.Contains("登记时间不明", Cell(page, "DeedTax", 4), StringComparison.Ordinal);
        Assert.Equal("80.00", Cell(page, "RegistrationFee", 1));
        Assert.Contains("（不含无法估算的项目）", Text(page, "tax-estimate-totals"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("持有年限：不明", annex, StringComparison.Ordinal);
        Assert.Contains("无法估算", annex, StringComparison.Ordinal);
    }

    private static async Task SaveAsync(HttpClient seller, Guid id, params (string Name, string? Value)[] values)
    {
        var page = await DraftContract.PageAsync(seller, id, "delivery");
        using var response = await DraftContract.SubmitAsync(seller, page, values.ToDictionary(v => v.Name, v => v.Value), ("Intent", DraftContract.Save));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private Task<int> ForgetRegistrationDateAsync(Guid contractId) =>
        _factory.WithDbAsync(async db =>
        {
            var homeId = await db.Contracts.Where(c => c.Id == contractId)
                .Join(db.Listings, c => c.ListingId, l => l.Id, (c, l) => l.PropertyRecordId).SingleAsync();
            return await db.Set<PropertyRecord>().Where(r => r.Id == homeId).ExecuteUpdateAsync(s => s.SetProperty(r => r.RegisteredOn, (DateOnly?)null));
        });

    /// <summary>Amount, rate and who bears it, as the row of that item shows them.</summary>
    private static (string?, string?, string?) Figure(IDocument page, string item) =>
        (Cell(page, item, 1), Cell(page, item, 2), Cell(page, item, 3));

    private static string? Cell(IDocument page, string item, int column) =>
        page.QuerySelector($"#tax-estimate-table tr[data-item='{item}']")?.Children[column].TextContent.Trim();

    private static string Text(IDocument page, string id) => page.GetElementById(id)?.TextContent ?? string.Empty;

    private static string Flatten(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);
}
