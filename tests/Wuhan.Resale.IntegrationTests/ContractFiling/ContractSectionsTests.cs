using System.Net;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Features.ContractFiling;
using static Wuhan.Resale.IntegrationTests.ContractFiling.DraftContract;

namespace Wuhan.Resale.IntegrationTests.ContractFiling;

/// <summary>
/// The contract form in six sections (当事人 → 房屋 → 价款与付款 → 交付与税费 → 违约与争议 → 核对): one open at a time at its
/// own address, a progress list, 保存草稿 on every section, blanks shown only when they apply, units inside the boxes,
/// amounts with separators and a 万元 reading, help under every article. All of it server-rendered: no script needed.
/// </summary>
public sealed class ContractSectionsTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public ContractSectionsTests() => _factory = new PortalFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TheForm_OpensTheFirstSection_WithAProgressListOfSix_AndSaveDraftInReach()
    {
        var (seller, id) = await OpenAsync(_factory, _clock.GetUtcNow());

        var page = await PageAsync(seller, id);

        var sections = page.QuerySelectorAll("details.cf-section");
        Assert.Equal(["当事人", "房屋", "价款与付款", "交付与税费", "违约与争议", "核对"],
            sections.Select(s => s.QuerySelector(".cf-section-title")!.TextContent.Split(". ")[1]));
        Assert.Equal(["section-parties"], sections.Where(s => s.HasAttribute("open")).Select(s => s.Id));
        Assert.Equal("第 1 步，共 6 步：当事人", page.GetElementById("progress-text")?.TextContent.Trim());
        Assert.Equal(6, page.QuerySelectorAll(".cf-progress button[name=GoTo]").Length);
        Assert.Equal("step", page.QuerySelector(".cf-progress button[value=parties]")?.GetAttribute("aria-current"));
        Assert.Equal("保存草稿", page.QuerySelector(".cf-savebar #save-draft")?.TextContent.Trim());
        Assert.Equal("save", page.QuerySelector(".cf-savebar #save-draft")?.GetAttribute("value"));
        Assert.All(sections.Take(5), s => Assert.NotNull(s.QuerySelector(".cf-section-nav button[name=GoTo]")));
    }

    [Fact]
    public async Task SaveAndContinue_KeepsWhatWasTyped_AndOpensTheNextSectionAtItsOwnAddress()
    {
        var (seller, id) = await OpenAsync(_factory, _clock.GetUtcNow());
        var page = await PageAsync(seller, id);

        using var response = await SubmitAsync(seller, page, new() { ["SellerServiceAddress"] = "武汉市江汉区新华路100号" }, ("GoTo", ContractFormSections.Home));
        var next = await Forms.GetDocumentAsync(seller, response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/contracts/{id}/edit?saved=1&section=home#section-home", response.Headers.Location.OriginalString);
        Assert.Equal(["section-home"], next.QuerySelectorAll("details.cf-section[open]").Select(s => s.Id));
        Assert.Equal("第 2 步，共 6 步：房屋", next.GetElementById("progress-text")?.TextContent.Trim());
        Assert.Equal("home", Value(next, "Section"));
        Assert.Equal("武汉市江汉区新华路100号", Value(next, "SellerServiceAddress"));
        Assert.Equal("武汉市江汉区新华路100号", (await LoadAsync(_factory, id)).Terms.SellerServiceAddress);

        // 保存草稿 on a later section stays on it; the address of each section works as a bookmark and with 后退.
        using var stay = await SubmitAsync(seller, next, new() { ["IsLet"] = "false" }, ("Intent", Save));
        Assert.Equal($"/contracts/{id}/edit?saved=1&section=home#section-home", stay.Headers.Location?.OriginalString);
        var price = await PageAsync(seller, id, ContractFormSections.Price);
        Assert.Equal(["section-price"], price.QuerySelectorAll("details.cf-section[open]").Select(s => s.Id));
        Assert.Equal(["section-parties"], (await PageAsync(seller, id, "nonsense")).QuerySelectorAll("details.cf-section[open]").Select(s => s.Id));
    }

    [Fact]
    public async Task ASectionWithAnUnreadableValue_SavesNothing_KeepsEveryTypedValue_AndOpensWhereTheMessageIs()
    {
        var (seller, id) = await OpenAsync(_factory, _clock.GetUtcNow());
        var page = await PageAsync(seller, id, ContractFormSections.Delivery);

        using var response = await SubmitAsync(seller, page, new()
        {
            ["SellerServiceAddress"] = "武汉市江汉区新华路100号",
            ["Price"] = "一百二十八万",
            ["UtilitiesTransferDays"] = "15",
            ["TransferRegistrationWithinDays"] = "六十",
        }, ("GoTo", ContractFormSections.Breach));
        var refused = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("没有保存", refused.GetElementById("form-notice")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("请填写数字", Forms.FieldError(refused, "Price"), StringComparison.Ordinal);
        Assert.Contains("整数", Forms.FieldError(refused, "TransferRegistrationWithinDays"), StringComparison.Ordinal);
        Assert.Equal(["section-price", "section-delivery"], refused.QuerySelectorAll("details.cf-section[open]").Select(s => s.Id));
        Assert.Equal("一百二十八万", Value(refused, "Price"));
        Assert.Equal("武汉市江汉区新华路100号", Value(refused, "SellerServiceAddress"));
        Assert.Equal("15", Value(refused, "UtilitiesTransferDays"));
        Assert.Equal("六十", Value(refused, "TransferRegistrationWithinDays"));
        Assert.Null((await LoadAsync(_factory, id)).Terms.SellerServiceAddress);
    }

    [Fact]
    public async Task TheArbitrationCommission_IsShownOnlyWithArbitration_AndTheLoanClauseOnlyWithALoan()
    {
        var (seller, id) = await OpenAsync(_factory, _clock.GetUtcNow());
        var blank = await PageAsync(seller, id);
        Assert.True(Wrapper(blank, "ArbitrationCommission").HasAttribute("hidden"));
        Assert.Equal("（选择仲裁时填写）", Note(blank, "ArbitrationCommission").TextContent.Trim());
        Assert.True(Wrapper(blank, "LoanRefusal").HasAttribute("hidden"));
        Assert.True(Wrapper(blank, "LeaseEndsOn").HasAttribute("hidden"));

        using var court = await SubmitAsync(seller, blank, new() { ["DisputeResolution"] = "Court", ["PaymentMethod"] = "LumpSum" }, ("Intent", Save));
        var withCourt = await PageAsync(seller, id);
        using var arbitration = await SubmitAsync(seller, withCourt,
            new() { ["DisputeResolution"] = "Arbitration", ["PaymentMethod"] = "CommercialLoan", ["IsLet"] = "true" }, ("Intent", Save));
        var withArbitration = await PageAsync(seller, id);

        Assert.True(Wrapper(withCourt, "ArbitrationCommission").HasAttribute("hidden"));
        Assert.True(Wrapper(withCourt, "LoanRefusal").HasAttribute("hidden"));
        Assert.False(Wrapper(withArbitration, "ArbitrationCommission").HasAttribute("hidden"));
        Assert.True(Note(withArbitration, "ArbitrationCommission").HasAttribute("hidden"));
        Assert.False(Wrapper(withArbitration, "LoanRefusal").HasAttribute("hidden"));
        Assert.False(Wrapper(withArbitration, "LeaseEndsOn").HasAttribute("hidden"));
        Assert.False(Wrapper(withArbitration, "LeaseHandling").HasAttribute("hidden"));
    }

    [Fact]
    public async Task Units_SitInsideTheBoxes_AndAmountsReadWithSeparatorsAndInTenThousands()
    {
        var (seller, id) = await OpenAsync(_factory, _clock.GetUtcNow());
        var page = await PageAsync(seller, id);

        using var saved = await SubmitAsync(seller, page, new() { ["Price"] = "1280000", ["Deposit"] = "55555.5" }, ("Intent", Save));
        var reloaded = await PageAsync(seller, id);

        Assert.Equal("元", Affix(reloaded, "Price", ".cf-unit"));
        Assert.Equal("万分之", Affix(reloaded, "LatePaymentDailyRate", ".cf-prefix"));
        Assert.Equal("日", Affix(reloaded, "TransferRegistrationWithinDays", ".cf-unit"));
        Assert.Equal("份", Affix(reloaded, "Copies", ".cf-unit"));
        Assert.Equal("1,280,000.00", Value(reloaded, "Price"));
        Assert.Equal("合128万元", reloaded.GetElementById("Price-wan")?.TextContent.Trim());
        Assert.Equal("55,555.50", Value(reloaded, "Deposit"));
        Assert.Equal("约5.5556万元", reloaded.GetElementById("Deposit-wan")?.TextContent.Trim());
        Assert.Equal("壹佰贰拾捌万元整", reloaded.GetElementById("PriceInCapitals")?.TextContent.Trim());

        // Only amounts in yuan get separators from the page's script; days, copies and rates stay whole as typed.
        Assert.Equal("cf-money", reloaded.GetElementById("Deposit")?.ClassName);
        Assert.False(reloaded.GetElementById("Copies")!.HasAttribute("class"));
        Assert.Null(reloaded.GetElementById("UtilitiesTransferDays")?.GetAttribute("data-money"));
        Assert.Null(reloaded.GetElementById("Copies-wan"));
    }

    [Fact]
    public async Task EveryArticle_HasAnExplanationAndAWorkedExample_AndCommonValuesAreOfferedNotForced()
    {
        var (seller, id) = await OpenAsync(_factory, _clock.GetUtcNow());
        var page = await PageAsync(seller, id);

        foreach (var article in Web.Pdf.ModelContract.Articles)
        {
            var help = page.GetElementById(article.Anchor)?.NextElementSibling;
            Assert.Equal("说明与填写示范", help?.QuerySelector("summary")?.TextContent.Trim());
            Assert.Contains("说明：", help!.TextContent, StringComparison.Ordinal);
            Assert.Contains("填写示范：", help.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal("LatePaymentDailyRate-list", page.GetElementById("LatePaymentDailyRate")?.GetAttribute("list"));
        Assert.Equal(["3", "5"], page.QuerySelectorAll("#LatePaymentDailyRate-list option").Select(o => o.GetAttribute("value")));
        Assert.Contains("武汉仲裁委员会", page.GetElementById("ArbitrationCommission-list")?.InnerHtml, StringComparison.Ordinal);

        // A value off the list is taken as typed.
        using var saved = await SubmitAsync(seller, page, new() { ["LatePaymentDailyRate"] = "4", ["TransferRegistrationWithinDays"] = "45" }, ("Intent", Save));
        var terms = (await LoadAsync(_factory, id)).Terms;
        Assert.Equal((4m, 45), (terms.LatePaymentDailyRate, terms.TransferRegistrationWithinDays));
    }

    [Fact]
    public async Task TheReviewSection_ListsWhatIsStillMissing_WithLinksToItsSection_AndTheProgressCountsThem()
    {
        var (seller, id) = await OpenAsync(_factory, _clock.GetUtcNow());
        var page = await PageAsync(seller, id);
        using var saved = await SubmitAsync(seller, page, CompleteFormWith(("BuyerServiceAddress", ""), ("Copies", "3")), ("GoTo", ContractFormSections.Review));
        var review = await Forms.GetDocumentAsync(seller, saved.Headers.Location!.OriginalString);

        var problems = review.QuerySelectorAll("#review-problems li a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.TextContent.Contains("乙方的送达地址", StringComparison.Ordinal) && p.Item2 == "?section=parties#BuyerServiceAddress");
        Assert.Contains(problems, p => p.TextContent.StartsWith("第十条：", StringComparison.Ordinal) && p.Item2 == "?section=review#Copies");
        Assert.Equal("待补1处", review.QuerySelector(".cf-progress button[value=parties] .cf-step-state")?.TextContent);
        Assert.Equal("已填完", review.QuerySelector(".cf-progress button[value=price] .cf-step-state")?.TextContent);

        using var fixedUp = await SubmitAsync(seller, review, new() { ["BuyerServiceAddress"] = "武汉市洪山区珞喻路20号", ["Copies"] = "5" }, ("Intent", Save));
        var complete = await PageAsync(seller, id, ContractFormSections.Review);
        Assert.Contains("合同已经完整", complete.GetElementById("review-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(complete.QuerySelectorAll("#review-problems li"));
    }

    private static AngleSharp.Dom.IElement Wrapper(AngleSharp.Html.Dom.IHtmlDocument page, string name) =>
        page.GetElementById(name)?.Closest(".cf-cond-field") ?? throw new InvalidOperationException($"{name} is not a conditional blank.");

    private static AngleSharp.Dom.IElement Note(AngleSharp.Html.Dom.IHtmlDocument page, string name) =>
        Wrapper(page, name).ParentElement!.QuerySelector(".cf-na")!;

    private static string? Affix(AngleSharp.Html.Dom.IHtmlDocument page, string name, string selector) =>
        page.GetElementById(name)?.Closest(".cf-field-affix")?.QuerySelector(selector)?.TextContent.Trim();
}
