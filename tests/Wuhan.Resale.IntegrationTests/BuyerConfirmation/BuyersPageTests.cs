using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.BuyerConfirmation;

public sealed class BuyersPageTests : IDisposable
{
    private readonly PortalFactory _factory = new() { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)) };

    public void Dispose() => _factory.Dispose();

    private async Task<(SellerJourney Seller, Guid ListingId)> VerifiedAsync(string seller = "seller-clean", string home = "home-clean")
    {
        var journey = await SellerJourney.SignInAsync(_factory, seller);
        using var response = await journey.VerifyHomeAsync(home);
        return (journey, Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]));
    }

    [Fact]
    public async Task SavingBuyers_ConfirmsThem_AndOpensADraftContract()
    {
        var (seller, listingId) = await VerifiedAsync();

        using var response = await FilingJourney.SaveBuyersAsync(seller.Client, listingId, DemoData.Citizen("buyer-1"), DemoData.Citizen("buyer-3"));
        var contracts = await Forms.GetDocumentAsync(seller.Client, response.Headers.Location!.OriginalString);

        Assert.Equal("/contracts?message=buyers-saved", response.Headers.Location?.OriginalString);
        var row = Assert.Single(contracts.QuerySelectorAll("#contracts tbody tr"));
        Assert.Equal("待申报", row.QuerySelector(".contract-status")?.TextContent.Trim());
        Assert.NotNull(row.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent == "填写合同"));
        Assert.NotNull(row.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent == "购房人信息修改"));
        var listing = await _factory.WithDbAsync(db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == listingId));
        Assert.Equal(ListingStatus.BuyersConfirmed, listing.Status);
        Assert.Equal(["聂婉清", "柯美玲"], listing.Buyers.OrderBy(b => b.Order).Select(b => b.Name));
    }

    [Fact]
    public async Task SavedBuyers_AreShownMasked_AndKeptWhenAnotherIsAdded()
    {
        var (seller, listingId) = await VerifiedAsync();
        using var first = await FilingJourney.SaveBuyersAsync(seller.Client, listingId, DemoData.Citizen("buyer-1"));

        var page = await Forms.GetDocumentAsync(seller.Client, $"/listings/{listingId}/buyers");
        using var second = await FilingJourney.SaveBuyersAsync(seller.Client, listingId, DemoData.Citizen("buyer-2"));

        Assert.Contains("4201**********5281", page.QuerySelector("tbody")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoData.Citizen("buyer-1").IdNumber, page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoData.Citizen("buyer-1").Phone, page.Body.InnerHtml, StringComparison.Ordinal);
        var buyers = await _factory.WithDbAsync(db => db.Listings.AsNoTracking().Where(l => l.Id == listingId).SelectMany(l => l.Buyers).Select(b => b.Name).ToListAsync());
        Assert.Equal(new[] { "聂婉清", "万鹏飞" }.Order(StringComparer.Ordinal), buyers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ASaveFromAStaleTab_IsRefused_KeepingWhatWasTyped_AndTheFirstSaveStands()
    {
        var (seller, listingId) = await VerifiedAsync();
        var firstTab = await Forms.GetDocumentAsync(seller.Client, $"/listings/{listingId}/buyers");
        var secondTab = await Forms.GetDocumentAsync(seller.Client, $"/listings/{listingId}/buyers");
        var buyer1 = DemoData.Citizen("buyer-1");
        var buyer2 = DemoData.Citizen("buyer-2");

        using var saved = await Forms.SubmitAsync(seller.Client, firstTab, "form", new Dictionary<string, string?>
        {
            ["Rows[0].Name"] = buyer1.Name, ["Rows[0].IdType"] = buyer1.IdType.ToString(),
            ["Rows[0].IdNumber"] = buyer1.IdNumber, ["Rows[0].Phone"] = buyer1.Phone,
        }, ("Intent", "save"));
        using var stale = await Forms.SubmitAsync(seller.Client, secondTab, "form", new Dictionary<string, string?>
        {
            ["Rows[0].Name"] = buyer2.Name, ["Rows[0].IdType"] = buyer2.IdType.ToString(),
            ["Rows[0].IdNumber"] = buyer2.IdNumber, ["Rows[0].Phone"] = buyer2.Phone,
        }, ("Intent", "save"));
        var refused = await Forms.ParseAsync(stale);

        Assert.Equal("/contracts?message=buyers-saved", saved.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal("购房人信息刚刚在其他页面被修改过，请核对后重新保存。", refused.QuerySelector("#buyers-error")?.TextContent.Trim());
        Assert.Contains(refused.QuerySelectorAll("input[name$='.Name']"), i => i.GetAttribute("value") == buyer2.Name);
        var buyers = await _factory.WithDbAsync(db => db.Listings.AsNoTracking().Where(l => l.Id == listingId).SelectMany(l => l.Buyers).Select(b => b.Name).ToListAsync());
        Assert.Equal([buyer1.Name], buyers);
        var audit = await AuditLog.AssertAsync(_factory, "listing.buyers-saved", ActorKind.Citizen, "Listing", listingId.ToString(), "购房人1位");
        var sellerPersonId = await _factory.WithDbAsync(db => db.Listings.Where(l => l.Id == listingId).Select(l => l.SellerPersonId).SingleAsync());
        Assert.Equal(await _factory.WithDbAsync(db => db.Users.Where(u => u.PersonId == sellerPersonId).Select(u => u.Id).SingleAsync()), audit.ActorId);
    }

    [Theory]
    [InlineData("ResidentIdCard", "420106199509145280", "IdNumber", "校验位")]
    [InlineData("Passport", "护照123", "IdNumber", "护照号码应为5至17位字母或数字。")]
    [InlineData("HongKongMacaoPermit", "X1234567", "IdNumber", "应为H或M开头")]
    [InlineData("TaiwanPermit", "1234", "IdNumber", "台湾居民来往大陆通行证号码应为8位或10位数字。")]
    [InlineData("ForeignPermanentResidentCard", "ABC", "IdNumber", "外国人永久居留身份证号码应为以9开头")]
    [InlineData("MilitaryOfficerCard", "字", "IdNumber", "军官证号码格式不正确")]
    [InlineData("PoliceOfficerCard", "12", "IdNumber", "警官证号码应为6至12位数字或大写字母")]
    public async Task AnInvalidIdNumber_IsRefusedNextToIt_ForEveryIdType(string idType, string idNumber, string field, string words)
    {
        var (seller, listingId) = await VerifiedAsync();
        var page = await Forms.GetDocumentAsync(seller.Client, $"/listings/{listingId}/buyers");

        using var response = await Forms.SubmitAsync(seller.Client, page, "form", new Dictionary<string, string?>
        {
            ["Rows[0].Name"] = "测试买方",
            ["Rows[0].IdType"] = idType,
            ["Rows[0].IdNumber"] = idNumber,
            ["Rows[0].Phone"] = "14000000099",
        }, ("Intent", "save"));
        var refused = await Forms.ParseAsync(response);

        var error = Forms.FieldError(refused, $"Rows[0].{field}");
        Assert.False(string.IsNullOrEmpty(error));
        Assert.Contains(words, error, StringComparison.Ordinal);
        Assert.Equal(idNumber, refused.QuerySelector("input[name='Rows[0].IdNumber']")?.GetAttribute("value"));
        Assert.Equal("测试买方", refused.QuerySelector("input[name='Rows[0].Name']")?.GetAttribute("value"));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Contracts.CountAsync()));
    }

    [Fact]
    public async Task AnUnprintableCharacterInAName_IsNamed()
    {
        var (seller, listingId) = await VerifiedAsync();
        var buyer = DemoData.Citizen("buyer-1");
        var page = await Forms.GetDocumentAsync(seller.Client, $"/listings/{listingId}/buyers");

        using var response = await Forms.SubmitAsync(seller.Client, page, "form", new Dictionary<string, string?>
        {
            ["Rows[0].Name"] = "聂\U00020BB7清",
            ["Rows[0].IdType"] = "ResidentIdCard",
            ["Rows[0].IdNumber"] = buyer.IdNumber,
            ["Rows[0].Phone"] = buyer.Phone,
        }, ("Intent", "save"));

        Assert.Contains("“\U00020BB7”无法打印", Forms.FieldError(await Forms.ParseAsync(response), "Rows[0].Name"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuplicateBuyers_AndTheOwnerAsBuyer_AreRefused()
    {
        var (seller, listingId) = await VerifiedAsync();
        var buyer = DemoData.Citizen("buyer-1");

        using var duplicate = await FilingJourney.SaveBuyersAsync(seller.Client, listingId, buyer, buyer);
        using var owner = await FilingJourney.SaveBuyersAsync(seller.Client, listingId, DemoData.Citizen("seller-clean"));

        Assert.Contains("重复", (await Forms.ParseAsync(duplicate)).QuerySelector("#buyers-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("产权人不能购买自己的房屋", (await Forms.ParseAsync(owner)).QuerySelector("#buyers-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Contracts.CountAsync()));
    }

    [Fact]
    public async Task SavingNoBuyers_IsRefused()
    {
        var (seller, listingId) = await VerifiedAsync();
        var page = await Forms.GetDocumentAsync(seller.Client, $"/listings/{listingId}/buyers");

        using var response = await Forms.SubmitAsync(seller.Client, page, "form", null, ("Intent", "save"));

        Assert.Equal("请至少添加一位购房人。", (await Forms.ParseAsync(response)).QuerySelector("#buyers-error")?.TextContent.Trim());
    }

    [Fact]
    public async Task DeletingARow_KeepsTheOthersAsTyped()
    {
        var (seller, listingId) = await VerifiedAsync();
        var page = await Forms.GetDocumentAsync(seller.Client, $"/listings/{listingId}/buyers");
        using var added = await Forms.SubmitAsync(seller.Client, page, "form", new Dictionary<string, string?> { ["Rows[0].Name"] = "甲" }, ("Intent", "add"));
        var two = await Forms.ParseAsync(added);

        using var removed = await Forms.SubmitAsync(seller.Client, two, "form", new Dictionary<string, string?> { ["Rows[1].Name"] = "乙" }, ("Intent", "remove-0"));
        var one = await Forms.ParseAsync(removed);

        Assert.Equal(2, two.QuerySelectorAll("input[name$='.Name']").Length);
        Assert.Equal(["乙"], one.QuerySelectorAll("input[name$='.Name']").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public async Task AnotherPersonsListing_IsNotFound()
    {
        var (_, listingId) = await VerifiedAsync();
        var stranger = await new CitizenLogin(_factory).SignInAsync(DemoData.Citizen("buyer-4"));

        using var response = await stranger.GetAsync(new Uri($"/listings/{listingId}/buyers", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnOfflineListing_CannotTakeBuyers()
    {
        var (seller, listingId) = await VerifiedAsync("seller-undetermined", "home-district-unknown");

        using var response = await FilingJourney.SaveBuyersAsync(seller.Client, listingId, DemoData.Citizen("buyer-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("线下", (await Forms.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
    }
}
